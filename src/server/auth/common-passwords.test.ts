import { describe, expect, it } from 'vitest'
import { commonPasswordCount, isCommonPassword } from './common-passwords'

describe('the common-password list', () => {
  it('holds the whole derived list and none of its comment lines', () => {
    expect(commonPasswordCount()).toBe(30_000)
    expect(isCommonPassword('# licence of the source (mit):')).toBe(false)
  })

  it('knows the most common passwords, short and long', () => {
    expect(isCommonPassword('123456')).toBe(true)
    expect(isCommonPassword('password')).toBe(true)
    expect(isCommonPassword('1qaz2wsx3edc')).toBe(true)
  })

  it('does not know a made-up passphrase', () => {
    expect(isCommonPassword('granite-otter-lantern')).toBe(false)
  })
})
