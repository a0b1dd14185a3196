import { describe, expect, it } from 'vitest'
import { PASSWORD_MIN, passwordProblem } from './password-policy'

const COMMON = new Set(['password', 'dragon', 'qwerty123456', 'monkey'])

function check(password: string, username = 'alice') {
  return passwordProblem(password, {
    username,
    isCommon: (candidate) => COMMON.has(candidate),
  })
}

describe('passwordProblem', () => {
  it('accepts a long password that is on no list', () => {
    expect(check('granite-otter-lantern')).toBeNull()
  })

  it(`refuses fewer than ${PASSWORD_MIN} characters`, () => {
    expect(check('granite-ott')).toBe('too_short')
    expect(check('granite-otte')).toBeNull()
  })

  it('counts an emoji as one character, not two', () => {
    const elevenCodePoints = `${'🦦'.repeat(6)}x-abc`

    expect(elevenCodePoints.length).toBeGreaterThan(PASSWORD_MIN)
    expect(check(elevenCodePoints)).toBe('too_short')
  })

  it('refuses a listed password whatever its case', () => {
    expect(check('QWERTY123456')).toBe('common')
  })

  it('refuses a listed word with digits or symbols around it', () => {
    expect(check('password1234')).toBe('common_with_suffix')
    expect(check('!!Dragon2030!!')).toBe('common_with_suffix')
  })

  it('refuses a short pattern repeated, and a common word repeated', () => {
    expect(check('abcabcabcabc')).toBe('repetitive')
    expect(check('zzzzzzzzzzzzzz')).toBe('repetitive')
    expect(check('monkeymonkey')).toBe('repetitive')
  })

  it('accepts a long unit said twice when it is not common', () => {
    expect(check('lantern-otter-lantern-otter')).toBeNull()
  })

  it('refuses a password that holds the username', () => {
    expect(check('my-name-is-Alice-ok', 'alice')).toBe('contains_username')
  })

  it('ignores a username too short to matter', () => {
    expect(check('bo-granite-otter', 'bo')).toBeNull()
  })
})
