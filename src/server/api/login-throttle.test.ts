import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRecord, Page } from '../../core/protocol'
import {
  DEMO_PASSWORD,
  bearer,
  errorBody,
  postJson,
  signIn,
  startTestServer,
  type TestServer,
} from './test-server'

// Each block runs its own server, because the address throttle counts every
// failure from 127.0.0.1 and would otherwise carry over between blocks.

function login(t: TestServer, username: string, password: string) {
  return postJson(`${t.url}/api/auth/login`, { username, password })
}

describe('throttling per account', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startTestServer()
    for (let i = 0; i < 5; i++) {
      const response = await login(t, 'editor', `wrong-${i}`)
      if (response.status !== 401) {
        throw new Error(`failure ${i} answered ${response.status}`)
      }
    }
  })

  afterAll(async () => {
    await t.close()
  })

  async function throttledRows(): Promise<AuditRecord[]> {
    const admin = await signIn(t.url, 'admin')
    const response = await fetch(
      `${t.url}/api/audit?action=auth.login&actor=editor&outcome=failure`,
      { headers: bearer(admin.session.accessToken) },
    )
    return ((await response.json()) as Page<AuditRecord>).items
  }

  it('refuses the next try after five failures, even with the right password', async () => {
    const refused = await login(t, 'editor', DEMO_PASSWORD)

    expect(refused.status).toBe(429)
    expect((await errorBody(refused)).error.code).toBe('too_many_attempts')
    const retryAfter = refused.headers.get('retry-after') ?? ''
    expect(retryAfter).toMatch(/^\d+$/)
    expect(Number(retryAfter)).toBeGreaterThan(15 * 60 - 30)
    expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60)
  })

  it('counts the account whatever case its name is typed in', async () => {
    const refused = await login(t, 'EDITOR', DEMO_PASSWORD)

    expect(refused.status).toBe(429)
  })

  it('records the first throttled sign-in of a lockout, not every one', async () => {
    const before = await throttledRows()
    expect(before).toContainEqual(
      expect.objectContaining({
        detail: { reason: 'throttled', unrecordedRefusals: 0 },
      }),
    )

    for (let i = 0; i < 3; i++) {
      expect((await login(t, 'editor', DEMO_PASSWORD)).status).toBe(429)
    }

    expect((await throttledRows()).length).toBe(before.length)
  })

  it('does not hold one account’s failures against another', async () => {
    expect((await login(t, 'viewer', DEMO_PASSWORD)).status).toBe(200)
  })

  it('forgets an account’s failures after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await login(t, 'manager', `wrong-${i}`)).status).toBe(401)
    }
    expect((await login(t, 'manager', DEMO_PASSWORD)).status).toBe(200)

    for (let i = 0; i < 4; i++) {
      expect((await login(t, 'manager', `wrong-again-${i}`)).status).toBe(401)
    }

    expect((await login(t, 'manager', DEMO_PASSWORD)).status).toBe(200)
  })
})

describe('throttling per address', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startTestServer({ ENCLAVE_LOGIN_MAX_FAILURES_PER_ADDRESS: '3' })
  })

  afterAll(async () => {
    await t.close()
  })

  it('refuses every account from an address that failed too often', async () => {
    for (const username of ['stranger-1', 'stranger-2', 'stranger-3']) {
      expect((await login(t, username, 'guess')).status).toBe(401)
    }

    const refused = await login(t, 'admin', DEMO_PASSWORD)

    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})

describe('throttling behind a trusted proxy', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startTestServer({
      ENCLAVE_TRUST_PROXY: 'true',
      ENCLAVE_LOGIN_MAX_FAILURES_PER_ADDRESS: '2',
    })
  })

  afterAll(async () => {
    await t.close()
  })

  function viaProxy(clientSent: string, password: string) {
    return postJson(
      `${t.url}/api/auth/login`,
      { username: `stranger-${clientSent}`, password },
      // The proxy appends the address it saw to what the client sent.
      { 'x-forwarded-for': `${clientSent}, 10.0.0.7` },
    )
  }

  it('counts the address the proxy saw, not one the client wrote in the header', async () => {
    expect((await viaProxy('1.1.1.1', 'guess')).status).toBe(401)
    expect((await viaProxy('2.2.2.2', 'guess')).status).toBe(401)

    const refused = await viaProxy('3.3.3.3', 'guess')

    expect(refused.status).toBe(429)
    const admin = t.server.services.audit.list({ limit: 10 }).items
    expect(new Set(admin.map((row) => row.address))).toEqual(
      new Set(['10.0.0.7']),
    )
  })
})

describe('throttling a burst of parallel guesses', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startTestServer()
  })

  afterAll(async () => {
    await t.close()
  })

  it('checks no more passwords than the limit when guesses arrive at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(t, 'viewer', `guess-${i}`)),
    )
    const statuses = answers.map((response) => response.status)

    expect(statuses.filter((status) => status === 401)).toHaveLength(5)
    expect(statuses.filter((status) => status === 429)).toHaveLength(25)
  })

  it('lets a right password through under the limit without using it up', async () => {
    const good = await login(t, 'editor', DEMO_PASSWORD)
    expect(good.status).toBe(200)
    for (let i = 0; i < 4; i++) {
      expect((await login(t, 'editor', `wrong-${i}`)).status).toBe(401)
    }
    expect((await login(t, 'editor', DEMO_PASSWORD)).status).toBe(200)
  })
})
