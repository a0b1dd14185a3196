import { inspectRoutes } from 'hono/dev'
import { describe, expect, it } from 'vitest'
import { messageFor, type ErrorCode } from '../../core/errors'
import { isPermission, permissionsForRoles } from '../../core/permissions'
import type { AuditRecord, Page, UserRecord } from '../../core/protocol'
import { createApp } from '../app'
import {
  AccessTokens,
  generateSigningKeys,
  loadOrCreateSigningKeys,
  type AccessClaims,
} from '../auth/access-tokens'
import { hashPassword } from '../auth/passwords'
import { declaredRoutes } from '../http/access'
import { bearer, errorBody, signIn, sharedTestServer } from './test-server'

const shared = sharedTestServer()

function me(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${shared.t.url}/api/me`, { headers })
}

/** The claims the server would put in a token for a demo account. */
function claimsFor(username: string): AccessClaims {
  const user = shared.t.server.services.users.byUsername(username)
  if (!user) {
    throw new Error(`no user ${username}`)
  }
  return {
    userId: user.id,
    username: user.username,
    roles: user.roles,
    permissions: permissionsForRoles(user.roles),
    tokenVersion: user.tokenVersion,
  }
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

async function expectRefused(response: Response, code: ErrorCode) {
  expect(response.status).toBe(401)
  expect(await errorBody(response)).toEqual({
    error: { code, message: messageFor(code) },
  })
}

describe('GET /api/me', () => {
  it('tells the bearer of a good token who they are', async () => {
    const { session } = await signIn(shared.t.url, 'editor')

    const response = await me(bearer(session.accessToken))

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      user: {
        id: session.user.id,
        username: 'editor',
        displayName: 'Demo editor',
        roles: ['editor'],
        permissions: permissionsForRoles(['editor']),
      },
    })
  })

  it('refuses a request without a token as unauthenticated', async () => {
    await expectRefused(await me(), 'unauthenticated')
  })

  it('refuses an authorization header that is not a bearer token', async () => {
    await expectRefused(
      await me({ authorization: 'Basic YWRtaW46YWRtaW4=' }),
      'unauthenticated',
    )
  })

  it('refuses a token whose signature was changed', async () => {
    const [header, payload, signature = ''] = shared.adminToken.split('.')
    const at = Math.floor(signature.length / 2)
    const flipped = signature[at] === 'A' ? 'B' : 'A'
    const forged = `${header}.${payload}.${signature.slice(0, at)}${flipped}${signature.slice(at + 1)}`

    await expectRefused(await me(bearer(forged)), 'token_invalid')
  })

  it('refuses a token whose claims were raised after signing', async () => {
    const viewer = await signIn(shared.t.url, 'viewer')
    const [header, payload = '', signature] =
      viewer.session.accessToken.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const raised = b64url({ ...claims, roles: ['admin'] })

    await expectRefused(
      await me(bearer(`${header}.${raised}.${signature}`)),
      'token_invalid',
    )
  })

  it('refuses an unsigned token with alg none', async () => {
    const payload = shared.adminToken.split('.')[1]
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`

    await expectRefused(await me(bearer(unsigned)), 'token_invalid')
  })

  it('refuses a token signed by a key the server does not hold', async () => {
    const stranger = new AccessTokens(await generateSigningKeys(), 600)
    const { token } = await stranger.issue(claimsFor('admin'))

    await expectRefused(await me(bearer(token)), 'token_invalid')
  })

  it('refuses an expired token as token_expired', async () => {
    // The server keeps its signing key in the data directory; loading it the
    // way a restart would lets the test sign with a clock an hour behind.
    const keys = await loadOrCreateSigningKeys(shared.t.dataDir)
    const anHourAgo = Date.now() - 3_600_000
    const past = new AccessTokens(keys, 600, () => anHourAgo)
    const { token } = await past.issue(claimsFor('admin'))

    await expectRefused(await me(bearer(token)), 'token_expired')
  })

  it('accepts a token signed with the server’s stored key, so the expired case is only the clock', async () => {
    const keys = await loadOrCreateSigningKeys(shared.t.dataDir)
    const { token } = await new AccessTokens(keys, 600).issue(
      claimsFor('admin'),
    )

    expect((await me(bearer(token))).status).toBe(200)
  })

  it('refuses the existing token of a user who was disabled', async () => {
    const { services } = shared.t.server
    const user = services.users.create({
      username: 'soon-disabled',
      displayName: 'Soon Disabled',
      passwordHash: await hashPassword('a-password-for-this-test'),
      roles: ['editor'],
    })
    const signedIn = await signIn(
      shared.t.url,
      'soon-disabled',
      'a-password-for-this-test',
    )
    expect((await me(bearer(signedIn.session.accessToken))).status).toBe(200)

    services.users.setDisabled(user.id, true)

    await expectRefused(
      await me(bearer(signedIn.session.accessToken)),
      'session_revoked',
    )
    const refresh = await fetch(`${shared.t.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie },
    })
    await expectRefused(refresh, 'session_revoked')
  })
})

describe('permissions on admin routes', () => {
  it('refuses a viewer the user list with 403 forbidden and audits it', async () => {
    const viewer = await signIn(shared.t.url, 'viewer')

    const response = await fetch(`${shared.t.url}/api/users`, {
      headers: bearer(viewer.session.accessToken),
    })

    expect(response.status).toBe(403)
    expect(await errorBody(response)).toEqual({
      error: {
        code: 'forbidden',
        message: messageFor('forbidden'),
        permission: 'users.manage',
      },
    })
    const audit = await fetch(
      `${shared.t.url}/api/audit?action=permission.denied&actor=viewer`,
      { headers: bearer(shared.adminToken) },
    )
    const rows = ((await audit.json()) as Page<AuditRecord>).items
    expect(rows[0]).toMatchObject({
      actorId: viewer.session.user.id,
      actor: 'viewer',
      target: 'GET /api/users',
      outcome: 'denied',
      address: '127.0.0.1',
    })
  })

  it('lets a manager read the audit log but not the user list', async () => {
    const manager = await signIn(shared.t.url, 'manager')
    const headers = bearer(manager.session.accessToken)

    const audit = await fetch(`${shared.t.url}/api/audit?limit=1`, { headers })
    const users = await fetch(`${shared.t.url}/api/users`, { headers })

    expect(audit.status).toBe(200)
    expect(users.status).toBe(403)
  })

  it('lets an admin list users, without password hashes', async () => {
    const response = await fetch(`${shared.t.url}/api/users?role=viewer`, {
      headers: bearer(shared.adminToken),
    })

    expect(response.status).toBe(200)
    const page = (await response.json()) as Page<UserRecord>
    expect(page.items.map((user) => user.username)).toEqual(['viewer'])
    expect(JSON.stringify(page)).not.toMatch(/argon2|passwordHash/)
  })

  it('refuses a list query that is out of range with its field', async () => {
    const response = await fetch(`${shared.t.url}/api/users?limit=100000`, {
      headers: bearer(shared.adminToken),
    })

    expect(response.status).toBe(400)
    expect((await errorBody(response)).error).toMatchObject({
      code: 'invalid_request',
      fields: [expect.objectContaining({ path: 'limit' })],
    })
  })
})

describe('the route table', () => {
  // The one API handler that is not a route: the not-found answer for any
  // other /api path.
  const NOT_FOUND_FALLBACK = { method: 'ALL', path: '/api/*' }

  it('gives every declared route an access rule from the catalog', () => {
    expect(declaredRoutes.length).toBeGreaterThan(0)

    for (const declared of declaredRoutes) {
      const { access } = declared
      if (access.kind === 'permission') {
        expect(isPermission(access.permission), declared.path).toBe(true)
      } else {
        expect(['public', 'signed-in'], declared.path).toContain(access.kind)
      }
    }
  })

  it('keeps public only the routes that sign in, refresh and sign out', () => {
    const publicRoutes = new Set(
      declaredRoutes
        .filter((declared) => declared.access.kind === 'public')
        .map((declared) => `${declared.method} ${declared.path}`),
    )

    expect([...publicRoutes].sort()).toEqual([
      'POST /auth/login',
      'POST /auth/logout',
      'POST /auth/refresh',
    ])
  })

  it('registers no /api handler that bypassed route()', () => {
    const app = createApp(shared.t.server.services)
    const declared = new Set(
      declaredRoutes.map((entry) => `${entry.method} /api${entry.path}`),
    )

    const handlers = inspectRoutes(app).filter(
      (entry) =>
        !entry.isMiddleware &&
        (entry.path === '/api' || entry.path.startsWith('/api/')) &&
        !(
          entry.method === NOT_FOUND_FALLBACK.method &&
          entry.path === NOT_FOUND_FALLBACK.path
        ),
    )

    expect(handlers.length).toBeGreaterThan(0)
    for (const handler of handlers) {
      expect(declared, `${handler.method} ${handler.path}`).toContain(
        `${handler.method} ${handler.path}`,
      )
    }
  })

  it('refuses every route that is not public when no token is sent', async () => {
    // Each app built in this process declares its routes again; one of each
    // is enough.
    const guarded = new Map(
      declaredRoutes
        .filter((declared) => declared.access.kind !== 'public')
        .map((declared) => [`${declared.method} ${declared.path}`, declared]),
    )
    expect(guarded.size).toBeGreaterThan(0)

    for (const declared of guarded.values()) {
      const response = await fetch(`${shared.t.url}/api${declared.path}`, {
        method: declared.method,
      })
      expect(response.status, `${declared.method} ${declared.path}`).toBe(401)
      expect((await errorBody(response)).error.code).toBe('unauthenticated')
    }
  })
})
