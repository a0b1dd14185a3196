/**
 * The in-page model half of `npm run bench:local`, used only when
 * ENCLAVE_BENCH_MODEL names a real model: it drives the local engine's own
 * worker (the same file the app ships) through load and two generations
 * and times load, first token and tokens per second, cold and warm.
 */
import type { LlmReply, LlmRequest } from '../../src/ai/llm-protocol'

/** One generation's figures. */
export interface RunFigures {
  firstTokenMs: number
  tokens: number
  tokensPerSecond: number | null
}

/** The model run's figures, or why it stopped. */
export type ModelRun =
  | { loadMs: number; cold: RunFigures; warm: RunFigures }
  | { failed: string; detail: string }

function next(worker: Worker, types: LlmReply['type'][]): Promise<LlmReply> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent<LlmReply>) => {
      if (types.includes(event.data.type)) {
        worker.removeEventListener('message', listener)
        resolve(event.data)
      }
    }
    worker.addEventListener('message', listener)
  })
}

async function generate(worker: Worker, id: string): Promise<RunFigures> {
  const started = performance.now()
  let first: number | null = null
  let last = started
  let tokens = 0
  const count = (event: MessageEvent<LlmReply>) => {
    if (event.data.type === 'token') {
      first ??= performance.now()
      last = performance.now()
      tokens++
    }
  }
  worker.addEventListener('message', count)
  const request: LlmRequest = {
    type: 'generate',
    id,
    messages: [
      {
        role: 'user',
        content: 'Explain in three sentences what a service worker does.',
      },
    ],
    answerTokens: 256,
  }
  worker.postMessage(request)
  await next(worker, ['done', 'failed'])
  worker.removeEventListener('message', count)
  const firstTokenMs = (first ?? last) - started
  return {
    firstTokenMs,
    tokens,
    tokensPerSecond:
      first === null || tokens < 2
        ? null
        : ((tokens - 1) * 1000) / (last - first),
  }
}

/** Load the installed file `file` in a fresh worker and time two runs. */
export async function runModel(
  workerUrl: string,
  file: string,
): Promise<ModelRun> {
  const worker = new Worker(workerUrl)
  const started = performance.now()
  const load: LlmRequest = {
    type: 'load',
    file,
    needs: null,
    contextTokens: 1024,
  }
  worker.postMessage(load)
  const loaded = await next(worker, ['loaded', 'load-failed'])
  if (loaded.type === 'load-failed') {
    worker.terminate()
    return { failed: loaded.code, detail: loaded.detail }
  }
  const loadMs = performance.now() - started
  const cold = await generate(worker, 'cold')
  const warm = await generate(worker, 'warm')
  worker.terminate()
  return { loadMs, cold, warm }
}
