import { describe, expect, it } from 'vitest'
import { safeRedirect } from './safe-redirect'

const origin = 'http://127.0.0.1:8080'

describe('safeRedirect', () => {
  it('keeps a path on this site with its query and hash', () => {
    expect(safeRedirect('/settings?tab=a#b', origin)).toBe('/settings?tab=a#b')
  })

  it.each([
    ['a protocol-relative URL', '//example.invalid/x'],
    ['a backslash that browsers read as a slash', '/\\example.invalid'],
    ['an absolute URL', 'http://example.invalid/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'settings'],
    ['a control character', '/ok\n//example.invalid'],
    ['the sign-in page itself', '/login?redirect=/admin'],
    ['something that is not a string', 42],
    ['nothing', undefined],
  ])('falls back to the dashboard for %s', (_label, value) => {
    expect(safeRedirect(value, origin)).toBe('/')
  })

  it('refuses an overlong value', () => {
    expect(safeRedirect(`/${'a'.repeat(3000)}`, origin)).toBe('/')
  })
})
