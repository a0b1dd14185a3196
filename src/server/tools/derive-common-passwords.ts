/**
 * Derives `src/server/auth/common-passwords.txt` from the password list that
 * ships inside the zxcvbn npm package (MIT licence). Run it again to change
 * the list:
 *
 *   npm pack zxcvbn@4.4.2 && tar xzf zxcvbn-4.4.2.tgz
 *   npx tsx src/server/tools/derive-common-passwords.ts package/lib/frequency_lists.js
 *
 * The file is read as text, never executed: the list is one comma-separated
 * string literal under the `passwords` key.
 */
import fs from 'node:fs'
import path from 'node:path'

const SOURCE_VERSION = 'zxcvbn 4.4.2'
const OUTPUT = path.resolve('src/server/auth/common-passwords.txt')

const HEADER = `# Common passwords, most common first, one per line, lower case.
# Derived by src/server/tools/derive-common-passwords.ts from the
# "passwords" frequency list in the npm package ${SOURCE_VERSION}
# (lib/frequency_lists.js).
#
# Licence of the source (MIT):
#
# Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.
#
# Permission is hereby granted, free of charge, to any person obtaining
# a copy of this software and associated documentation files (the
# "Software"), to deal in the Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to
# permit persons to whom the Software is furnished to do so, subject to
# the following conditions:
#
# The above copyright notice and this permission notice shall be
# included in all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
# EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
# MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
# LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
# OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
# WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`

function main(): void {
  const input = process.argv[2]
  if (!input) {
    process.stderr.write(
      'Usage: tsx src/server/tools/derive-common-passwords.ts <zxcvbn lib/frequency_lists.js>\n',
    )
    process.exit(2)
  }
  const text = fs.readFileSync(input, 'utf8')
  const list = /\bpasswords:\s*"([^"]*)"/.exec(text)?.[1]
  if (!list) {
    throw new Error(`No "passwords" list in ${input}`)
  }

  const seen = new Set<string>()
  for (const entry of list.split(',')) {
    const password = entry.trim().toLowerCase()
    if (password && !password.includes('\n')) {
      seen.add(password)
    }
  }

  fs.writeFileSync(OUTPUT, `${HEADER}${[...seen].join('\n')}\n`)
  process.stdout.write(`Wrote ${seen.size} passwords to ${OUTPUT}\n`)
}

main()
