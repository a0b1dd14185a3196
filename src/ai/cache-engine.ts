/**
 * The cache as an engine: a stored answer replayed as one token, with no
 * network, so a hit works offline. The chat marks it "from cache".
 */
import type { Engine } from './engine'
import { createGeneration } from './generation'

/** An answer found in the response cache. */
export interface CachedAnswer {
  answer: string
  model: string
}

/** An engine that answers with one cached answer. */
export function cacheEngine(hit: CachedAnswer): Engine {
  return {
    id: 'cache',
    generate() {
      return createGeneration('cache', async (push) => {
        push(hit.answer)
        return { model: hit.model, finishReason: 'stop', tokens: 1 }
      })
    },
  }
}
