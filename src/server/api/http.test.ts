import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messageFor, type ErrorCode } from '../../core/errors'
import {
  ASSET_PATH,
  SHELL_MARKER,
  STACK_TRACE,
  bearer,
  errorBody,
  postJson,
  signIn,
  startTestServer,
  type TestServer,
} from './test-server'
import { catalogOrigins } from '../../../models/model-catalog'

let t: TestServer

beforeAll(async () => {
  t = await startTestServer()
})

afterAll(async () => {
  await t.close()
})

function loginWith(body: string, contentType = 'application/json') {
  return fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  })
}

describe('request bodies', () => {
  it('refuses a body over 64 KiB with 413 payload_too_large', async () => {
    const response = await postJson(`${t.url}/api/auth/login`, {
      username: 'admin',
      password: 'x'.repeat(64 * 1024),
    })

    expect(response.status).toBe(413)
    expect(await errorBody(response)).toEqual({
      error: {
        code: 'payload_too_large',
        message: messageFor('payload_too_large'),
      },
    })
  })

  it('refuses an oversized body sent in chunks, without a length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8) {
          controller.close()
          return
        }
        sent++
        controller.enqueue(chunk)
      },
    })

    const response = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)

    expect(response.status).toBe(413)
    expect((await errorBody(response)).error.code).toBe('payload_too_large')
  })

  it('refuses malformed JSON with 400 invalid_json', async () => {
    const response = await loginWith('{"username": "admin", ')

    expect(response.status).toBe(400)
    expect((await errorBody(response)).error.code).toBe('invalid_json')
  })

  it('refuses a body with missing fields, naming each path', async () => {
    const response = await loginWith('{"username": "admin"}')

    expect(response.status).toBe(400)
    const { error } = await errorBody(response)
    expect(error).toEqual({
      code: 'invalid_request',
      message: messageFor('invalid_request'),
      fields: [{ path: 'password', message: expect.any(String) }],
    })
  })

  it('refuses an empty object with a field error for each field', async () => {
    const response = await loginWith('{}')

    const { error } = await errorBody(response)
    expect(
      (error.fields as { path: string }[]).map((field) => field.path).sort(),
    ).toEqual(['password', 'username'])
  })

  it('refuses a body that is not JSON with 415', async () => {
    const response = await loginWith(
      'username=admin&password=x',
      'application/x-www-form-urlencoded',
    )

    expect(response.status).toBe(415)
    expect((await errorBody(response)).error.code).toBe(
      'unsupported_media_type',
    )
  })
})

describe('unknown paths', () => {
  it('answers an unknown /api path with a JSON 404', async () => {
    const response = await fetch(`${t.url}/api/no-such-thing`)

    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect((await errorBody(response)).error.code).toBe('not_found')
  })

  it('answers a known /api path with the wrong method with a JSON 404', async () => {
    const response = await fetch(`${t.url}/api/auth/login`)

    expect(response.status).toBe(404)
    expect((await errorBody(response)).error.code).toBe('not_found')
  })

  it('never answers an /api path with the HTML shell', async () => {
    const response = await fetch(`${t.url}/api/vision`)

    expect(await response.text()).not.toContain(SHELL_MARKER)
  })
})

describe('error answers', () => {
  it('carry a code and the catalog message, and never a stack trace', async () => {
    const { session } = await signIn(t.url, 'viewer')
    const failures = [
      fetch(`${t.url}/api/me`),
      fetch(`${t.url}/api/me`, { headers: bearer('a.b.c') }),
      fetch(`${t.url}/api/users`, { headers: bearer(session.accessToken) }),
      fetch(`${t.url}/api/nowhere`),
      loginWith('{'),
      loginWith('[]'),
      loginWith('x', 'text/plain'),
      loginWith(JSON.stringify({ padding: 'x'.repeat(70_000) })),
      fetch(`${t.url}/api/auth/refresh`, { method: 'POST' }),
    ]

    for (const response of await Promise.all(failures)) {
      const text = await response.text()
      const body = JSON.parse(text) as {
        error: { code: ErrorCode; message: string }
      }

      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(text).not.toMatch(STACK_TRACE)
      expect(body.error.message).toBe(messageFor(body.error.code))
    }
  })
})

