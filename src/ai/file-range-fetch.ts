/**
 * "Import a file": a RangeFetch over a file the user picked, so an
 * imported model goes through the same installer as a download (the same
 * streamed hash, temporary name, commit and index) without a second path.
 */
import type { RangeFetch } from './install-types'

/** Serve `file` to the installer as if it were a server with ranges. */
export function fileRangeFetch(file: Blob): RangeFetch {
  return async (_url, from) => {
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      'content-length': String(file.size - from),
    }
    if (from > 0) {
      headers['content-range'] = `bytes ${from}-${file.size - 1}/${file.size}`
    }
    const stream = file.slice(from).stream()
    return {
      status: from > 0 ? 206 : 200,
      header: (name) => headers[name] ?? null,
      body: (async function* () {
        const reader = stream.getReader()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          yield value
        }
      })(),
    }
  }
}
