import { describe, expect, it } from 'vitest'
import { messageFor } from '../../core/errors'
import { permissionsForRoles } from '../../core/permissions'
import type { AuditRecord, Page } from '../../core/protocol'
import {
  DEMO_PASSWORD,
  bearer,
  errorBody,
  postJson,
  refreshCookieOf,
  setCookieHeader,
  signIn,
  sharedTestServer,
} from './test-server'

const shared = sharedTestServer()

function refresh(cookie?: string): Promise<Response> {
  return fetch(`${shared.t.url}/api/auth/refresh`, {
    method: 'POST',
    headers: cookie ? { cookie } : {},
  })
}

async function auditRows(query: string): Promise<AuditRecord[]> {
  const response = await fetch(`${shared.t.url}/api/audit?${query}`, {
    headers: bearer(shared.adminToken),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as Page<AuditRecord>).items
}

describe('POST /api/auth/login', () => {
  it('answers a good sign-in with an access token and the user', async () => {
    const before = Date.now()
    const response = await postJson(`${shared.t.url}/api/auth/login`, {
      username: 'manager',
      password: DEMO_PASSWORD,
    })

    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresAt: expect.any(Number),
      user: {
        id: expect.any(String),
        username: 'manager',
        displayName: 'Demo manager',
        roles: ['manager'],
        permissions: permissionsForRoles(['manager']),
      },
      offlineGraceHours: 72,
    })
    expect(body.expiresAt).toBeGreaterThan(before + 9 * 60_000)
    expect(body.expiresAt).toBeLessThanOrEqual(Date.now() + 10 * 60_000)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('sets the refresh token as an httpOnly, SameSite=Strict cookie for /api/auth only', async () => {
    const response = await postJson(`${shared.t.url}/api/auth/login`, {
      username: 'editor',
      password: DEMO_PASSWORD,
    })

    const cookie = setCookieHeader(response)
    const attributes = cookie.split(';').map((part) => part.trim())

    expect(cookie).toMatch(/^enclave_refresh=[\w-]{40,};/)
    expect(attributes).toContain('HttpOnly')
    expect(attributes).toContain('SameSite=Strict')
    expect(attributes).toContain('Path=/api/auth')
    const maxAge = Number(
      attributes.find((part) => part.startsWith('Max-Age='))?.slice(8),
    )
    expect(maxAge).toBeGreaterThan(14 * 86400 - 60)
    expect(maxAge).toBeLessThanOrEqual(14 * 86400)
    expect(JSON.stringify(await response.json())).not.toContain(
      cookie.split(';')[0]?.split('=')[1],
    )
  })

  it('accepts the username in any case', async () => {
    const { session } = await signIn(shared.t.url, 'VIEWER')

    expect(session.user.username).toBe('viewer')
  })

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrongPassword = await postJson(`${shared.t.url}/api/auth/login`, {
      username: 'viewer',
      password: 'not-the-password',
    })
    const unknownUser = await postJson(`${shared.t.url}/api/auth/login`, {
      username: 'nobody-by-this-name',
      password: DEMO_PASSWORD,
    })

    expect(wrongPassword.status).toBe(401)
    expect(unknownUser.status).toBe(401)
    const expected = {
      error: {
        code: 'invalid_credentials',
        message: messageFor('invalid_credentials'),
      },
    }
    expect(await errorBody(wrongPassword)).toEqual(expected)
    expect(await errorBody(unknownUser)).toEqual(expected)
    expect(setCookieHeader(wrongPassword)).toBe('')
  })

  it('records failed sign-ins in the audit log, from the socket address, without the password', async () => {
    await postJson(
      `${shared.t.url}/api/auth/login`,
      {
        username: 'audited-stranger',
        password: 'a-password-that-must-not-be-logged',
      },
      // Without ENCLAVE_TRUST_PROXY the header is the client's word only.
      { 'x-forwarded-for': '203.0.113.9' },
    )

    const rows = await auditRows('action=auth.login&actor=audited-stranger')

    expect(rows).toEqual([
      expect.objectContaining({
        outcome: 'failure',
        target: 'audited-stranger',
        address: '127.0.0.1',
      }),
    ])
    expect(JSON.stringify(rows)).not.toContain('a-password-that-must-not')
  })
})

