/**
 * A fake file server for the installer's tests: it answers Range requests
 * for one file, can drop the connection after a number of bytes, and
 * records the byte each request started at.
 */
import type { RangeFetch, RangeResponse } from '../install-types'

/** How the fake server misbehaves. */
export interface FakeServerOptions {
  /** Per request, in order: end the body with an error after this many bytes. */
  cutAfter?: (number | null)[]
  contentType?: string
  /** Announce this length instead of the real one. */
  announcedLength?: number
  ignoreRange?: boolean
}

/** A RangeFetch over `file`, and the starting byte of every request. */
export function fakeRangeServer(
  file: Uint8Array,
  options: FakeServerOptions = {},
): { fetchRange: RangeFetch; starts: number[] } {
  const starts: number[] = []
  const fetchRange: RangeFetch = async (_url, from) => {
    const cut = options.cutAfter?.[starts.length] ?? null
    const begin = options.ignoreRange ? 0 : from
    starts.push(from)
    const partial = begin > 0
    const total = options.announcedLength ?? file.length
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? 'application/octet-stream',
      'content-length': String(total - begin),
    }
    if (partial) {
      headers['content-range'] = `bytes ${begin}-${total - 1}/${total}`
    }
    const body = file.subarray(begin)
    const response: RangeResponse = {
      status: partial ? 206 : 200,
      header: (name) => headers[name] ?? null,
      body: (async function* () {
        for (let at = 0; at < body.length; at += 10) {
          if (cut !== null && at >= cut) {
            throw new Error('connection reset')
          }
          yield body.subarray(at, at + 10)
        }
      })(),
    }
    return response
  }
  return { fetchRange, starts }
}
