import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from './csv'

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('auth.login')).toBe('auth.login')
    expect(csvCell(42)).toBe('42')
  })

  it('writes null and undefined as empty cells', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
  })

  it('quotes leading and trailing spaces so they survive a round trip', () => {
    expect(csvCell(' padded ')).toBe('" padded "')
  })

  it('turns text a spreadsheet would run as a formula into plain text', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(
      '"\'=HYPERLINK(""http://x"",""y"")"',
    )
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
  })

  it('neutralises a formula after a semicolon, for locales that split there', () => {
    expect(csvCell('x;=1+1')).toBe('"x;\'=1+1"')
    expect(csvCell('a;b')).toBe('"a;b"')
  })

  it('keeps negative numbers as numbers', () => {
    expect(csvCell(-5)).toBe('-5')
  })
})

describe('csvLine', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvLine(['a', null, 3])).toBe('a,,3\r\n')
  })
})
