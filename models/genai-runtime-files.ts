/**
 * Copies the MediaPipe GenAI runtime (wasm loaders and binaries) out of
 * its npm package, so the local engine's worker loads it from our own
 * origin under a versioned path. MediaPipe's default is a CDN, which the
 * CSP blocks and which would not work offline.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  TASKS_GENAI_RUNTIME,
  TASKS_GENAI_VERSION,
} from '../src/core/genai-runtime'
import { NODE_MODULES } from './prepare'

/** The package folder that holds the wasm files. */
export const TASKS_GENAI_WASM_DIR = path.join(
  NODE_MODULES,
  '@mediapipe/tasks-genai/wasm',
)

/**
 * Every loader: the classic worker of the build asks for the SIMD or
 * no-SIMD build, the dev server's module worker for the module build.
 */
export const GENAI_RUNTIME_FILES = [
  'genai_wasm_internal.js',
  'genai_wasm_internal.wasm',
  'genai_wasm_nosimd_internal.js',
  'genai_wasm_nosimd_internal.wasm',
  'genai_wasm_module_internal.js',
  'genai_wasm_module_internal.wasm',
] as const

/** Copy the GenAI runtime into `outDir`; fails on a version mismatch. */
export async function copyGenaiRuntime(outDir: string): Promise<void> {
  const manifest = path.join(
    NODE_MODULES,
    '@mediapipe/tasks-genai/package.json',
  )
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as {
    version: string
  }
  if (version !== TASKS_GENAI_VERSION) {
    throw new Error(
      `@mediapipe/tasks-genai is ${version} but src/core/genai-runtime.ts names ${TASKS_GENAI_VERSION}. Update TASKS_GENAI_VERSION so the runtime gets a new path.`,
    )
  }
  const target = path.join(outDir, TASKS_GENAI_RUNTIME)
  await mkdir(target, { recursive: true })
  for (const file of GENAI_RUNTIME_FILES) {
    await copyFile(
      path.join(TASKS_GENAI_WASM_DIR, file),
      path.join(target, file),
    )
  }
}
