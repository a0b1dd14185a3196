import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messageFor } from '../../core/errors'
import { PASSWORD_PROBLEM_MESSAGES } from '../../core/password-policy'
import { permissionsForRoles, type Role } from '../../core/permissions'
import type { AuditRecord, Page, UserRecord } from '../../core/protocol'
import {
  bearer,
  errorBody,
  postJson,
  signIn,
  startTestServer,
  type TestServer,
} from './test-server'

let t: TestServer
let adminToken: string

beforeAll(async () => {
  t = await startTestServer()
  adminToken = (await signIn(t.url, 'admin')).session.accessToken
})

afterAll(async () => {
  await t.close()
})

const GOOD_PASSWORD = 'granite-otter-lantern-42'

let counter = 0

/** A username no other test in this file uses. */
function uniqueName(prefix: string): string {
  counter += 1
  return `${prefix}-${counter}`
}

function createUser(
  body: Record<string, unknown>,
  token = adminToken,
): Promise<Response> {
  return postJson(`${t.url}/api/users`, body, bearer(token))
}

function patchUser(
  id: string,
  body: Record<string, unknown>,
  token = adminToken,
): Promise<Response> {
  return fetch(`${t.url}/api/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  })
}

/** Create a user through the API and return the record; fails the test otherwise. */
async function newUser(
  roles: Role[],
  prefix = 'user',
): Promise<UserRecord & { password: string }> {
  const username = uniqueName(prefix)
  const response = await createUser({
    username,
    displayName: `Test ${username}`,
    password: GOOD_PASSWORD,
    roles,
  })
  expect(response.status).toBe(201)
  return { ...((await response.json()) as UserRecord), password: GOOD_PASSWORD }
}

function refresh(cookie: string): Promise<Response> {
  return fetch(`${t.url}/api/auth/refresh`, {
    method: 'POST',
    headers: { cookie },
  })
}

function me(token: string): Promise<Response> {
  return fetch(`${t.url}/api/me`, { headers: bearer(token) })
}

async function auditRows(query: string): Promise<AuditRecord[]> {
  const response = await fetch(`${t.url}/api/audit?${query}`, {
    headers: bearer(adminToken),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as Page<AuditRecord>).items
}

/** The claims inside an access token, read without verifying it. */
function claimsOf(token: string): { roles: string[]; permissions: string[] } {
  const payload = token.split('.')[1] ?? ''
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    roles: string[]
    permissions: string[]
  }
}

describe('who may manage users', () => {
  it('lets a manager read the audit log but not create or change users, and audits each refusal', async () => {
    const manager = await signIn(t.url, 'manager')
    const token = manager.session.accessToken
    const editor = t.server.services.users.byUsername('editor')

    const audit = await fetch(`${t.url}/api/audit?limit=1`, {
      headers: bearer(token),
    })
    const created = await createUser(
      {
        username: uniqueName('by-manager'),
        displayName: 'Nope',
        password: GOOD_PASSWORD,
        roles: ['viewer'],
      },
      token,
    )
    const changed = await patchUser(
      editor?.id ?? '0',
      { roles: ['admin'] },
      token,
    )

    expect(audit.status).toBe(200)
    for (const refused of [created, changed]) {
      expect(refused.status).toBe(403)
      expect((await errorBody(refused)).error).toMatchObject({
        code: 'forbidden',
        permission: 'users.manage',
      })
    }
    const denials = await auditRows('action=permission.denied&actor=manager')
    expect(denials.map((row) => row.target)).toEqual(
      expect.arrayContaining([
        'POST /api/users',
        `PATCH /api/users/${editor?.id}`,
      ]),
    )
    expect(denials[0]).toMatchObject({
      outcome: 'denied',
      detail: { permission: 'users.manage' },
    })
    expect(t.server.services.users.byUsername('editor')?.roles).toEqual([
      'editor',
    ])
  })

  it('lets an editor neither read the audit log nor manage users', async () => {
    const editor = await signIn(t.url, 'editor')
    const token = editor.session.accessToken

    const responses = await Promise.all([
      fetch(`${t.url}/api/audit`, { headers: bearer(token) }),
      fetch(`${t.url}/api/audit/export`, { headers: bearer(token) }),
      fetch(`${t.url}/api/users`, { headers: bearer(token) }),
      createUser(
        {
          username: uniqueName('by-editor'),
          displayName: 'Nope',
          password: GOOD_PASSWORD,
          roles: ['viewer'],
        },
        token,
      ),
      patchUser(editor.session.user.id, { roles: ['admin'] }, token),
    ])

    expect(responses.map((response) => response.status)).toEqual([
      403, 403, 403, 403, 403,
    ])
    const denials = await auditRows('action=permission.denied&actor=editor')
    expect(denials.length).toBeGreaterThanOrEqual(5)
  })
})

describe('POST /api/users', () => {
  it('creates a user who signs in with the initial password and holds the roles asked for', async () => {
    const username = uniqueName('newcomer')

    const response = await createUser({
      username,
      displayName: 'New Comer',
      password: GOOD_PASSWORD,
      roles: ['editor', 'viewer'],
    })

    expect(response.status).toBe(201)
    const body = (await response.json()) as UserRecord
    expect(body).toEqual({
      id: expect.any(String),
      username,
      displayName: 'New Comer',
      roles: ['viewer', 'editor'],
      disabled: false,
      createdAt: expect.any(Number),
    })
    const signedIn = await signIn(t.url, username, GOOD_PASSWORD)
    expect(signedIn.session.user.permissions).toEqual(
      permissionsForRoles(['viewer', 'editor']),
    )
    const [row] = await auditRows(`action=user.created&q=${username}`)
    expect(row).toMatchObject({
      actor: 'admin',
      target: username,
      outcome: 'success',
      detail: { roles: 'viewer,editor' },
    })
  })

  it('refuses a username that is taken in any case, with username_taken', async () => {
    const response = await createUser({
      username: 'EDITOR',
      displayName: 'Impostor',
      password: GOOD_PASSWORD,
      roles: ['viewer'],
    })

    expect(response.status).toBe(409)
    expect((await errorBody(response)).error).toMatchObject({
      code: 'username_taken',
      message: messageFor('username_taken'),
    })
  })

  it.each([
    ['too short', 'short-pw-1', 'too_short'],
    ['on the common list', '1qaz2wsx3edc', 'common'],
    ['a common word with digits added', 'password123456', 'common_with_suffix'],
    ['a short pattern repeated', 'abcdabcdabcd', 'repetitive'],
  ] as const)(
    'refuses a password that is %s with weak_password and the rule it broke',
    async (_label, password, problem) => {
      const username = uniqueName('weak')

      const response = await createUser({
        username,
        displayName: 'Weak',
        password,
        roles: ['viewer'],
      })

      expect(response.status).toBe(400)
      expect(await errorBody(response)).toEqual({
        error: {
          code: 'weak_password',
          message: messageFor('weak_password'),
          fields: [
            { path: 'password', message: PASSWORD_PROBLEM_MESSAGES[problem] },
          ],
        },
      })
      expect(t.server.services.users.byUsername(username)).toBeNull()
    },
  )

  it('refuses a password that holds the username', async () => {
    const username = uniqueName('selfnamed')

    const response = await createUser({
      username,
      displayName: 'Self',
      password: `my-${username}-secret`,
      roles: ['viewer'],
    })

    expect((await errorBody(response)).error.fields).toEqual([
      {
        path: 'password',
        message: PASSWORD_PROBLEM_MESSAGES.contains_username,
      },
    ])
  })

  it('refuses an unknown role, a username with odd characters and no roles, naming each field', async () => {
    const response = await createUser({
      username: '=cmd',
      displayName: 'Odd',
      password: GOOD_PASSWORD,
      roles: ['root'],
    })
    const noRoles = await createUser({
      username: uniqueName('roleless'),
      displayName: 'Roleless',
      password: GOOD_PASSWORD,
      roles: [],
    })

    expect(response.status).toBe(400)
    const fields = (await errorBody(response)).error.fields as {
      path: string
    }[]
    expect(fields.map((field) => field.path).sort()).toEqual([
      'roles.0',
      'username',
    ])
    expect((await errorBody(noRoles)).error.fields).toEqual([
      { path: 'roles', message: 'Choose at least one role.' },
    ])
  })
})

describe('PATCH /api/users/:id', () => {
  it('ends a disabled user’s access token and refresh cookie at once', async () => {
    const user = await newUser(['editor'], 'leaver')
    const signedIn = await signIn(t.url, user.username, user.password)
    const otherDevice = await signIn(t.url, user.username, user.password)
    expect((await me(signedIn.session.accessToken)).status).toBe(200)

    const response = await patchUser(user.id, { disabled: true })

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      id: user.id,
      disabled: true,
    })
    for (const cookie of [signedIn.cookie, otherDevice.cookie]) {
      const token = cookie.slice('enclave_refresh='.length)
      expect(t.server.services.refreshTokens.revokedOwner(token)).toBe(user.id)
    }
    const call = await me(signedIn.session.accessToken)
    expect(call.status).toBe(401)
    expect((await errorBody(call)).error.code).toBe('session_revoked')
    for (const cookie of [signedIn.cookie, otherDevice.cookie]) {
      const refused = await refresh(cookie)
      expect(refused.status).toBe(401)
      expect(await errorBody(refused)).toEqual({
        error: {
          code: 'session_revoked',
          message: messageFor('session_revoked'),
        },
      })
    }
    const signIn401 = await postJson(`${t.url}/api/auth/login`, {
      username: user.username,
      password: user.password,
    })
    expect(signIn401.status).toBe(401)

    const rows = await auditRows(`q=${user.username}`)
    expect(rows.map((row) => `${row.action} ${row.outcome}`)).toEqual(
      expect.arrayContaining([
        'user.disabled success',
        'auth.refresh denied',
        'auth.login failure',
      ]),
    )
  })

  it('lets a re-enabled user sign in again', async () => {
    const user = await newUser(['viewer'], 'returner')
    await patchUser(user.id, { disabled: true })

    const response = await patchUser(user.id, { disabled: false })

    expect(await response.json()).toMatchObject({ disabled: false })
    const signedIn = await signIn(t.url, user.username, user.password)
    expect(signedIn.session.user.username).toBe(user.username)
    const [row] = await auditRows(`action=user.enabled&q=${user.username}`)
    expect(row).toMatchObject({ actor: 'admin', outcome: 'success' })
  })

  it('shows a role change in the next refreshed token, and ends the old token', async () => {
    const user = await newUser(['viewer'], 'promoted')
    const signedIn = await signIn(t.url, user.username, user.password)
    expect(claimsOf(signedIn.session.accessToken).roles).toEqual(['viewer'])

    const response = await patchUser(user.id, { roles: ['editor', 'manager'] })

    expect(await response.json()).toMatchObject({
      roles: ['editor', 'manager'],
    })
    expect((await me(signedIn.session.accessToken)).status).toBe(401)
    const refreshed = await refresh(signedIn.cookie)
    expect(refreshed.status).toBe(200)
    const next = (await refreshed.json()) as { accessToken: string }
    expect(claimsOf(next.accessToken)).toMatchObject({
      roles: ['editor', 'manager'],
      permissions: permissionsForRoles(['editor', 'manager']),
    })
    const audit = await fetch(`${t.url}/api/audit?limit=1`, {
      headers: bearer(next.accessToken),
    })
    expect(audit.status).toBe(200)
    const [row] = await auditRows(
      `action=user.roles_changed&q=${user.username}`,
    )
    expect(row?.detail).toEqual({ from: 'viewer', to: 'editor,manager' })
  })

  it('resets a password: the old one stops working and every session ends', async () => {
    const user = await newUser(['viewer'], 'forgetful')
    const signedIn = await signIn(t.url, user.username, user.password)
    const newPassword = 'quartz-heron-meadow-77'

    const response = await patchUser(user.id, { password: newPassword })

    expect(response.status).toBe(200)
    expect(JSON.stringify(await response.json())).not.toContain(newPassword)
    expect((await refresh(signedIn.cookie)).status).toBe(401)
    expect((await me(signedIn.session.accessToken)).status).toBe(401)
    const oldPassword = await postJson(`${t.url}/api/auth/login`, {
      username: user.username,
      password: user.password,
    })
    expect(oldPassword.status).toBe(401)
    await signIn(t.url, user.username, newPassword)
    const rows = await auditRows(
      `action=user.password_reset&q=${user.username}`,
    )
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(newPassword)
  })

  it('refuses a weak reset password and keeps the old one', async () => {
    const user = await newUser(['viewer'], 'weakreset')

    const response = await patchUser(user.id, { password: 'qwerty123456' })

    expect(response.status).toBe(400)
    expect((await errorBody(response)).error.code).toBe('weak_password')
    await signIn(t.url, user.username, user.password)
  })

  it('refuses to disable or demote the last active admin, and audits the attempt', async () => {
    const admin = t.server.services.users.byUsername('admin')
    const id = admin?.id ?? '0'

    const disable = await patchUser(id, { disabled: true })
    const demote = await patchUser(id, { roles: ['manager'] })

    for (const refused of [disable, demote]) {
      expect(refused.status).toBe(409)
      expect(await errorBody(refused)).toEqual({
        error: { code: 'last_admin', message: messageFor('last_admin') },
      })
    }
    expect(t.server.services.users.byId(id)).toMatchObject({
      roles: ['admin'],
      disabled: false,
    })
    const rows = await auditRows('q=admin&outcome=denied')
    expect(
      rows
        .filter((row) => row.detail?.reason === 'last_admin')
        .map((row) => row.action),
    ).toEqual(['user.roles_changed', 'user.disabled'])
  })

  it('does not count a disabled admin as a second admin', async () => {
    const spare = await newUser(['admin'], 'spare-admin')
    await patchUser(spare.id, { disabled: true })
    const admin = t.server.services.users.byUsername('admin')

    const demote = await patchUser(admin?.id ?? '0', { roles: ['viewer'] })

    expect(demote.status).toBe(409)
  })

  it('lets an admin step down once another admin is active', async () => {
    const first = await newUser(['admin'], 'first-admin')
    const second = await newUser(['admin'], 'second-admin')

    const demoted = await patchUser(first.id, { roles: ['manager'] })
    const lastOfTwo = await patchUser(second.id, { disabled: true })

    expect(demoted.status).toBe(200)
    expect(lastOfTwo.status).toBe(200)
    // The demo admin is still active, so neither change left no admin.
    expect(t.server.services.users.countActiveAdmins()).toBe(1)
  })

  it('answers 404 for a user that does not exist, or an id that is not one', async () => {
    const missing = await patchUser('999999', { disabled: true })
    const notAnId = await patchUser('abc', { disabled: true })

    expect(missing.status).toBe(404)
    expect(notAnId.status).toBe(404)
  })

  it('refuses a change that names no field, or an unknown one', async () => {
    const user = await newUser(['viewer'], 'unchanged')

    const empty = await patchUser(user.id, {})
    const unknown = await patchUser(user.id, { username: 'renamed' })

    expect(empty.status).toBe(400)
    expect(unknown.status).toBe(400)
    expect((await errorBody(unknown)).error.code).toBe('invalid_request')
  })

  it('writes nothing to the audit log when the roles asked for are the ones held', async () => {
    const user = await newUser(['viewer', 'editor'], 'steady')

    const response = await patchUser(user.id, { roles: ['editor', 'viewer'] })

    expect(response.status).toBe(200)
    expect(
      await auditRows(`action=user.roles_changed&q=${user.username}`),
    ).toEqual([])
  })
})

describe('GET /api/users', () => {
  it('searches by name and filters by role, paging with a cursor', async () => {
    const a = await newUser(['manager'], 'findme')
    const b = await newUser(['viewer'], 'findme')
    const c = await newUser(['manager'], 'findme')

    const first = await fetch(
      `${t.url}/api/users?q=findme&role=manager&limit=1`,
      { headers: bearer(adminToken) },
    )
    const firstPage = (await first.json()) as Page<UserRecord>
    const second = await fetch(
      `${t.url}/api/users?q=findme&role=manager&limit=1&cursor=${firstPage.nextCursor}`,
      { headers: bearer(adminToken) },
    )
    const secondPage = (await second.json()) as Page<UserRecord>

    expect(firstPage.items.map((user) => user.id)).toEqual([a.id])
    expect(secondPage.items.map((user) => user.id)).toEqual([c.id])
    expect(secondPage.nextCursor).toBeNull()
    expect(b.roles).toEqual(['viewer'])
  })
})