describe('POST /api/auth/refresh', () => {
  it('rotates the refresh cookie and answers with a new access token', async () => {
    const signedIn = await signIn(shared.t.url, 'editor')

    const response = await refresh(signedIn.cookie)

    expect(response.status).toBe(200)
    const next = refreshCookieOf(response)
    expect(next).not.toBe(signedIn.cookie)
    const body = (await response.json()) as { accessToken: string }
    const me = await fetch(`${shared.t.url}/api/me`, {
      headers: bearer(body.accessToken),
    })
    expect(me.status).toBe(200)
  })

  it('ends the whole family when a spent cookie is presented again', async () => {
    const signedIn = await signIn(shared.t.url, 'editor')
    const rotated = await refresh(signedIn.cookie)
    const newer = refreshCookieOf(rotated)

    const replay = await refresh(signedIn.cookie)

    expect(replay.status).toBe(401)
    expect((await errorBody(replay)).error.code).toBe('refresh_reused')
    expect(setCookieHeader(replay)).toMatch(/Max-Age=0/)

    const afterReplay = await refresh(newer)
    expect(afterReplay.status).toBe(401)
    expect((await errorBody(afterReplay)).error.code).toBe('refresh_invalid')

    const rows = await auditRows('action=auth.refresh_reuse&actor=editor')
    expect(rows[0]).toMatchObject({
      actor: 'editor',
      actorId: signedIn.session.user.id,
      outcome: 'denied',
    })
  })

  it('keeps the user’s other sessions when one family is ended for reuse', async () => {
    const stolen = await signIn(shared.t.url, 'viewer')
    const otherDevice = await signIn(shared.t.url, 'viewer')
    await refresh(stolen.cookie)

    expect((await refresh(stolen.cookie)).status).toBe(401)

    expect((await refresh(otherDevice.cookie)).status).toBe(200)
  })

  it('refuses a request without a refresh cookie', async () => {
    const response = await refresh()

    expect(response.status).toBe(401)
    expect((await errorBody(response)).error.code).toBe('refresh_invalid')
  })

  it('refuses a refresh cookie it never issued', async () => {
    const response = await refresh('enclave_refresh=made-up-value')

    expect(response.status).toBe(401)
    expect((await errorBody(response)).error.code).toBe('refresh_invalid')
  })
})

describe('POST /api/auth/logout', () => {
  it('revokes the refresh token and clears the cookie', async () => {
    const signedIn = await signIn(shared.t.url, 'viewer')

    const response = await fetch(`${shared.t.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie },
    })

    expect(response.status).toBe(204)
    expect(setCookieHeader(response)).toMatch(
      /^enclave_refresh=;.*Max-Age=0.*Path=\/api\/auth/,
    )
    const after = await refresh(signedIn.cookie)
    expect(after.status).toBe(401)
    expect((await errorBody(after)).error.code).toBe('refresh_invalid')
  })

  it('succeeds without a cookie, so signing out twice is harmless', async () => {
    const response = await fetch(`${shared.t.url}/api/auth/logout`, {
      method: 'POST',
    })

    expect(response.status).toBe(204)
  })
})

describe('cookie-only routes and other origins', () => {
  it('refuses a refresh sent from a page on another origin', async () => {
    const signedIn = await signIn(shared.t.url, 'viewer')
    const response = await fetch(`${shared.t.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie, origin: 'http://127.0.0.1:1' },
    })

    expect(response.status).toBe(403)
    expect((await errorBody(response)).error.code).toBe('forbidden')
  })

  it('refuses a sign-out sent from a page on another origin, and the session lives on', async () => {
    const signedIn = await signIn(shared.t.url, 'viewer')
    const refused = await fetch(`${shared.t.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie, origin: 'http://127.0.0.1:1' },
    })
    expect(refused.status).toBe(403)

    const sameOrigin = await fetch(`${shared.t.url}/api/auth/refresh`, {
      method: 'POST',
      headers: {
        cookie: signedIn.cookie,
        origin: new URL(shared.t.url).origin,
      },
    })
    expect(sameOrigin.status).toBe(200)
  })
})

describe('the bearer scheme', () => {
  it('accepts the scheme name in any case', async () => {
    const signedIn = await signIn(shared.t.url, 'viewer')
    const response = await fetch(`${shared.t.url}/api/me`, {
      headers: { authorization: `bearer ${signedIn.session.accessToken}` },
    })
    expect(response.status).toBe(200)
  })
})
