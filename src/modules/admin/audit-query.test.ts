import { describe, expect, it } from 'vitest'
import {
  NO_AUDIT_FILTER,
  auditFilterParams,
  hasAuditFilter,
} from './audit-query'

describe('auditFilterParams', () => {
  it('sends nothing for an empty form', () => {
    expect(auditFilterParams(NO_AUDIT_FILTER).toString()).toBe('')
    expect(hasAuditFilter(NO_AUDIT_FILTER)).toBe(false)
  })

  it('trims text fields and leaves out the ones that are only spaces', () => {
    const params = auditFilterParams({
      ...NO_AUDIT_FILTER,
      actor: '  admin ',
      q: '   ',
      outcome: 'denied',
    })

    expect(Object.fromEntries(params)).toEqual({
      actor: 'admin',
      outcome: 'denied',
    })
  })

  it('reads times as local time and takes in the whole last minute', () => {
    const params = auditFilterParams({
      ...NO_AUDIT_FILTER,
      from: '2030-01-02T09:30',
      to: '2030-01-02T10:00',
    })

    expect(params.get('from')).toBe(
      String(new Date('2030-01-02T09:30').getTime()),
    )
    expect(params.get('to')).toBe(
      String(new Date('2030-01-02T10:00').getTime() + 59_999),
    )
  })

  it('leaves out a time the browser cannot read', () => {
    const params = auditFilterParams({ ...NO_AUDIT_FILTER, from: 'soon' })

    expect(params.has('from')).toBe(false)
  })

  it('escapes text so a search cannot add parameters of its own', () => {
    const params = auditFilterParams({ ...NO_AUDIT_FILTER, q: 'a&limit=1' })

    expect(params.toString()).toBe('q=a%26limit%3D1')
  })
})
