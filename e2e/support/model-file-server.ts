/**
 * A model file server on 127.0.0.1 for the installer specs: one file of
 * random bytes with Range support and CORS, a path whose first response is
 * cut halfway (to test resume), and a web page where a model should be.
 * It records every request's path and Range header.
 */
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** The running server, the file it serves and what it was asked. */
export interface ModelFileServer {
  origin: string
  bytes: Buffer
  sha256: string
  requests: { path: string; range: string | null }[]
  /** Close the stalled first response of `/cut/model.task` short of its length. */
  cutNow(): void
  close(): Promise<void>
}

/**
 * Serve `size` random bytes as `/model.task` and `/cut/model.task`; the
 * first response of the latter stops at half until `cutNow`.
 */
export async function startModelFileServer(
  size = 3 * 1024 * 1024,
): Promise<ModelFileServer> {
  const bytes = randomBytes(size)
  const requests: ModelFileServer['requests'] = []
  let cut = false
  let stalled: http.ServerResponse | null = null
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const range = request.headers.range ?? null
    response.setHeader('Access-Control-Allow-Origin', '*')
    response.setHeader('Access-Control-Allow-Headers', 'Range')
    response.setHeader(
      'Access-Control-Expose-Headers',
      'Content-Range, Content-Length',
    )
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end()
      return
    }
    requests.push({ path, range })
    if (path === '/page.html') {
      response.writeHead(200, { 'Content-Type': 'text/html' })
      response.end('<!doctype html><title>Not a model</title>')
      return
    }
    if (path !== '/model.task' && path !== '/cut/model.task') {
      response.writeHead(404).end()
      return
    }
    const start = Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1] ?? 0)
    const headers: Record<string, string> = {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(size - start),
      'Accept-Ranges': 'bytes',
    }
    if (start > 0) {
      headers['Content-Range'] = `bytes ${start}-${size - 1}/${size}`
    }
    response.writeHead(start > 0 ? 206 : 200, headers)
    if (path === '/cut/model.task' && !cut) {
      // Half the file, then the response stalls until the spec cuts it
      // (once the page has written that half), as on a flaky network.
      // Cutting earlier would lose bytes still queued in the browser's
      // stream, which an errored stream discards.
      cut = true
      response.write(bytes.subarray(0, size / 2))
      stalled = response
      return
    }
    response.end(bytes.subarray(start))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    requests,
    cutNow: () => stalled?.socket?.end(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
