import { pino } from 'pino'
import { beforeAll, describe, expect, it } from 'vitest'
import { messageFor } from '../core/errors'
import { createApp } from './app'
import { generateSigningKeys, type SigningKeys } from './auth/access-tokens'
import { loadConfig } from './config'
import { createServices } from './services'
import { openMemoryDatabase } from './store/database'

let keys: SigningKeys

beforeAll(async () => {
  keys = await generateSigningKeys()
})

/** An app over an in-memory database whose log lines the test can read. */
function appWithLog() {
  const lines: Record<string, unknown>[] = []
  const logger = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        lines.push(JSON.parse(line) as Record<string, unknown>)
      },
    },
  )
  const db = openMemoryDatabase()
  const services = createServices({ config: loadConfig({}), logger, db, keys })
  return { app: createApp(services), db, lines }
}

function login(app: ReturnType<typeof createApp>) {
  return app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'a-password' }),
  })
}

describe('the error handler', () => {
  it('answers an unexpected failure with server_error and nothing about its cause', async () => {
    const { app, db } = appWithLog()
    db.close()

    const response = await login(app)

    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      error: { code: 'server_error', message: messageFor('server_error') },
    })
    expect(text).not.toMatch(/database|sqlite|\bat \S+ \(|\.ts\b/i)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('logs the unexpected failure with the request id the caller was given', async () => {
    const { app, db, lines } = appWithLog()
    db.close()

    const response = await login(app)

    const requestId = response.headers.get('x-request-id')
    const logged = lines.find((line) => line.msg === 'unhandled error')
    expect(logged).toMatchObject({
      level: 50,
      reqId: requestId,
      err: { name: 'TypeError', message: expect.any(String) },
    })
  })

  it('logs each request without its body, query string or headers', async () => {
    const { app, lines } = appWithLog()

    await app.request('/api/me?token=secret-in-query', {
      headers: { authorization: 'Bearer secret-in-header' },
    })
    await login(app)

    const requests = lines.filter((line) => line.msg === 'request')
    expect(requests.map((line) => [line.path, line.status])).toEqual([
      ['/api/me', 401],
      ['/api/auth/login', 401],
    ])
    expect(JSON.stringify(lines)).not.toMatch(/secret-in|a-password/)
  })

  it('ignores a request id from the caller that could forge a log line', async () => {
    const { app } = appWithLog()

    const response = await app.request('/api/me', {
      headers: { 'x-request-id': 'x'.repeat(65) },
    })

    expect(response.headers.get('x-request-id')).not.toBe('x'.repeat(65))
  })
})
