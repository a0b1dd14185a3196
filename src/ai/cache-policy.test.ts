import { describe, expect, it } from 'vitest'
import { entryBytes, isFresh, planEviction } from './cache-policy'

const DAY = 86_400_000

describe('isFresh', () => {
  it('answers within the time to live and not after it', () => {
    const entry = { createdAt: 0, version: 1 }
    expect(isFresh(entry, 7 * DAY - 1, 7 * DAY, 1)).toBe(true)
    expect(isFresh(entry, 7 * DAY, 7 * DAY, 1)).toBe(false)
  })

  it('refuses an entry from another cache version', () => {
    expect(isFresh({ createdAt: 0, version: 1 }, 1, 7 * DAY, 2)).toBe(false)
  })
})

describe('planEviction', () => {
  const entries = [
    { key: 'old', bytes: 40, lastUsedAt: 1 },
    { key: 'mid', bytes: 40, lastUsedAt: 2 },
    { key: 'new', bytes: 40, lastUsedAt: 3 },
  ]

  it('evicts the least recently used entries when over the byte cap', () => {
    expect(planEviction(entries, { maxBytes: 80, maxEntries: 10 })).toEqual([
      'old',
    ])
    expect(planEviction(entries, { maxBytes: 79, maxEntries: 10 })).toEqual([
      'old',
      'mid',
    ])
  })

  it('evicts the least recently used entries when over the count cap', () => {
    expect(planEviction(entries, { maxBytes: 1e9, maxEntries: 1 })).toEqual([
      'old',
      'mid',
    ])
  })

  it('uses the whole cache’s totals when given only its oldest entries', () => {
    const oldest = entries.slice(0, 2)
    const totals = { bytes: 1_000, count: 3 }
    expect(
      planEviction(oldest, { maxBytes: 960, maxEntries: 10 }, totals),
    ).toEqual(['old'])
  })

  it('evicts nothing within both caps', () => {
    expect(planEviction(entries, { maxBytes: 120, maxEntries: 3 })).toEqual([])
  })

  it('evicts an entry too big for the cap on its own', () => {
    const big = [{ key: 'huge', bytes: 500, lastUsedAt: 9 }]
    expect(planEviction(big, { maxBytes: 100, maxEntries: 10 })).toEqual([
      'huge',
    ])
  })
})

describe('entryBytes', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(entryBytes('é', '😀')).toBe(6)
  })
})
