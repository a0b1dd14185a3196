/**
 * Copies the MediaPipe Tasks vision runtime (wasm loader and binary) out of
 * its npm package so the app serves it from its own origin, under a path
 * that names the version. MediaPipe's own default is a CDN, which the CSP
 * blocks and which would not work offline.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  TASKS_VISION_RUNTIME,
  TASKS_VISION_VERSION,
} from '../src/core/model-manifest'
import { NODE_MODULES } from './prepare'

/** The package folder that holds the wasm files. */
export const TASKS_VISION_WASM_DIR = path.join(
  NODE_MODULES,
  '@mediapipe/tasks-vision/wasm',
)

/**
 * The files the classic worker can ask for: the SIMD build, and the
 * fallback for browsers without wasm SIMD. The `module` variants are only
 * for module workers, which the build does not make.
 */
export const RUNTIME_FILES = [
  'vision_wasm_internal.js',
  'vision_wasm_internal.wasm',
  'vision_wasm_nosimd_internal.js',
  'vision_wasm_nosimd_internal.wasm',
] as const

/** Fail unless the installed tasks-vision is the version the app names. */
export async function checkRuntimeVersion(): Promise<void> {
  const file = path.join(NODE_MODULES, '@mediapipe/tasks-vision/package.json')
  const { version } = JSON.parse(await readFile(file, 'utf8')) as {
    version: string
  }
  if (version !== TASKS_VISION_VERSION) {
    throw new Error(
      `@mediapipe/tasks-vision is ${version} but src/core/model-manifest.ts names ${TASKS_VISION_VERSION}. Update TASKS_VISION_VERSION so the runtime gets a new path.`,
    )
  }
}

/** Copy the runtime into `outDir` under its versioned path. */
export async function copyRuntime(outDir: string): Promise<void> {
  await checkRuntimeVersion()
  const target = path.join(outDir, TASKS_VISION_RUNTIME)
  await mkdir(target, { recursive: true })
  for (const file of RUNTIME_FILES) {
    await copyFile(
      path.join(TASKS_VISION_WASM_DIR, file),
      path.join(target, file),
    )
  }
}
