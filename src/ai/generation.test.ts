import { describe, expect, it } from 'vitest'
import { createGeneration, tokensPerSecond } from './generation'

function fakeClock(times: number[]) {
  return () => times.shift() ?? 0
}

describe('createGeneration', () => {
  it('streams pushed tokens and ends with a timed summary', async () => {
    const generation = createGeneration(
      'cloud',
      async (push) => {
        push('a')
        push('b')
        push('c')
        return { model: 'm', finishReason: 'stop' }
      },
      // start, first token, summary
      fakeClock([0, 100, 1100]),
    )
    const seen: string[] = []
    for await (const token of generation.tokens) seen.push(token)

    expect(seen).toEqual(['a', 'b', 'c'])
    expect(await generation.summary).toMatchObject({
      engine: 'cloud',
      firstTokenMs: 100,
      totalMs: 1100,
      tokens: 3,
      tokensPerSecond: 2,
      finishReason: 'stop',
    })
  })

  it('resolves an aborted generation as aborted, not as an error', async () => {
    const generation = createGeneration('cloud', (push, signal) => {
      push('a')
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () =>
          reject(new DOMException('Aborted', 'AbortError')),
        )
      })
    })
    generation.abort()
    expect((await generation.summary).finishReason).toBe('aborted')
  })

  it('rejects the summary with the engine error and still ends the tokens', async () => {
    const generation = createGeneration('cloud', async (push) => {
      push('a')
      throw new Error('upstream_error')
    })
    const seen: string[] = []
    for await (const token of generation.tokens) seen.push(token)
    expect(seen).toEqual(['a'])
    await expect(generation.summary).rejects.toThrow('upstream_error')
  })
})

describe('tokensPerSecond', () => {
  it('has no figure for fewer than two tokens', () => {
    expect(tokensPerSecond(1, 10, 20)).toBeNull()
    expect(tokensPerSecond(5, null, 20)).toBeNull()
  })
})
