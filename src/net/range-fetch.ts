/**
 * The model installer's network access: a GET that asks for the rest of a
 * file from a byte on. No credentials go to the model's host, and the
 * browser's HTTP cache is skipped, which would otherwise keep a second
 * copy of a file of hundreds of megabytes.
 */
import type { RangeFetch, RangeResponse } from '../ai/install-types'

/** `fetch` with `Range: bytes=<from>-` when resuming. */
export const rangeFetch: RangeFetch = async (url, from, signal) => {
  const response = await fetch(url, {
    headers: from > 0 ? { Range: `bytes=${from}-` } : {},
    credentials: 'omit',
    cache: 'no-store',
    signal,
  })
  const body = response.body
  const result: RangeResponse = {
    status: response.status,
    header: (name) => response.headers.get(name),
    body: (async function* () {
      if (!body) return
      const reader = body.getReader()
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          yield value
        }
      } finally {
        reader.releaseLock()
      }
    })(),
  }
  return result
}
