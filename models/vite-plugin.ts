/**
 * The Vite plugin that puts the shipped models and the vision runtime in
 * the app: after a build it writes them into the output folder (`models/`
 * and `runtimes/`), and the dev server serves them from the prepared folder
 * and the package.
 */
import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { MODELS_PATH } from '../src/core/asset-paths'
import { TASKS_VISION_RUNTIME } from '../src/core/model-manifest'
import { DEFAULT_OUT_DIR, prepareModels } from './prepare'
import { TASKS_VISION_WASM_DIR, copyRuntime } from './runtime-files'
import { TASKS_GENAI_RUNTIME } from '../src/core/genai-runtime'
import { TASKS_GENAI_WASM_DIR, copyGenaiRuntime } from './genai-runtime-files'

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.tflite': 'application/octet-stream',
  '.wasm': 'application/wasm',
}

/** Prepare the shipped models and copy the AI runtimes at build. */
export function shippedAssets(): Plugin {
  let outDir = 'dist'
  return {
    name: 'enclave-shipped-assets',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async writeBundle() {
      await prepareModels(path.join(outDir, MODELS_PATH))
      await copyRuntime(outDir)
      await copyGenaiRuntime(outDir)
    },
    async configureServer(server) {
      await prepareModels(DEFAULT_OUT_DIR)
      const folders: [string, string][] = [
        [MODELS_PATH, DEFAULT_OUT_DIR],
        [`${TASKS_VISION_RUNTIME}/`, TASKS_VISION_WASM_DIR],
        [`${TASKS_GENAI_RUNTIME}/`, TASKS_GENAI_WASM_DIR],
      ]
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://dev')
        const match = folders.find(([prefix]) =>
          url.pathname.startsWith(prefix),
        )
        const name = match && path.basename(url.pathname)
        const file = match && name ? path.join(match[1], name) : null
        if (!file || !existsSync(file)) {
          next()
          return
        }
        response.setHeader(
          'Content-Type',
          CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        )
        createReadStream(file).pipe(response)
      })
    },
  }
}