describe('security headers', () => {
  it('sends the CSP and its companions on the app shell', async () => {
    const response = await fetch(`${t.url}/`)

    const csp = response.headers.get('content-security-policy') ?? ''
    const directives = csp.split(';').map((part) => part.trim())
    // Besides its own origin, the page may reach only the model origins
    // (by default the catalog's), to download models.
    expect(directives).toContain(
      ["connect-src 'self'", ...catalogOrigins()].join(' '),
    )
    expect(directives).toContain("frame-ancestors 'none'")
    // Compiling WebAssembly (MediaPipe) is the one allowance; no inline
    // script and no eval of JavaScript.
    expect(directives).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(directives).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain("'unsafe-eval'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    const permissions = response.headers.get('permissions-policy') ?? ''
    expect(permissions).toContain('camera=(self)')
    expect(permissions).toContain('microphone=()')
  })

  it('sends them on API errors too', async () => {
    const response = await fetch(`${t.url}/api/me`)

    expect(response.status).toBe(401)
    expect(response.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'none'",
    )
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('does not send Strict-Transport-Security over plain HTTP', async () => {
    const response = await fetch(`${t.url}/`)

    expect(response.headers.get('strict-transport-security')).toBeNull()
  })

  it('marks API answers, good and bad, as not to be stored', async () => {
    const { session } = await signIn(t.url, 'viewer')

    const good = await fetch(`${t.url}/api/me`, {
      headers: bearer(session.accessToken),
    })
    const bad = await fetch(`${t.url}/api/users`, {
      headers: bearer(session.accessToken),
    })

    expect(good.headers.get('cache-control')).toBe('no-store')
    expect(bad.status).toBe(403)
    expect(bad.headers.get('cache-control')).toBe('no-store')
  })

  it('gives every response its own request id', async () => {
    const first = await fetch(`${t.url}/api/me`)
    const second = await fetch(`${t.url}/api/me`)

    expect(first.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/)
    expect(second.headers.get('x-request-id')).not.toBe(
      first.headers.get('x-request-id'),
    )
  })
})

describe('the built client', () => {
  it('serves index.html to be revalidated on every load', async () => {
    const response = await fetch(`${t.url}/`)

    expect(response.status).toBe(200)
    expect(await response.text()).toContain(SHELL_MARKER)
    expect(response.headers.get('cache-control')).toBe('no-cache')
  })

  it('serves a hashed asset as immutable for a year', async () => {
    const response = await fetch(`${t.url}${ASSET_PATH}`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/javascript/)
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    )
  })

  it('answers a missing asset with 404, not the HTML shell', async () => {
    const response = await fetch(`${t.url}/assets/x.js`)

    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain(SHELL_MARKER)
  })

  it('answers a missing file outside /assets with 404, not the HTML shell', async () => {
    const response = await fetch(`${t.url}/missing-icon.png`)

    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain(SHELL_MARKER)
  })

  it('keeps the build tools’ dot-folders private', async () => {
    const response = await fetch(`${t.url}/.vite/manifest.json`)

    expect(response.status).toBe(404)
  })

  it('answers an app route such as /vision with the HTML shell', async () => {
    const response = await fetch(`${t.url}/vision`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(await response.text()).toContain(SHELL_MARKER)
  })

  it('does not serve files outside the dist directory', async () => {
    // fetch would normalise the dots away, so these go out as written. The
    // data directory sits next to dist, so a traversal would find the db.
    for (const target of [
      '/../data/enclave.db',
      '/%2e%2e/data/enclave.db',
      '/..%2fdata%2fenclave.db',
      '/assets/..%2f..%2fdata%2fenclave.db',
    ]) {
      const { status, body } = await rawGet(target)

      expect(status, target).toBe(404)
      expect(body, target).not.toContain('SQLite format')
    }
  })
})

describe('the built client in a dist directory under a folder named assets', () => {
  let nested: TestServer

  beforeAll(async () => {
    nested = await startTestServer({}, { distParent: 'assets' })
  })

  afterAll(async () => {
    await nested.close()
  })

  it('still serves index.html to be revalidated, not as immutable', async () => {
    for (const target of ['/', '/index.html']) {
      const response = await fetch(`${nested.url}${target}`)

      expect(response.status, target).toBe(200)
      expect(response.headers.get('cache-control'), target).toBe('no-cache')
      expect(await response.text(), target).toContain(SHELL_MARKER)
    }
  })

  it('still serves hashed assets as immutable', async () => {
    const response = await fetch(`${nested.url}${ASSET_PATH}`)

    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    )
    expect(await response.text()).toContain('export const app')
  })
})

/** A GET with the path sent exactly as given, for traversal attempts. */
function rawGet(target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(t.url)
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, path: target, method: 'GET' },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('latin1'),
          }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end()
  })
}
