/**
 * Builds a Generation from a producer that pushes tokens, so each engine
 * writes only how it gets its tokens; timing, the token stream and aborts
 * work the same for all of them.
 */
import type { FinishReason } from '../core/protocol'
import type { EngineId, Generation, GenerationSummary } from './engine'

/** What a producer reports when it ends. */
export interface ProducerResult {
  model: string
  finishReason: FinishReason
  /** The engine's own count, when it has one; else each push counts one. */
  tokens?: number
}

/** Pushes tokens as they come and resolves when it has no more. */
export type Producer = (
  push: (token: string) => void,
  signal: AbortSignal,
) => Promise<ProducerResult>

/** Whether an error is an abort, however the platform spells it. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/** The tokens-per-second figure, from the first token to the last. */
export function tokensPerSecond(
  tokens: number,
  firstTokenMs: number | null,
  totalMs: number,
): number | null {
  if (firstTokenMs === null || tokens < 2 || totalMs <= firstTokenMs) {
    return null
  }
  return ((tokens - 1) * 1000) / (totalMs - firstTokenMs)
}

/** Run a producer as a generation of the given engine. */
export function createGeneration(
  engine: EngineId,
  produce: Producer,
  clock: () => number = () => performance.now(),
): Generation {
  const controller = new AbortController()
  const queue: string[] = []
  let ended = false
  let wake: () => void = () => undefined
  const started = clock()
  let firstTokenAt: number | null = null
  let pushed = 0

  const push = (token: string) => {
    if (ended || controller.signal.aborted) return
    firstTokenAt ??= clock()
    pushed += 1
    queue.push(token)
    wake()
  }

  const summary = produce(push, controller.signal)
    .catch((error: unknown): ProducerResult => {
      if (controller.signal.aborted || isAbort(error)) {
        return { model: '', finishReason: 'aborted' }
      }
      throw error
    })
    .then((result): GenerationSummary => {
      const totalMs = clock() - started
      const firstTokenMs = firstTokenAt === null ? null : firstTokenAt - started
      const tokens = result.tokens ?? pushed
      return {
        engine,
        model: result.model,
        firstTokenMs,
        totalMs,
        tokens,
        tokensPerSecond: tokensPerSecond(tokens, firstTokenMs, totalMs),
        finishReason: controller.signal.aborted
          ? 'aborted'
          : result.finishReason,
      }
    })
    .finally(() => {
      ended = true
      wake()
    })
  // The caller reads the summary after the tokens; until then a failure
  // must not count as unhandled.
  summary.catch(() => undefined)

  async function* tokens(): AsyncGenerator<string> {
    for (;;) {
      const next = queue.shift()
      if (next !== undefined) {
        yield next
        continue
      }
      if (ended) return
      await new Promise<void>((resolve) => (wake = resolve))
    }
  }

  return {
    tokens: tokens(),
    summary,
    abort: () => controller.abort(),
  }
}
