/**
 * Starts the local engine's worker. Vite's dev server serves workers only
 * as ES modules, while the build bundles them as classic scripts (what
 * MediaPipe's importScripts loader needs); each branch names the worker
 * literally so Vite bundles it.
 */

/** A new local-engine worker. */
export function createLlmWorker(): Worker {
  return import.meta.env.DEV
    ? new Worker(new URL('./llm.worker.ts', import.meta.url), {
        type: 'module',
        name: 'llm',
      })
    : new Worker(new URL('./llm.worker.ts', import.meta.url), { name: 'llm' })
}
