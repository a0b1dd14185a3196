/**
 * CSV lines as RFC 4180 writes them, safe to open in a spreadsheet. Audit
 * rows hold text that strangers choose (a failed sign-in records the
 * username as typed), and a spreadsheet runs a cell that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return as a formula. Such a cell gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate.
 * Spreadsheets set to a locale that separates cells with `;` split a cell
 * there too, so a formula start right after a `;` is neutralised the same
 * way, and such a cell is quoted.
 */

/** One cell's value; null and undefined become empty cells. */
export type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const FORMULA_AFTER_SEMICOLON = /;(?=[=+\-@\t\r])/g
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return ''
  }
  let text = String(value)
  if (typeof value === 'string') {
    text = text.replace(FORMULA_AFTER_SEMICOLON, ";'")
    if (FORMULA_START.test(text)) {
      text = `'${text}`
    }
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One line of cells, ending in CRLF as RFC 4180 asks. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
