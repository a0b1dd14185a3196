/**
 * Starts the vision worker. Vite's dev server serves workers only as ES
 * modules, while the build bundles them as classic scripts, which is what
 * MediaPipe's loader (importScripts) was checked to work with; each branch
 * names the worker literally so Vite bundles it.
 */
import { VisionClient } from './vision-client'

/** A client for a new vision worker. */
export function createVisionClient(): VisionClient {
  const worker = import.meta.env.DEV
    ? new Worker(new URL('./vision.worker.ts', import.meta.url), {
        type: 'module',
        name: 'vision',
      })
    : new Worker(new URL('./vision.worker.ts', import.meta.url), {
        name: 'vision',
      })
  return new VisionClient(worker)
}
