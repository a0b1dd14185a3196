/**
 * Cursors for paged lists. A cursor is the id of the last row a page held,
 * base64url-encoded so clients treat it as opaque. Paging by id (not by
 * offset) keeps pages stable while new rows arrive.
 */

/** Turn the last row id of a page into the cursor for the next page. */
export function encodeCursor(lastId: number): string {
  return Buffer.from(`id:${lastId}`).toString('base64url')
}

/** Read a cursor back; null when it is not one this server made. */
export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const match = /^id:(\d{1,15})$/.exec(text)
  return match?.[1] ? Number(match[1]) : null
}
