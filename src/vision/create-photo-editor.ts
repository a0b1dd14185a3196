/**
 * The photo editor's worker (photo-edit.worker.ts), started on the first
 * call. As with the vision worker, Vite's dev server serves workers only
 * as ES modules and the build bundles them as classic scripts; each branch
 * names the worker literally so Vite bundles it.
 */
import { wrap, type Remote } from 'comlink'
import type { PhotoEditApi } from './photo-edit.worker'

function startWorker(): Worker {
  return import.meta.env.DEV
    ? new Worker(new URL('./photo-edit.worker.ts', import.meta.url), {
        type: 'module',
        name: 'photo-edit',
      })
    : new Worker(new URL('./photo-edit.worker.ts', import.meta.url), {
        name: 'photo-edit',
      })
}

/** A photo worker that starts when first used and can be stopped. */
export class PhotoEditor {
  private worker: Worker | null = null
  private remote: Remote<PhotoEditApi> | null = null

  /** The worker's calls; starts the worker if it is not running. */
  get api(): Remote<PhotoEditApi> {
    if (!this.remote) {
      this.worker = startWorker()
      this.remote = wrap<PhotoEditApi>(this.worker)
    }
    return this.remote
  }

  /** Let go of photo `id` if the worker runs; never starts one. */
  forget(id: number): void {
    void this.remote?.forget(id)
  }

  /** Stop the worker, dropping the photos it holds. */
  stop(): void {
    this.worker?.terminate()
    this.worker = null
    this.remote = null
  }
}
