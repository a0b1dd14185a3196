import { describe, expect, it } from 'vitest'
import { isQuotaError } from './storage-errors'

describe('isQuotaError', () => {
  it('recognises a plain QuotaExceededError', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true)
  })

  it('finds a quota error hidden inside an AbortError', () => {
    expect(
      isQuotaError({
        name: 'AbortError',
        inner: { name: 'QuotaExceededError' },
      }),
    ).toBe(true)
  })

  it('finds a quota error among the failures of a bulk write', () => {
    expect(
      isQuotaError({
        name: 'BulkError',
        failures: [{ name: 'ConstraintError' }, { name: 'QuotaExceededError' }],
      }),
    ).toBe(true)
  })

  it('recognises the legacy numeric code', () => {
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true)
  })

  it('does not call other failures a full disk', () => {
    expect(isQuotaError({ name: 'AbortError' })).toBe(false)
    expect(isQuotaError(new Error('boom'))).toBe(false)
    expect(isQuotaError(null)).toBe(false)
  })
})
