/**
 * The list of common passwords that new passwords are checked against:
 * 30,000 entries derived from the zxcvbn package (source and licence are at
 * the top of the text file). It is read once, on first use, into a Set of
 * about 2 MB.
 */
import fs from 'node:fs'

const LIST_FILE = new URL('./common-passwords.txt', import.meta.url)

let list: Set<string> | null = null

function load(): Set<string> {
  const lines = fs.readFileSync(LIST_FILE, 'utf8').split('\n')
  return new Set(
    lines
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  )
}

/** Whether a lower-cased string is on the list. */
export function isCommonPassword(candidate: string): boolean {
  list ??= load()
  return list.has(candidate)
}

/** How many passwords the list holds, for tests and the README. */
export function commonPasswordCount(): number {
  list ??= load()
  return list.size
}
