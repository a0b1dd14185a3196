import { describe, expect, it } from 'vitest'
import { cacheKey, normalisePrompt, type CacheKeyInput } from './cache-key'

const input: CacheKeyInput = {
  prompt: 'What is RBAC?',
  context: [],
  model: 'm',
  params: {},
}

describe('normalisePrompt', () => {
  it('folds case, runs of whitespace and trailing punctuation', () => {
    expect(normalisePrompt('  What   is\tRBAC?!  ')).toBe('what is rbac')
    expect(normalisePrompt('what is rbac')).toBe('what is rbac')
    expect(normalisePrompt('東京とは？')).toBe('東京とは')
  })

  it('keeps punctuation inside the prompt, which can change the question', () => {
    expect(normalisePrompt('2.5 or 25?')).toBe('2.5 or 25')
    expect(normalisePrompt('Is it A, or B?')).not.toBe(
      normalisePrompt('Is it A or B?'),
    )
  })

  it('folds compatibility forms such as full-width letters', () => {
    expect(normalisePrompt('ＲＢＡＣ')).toBe('rbac')
  })
})

describe('cacheKey', () => {
  it('is the same hex digest for prompts that normalise alike', async () => {
    const key = await cacheKey(input)
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(await cacheKey({ ...input, prompt: 'what is  rbac' })).toBe(key)
  })

  it('differs when the context, model, parameters or version differ', async () => {
    const key = await cacheKey(input)
    const variants: CacheKeyInput[] = [
      { ...input, context: [{ role: 'user', content: 'earlier' }] },
      { ...input, model: 'other' },
      { ...input, params: { temperature: 0.2 } },
      { ...input, params: { maxTokens: 10 } },
      { ...input, version: 999 },
    ]
    for (const variant of variants) {
      expect(await cacheKey(variant)).not.toBe(key)
    }
  })
})
