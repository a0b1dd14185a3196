import { describe, expect, it } from 'vitest'
import { messageFor } from '../../core/errors'
import { PASSWORD_PROBLEM_MESSAGES } from '../../core/password-policy'
import { permissionsForRoles } from '../../core/permissions'
import type { Page, UserRecord } from '../../core/protocol'
import { bearer, errorBody, signIn } from './test-server'
import { GOOD_PASSWORD, adminUsersHarness } from './admin-users-harness'

const h = adminUsersHarness()
const { uniqueName, createUser, patchUser, newUser, auditRows } = h

describe('who may manage users', () => {
  it('lets a manager read the audit log but not create or change users, and audits each refusal', async () => {
    const manager = await signIn(h.t.url, 'manager')
    const token = manager.session.accessToken
    const editor = h.t.server.services.users.byUsername('editor')

    const audit = await fetch(`${h.t.url}/api/audit?limit=1`, {
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
    expect(h.t.server.services.users.byUsername('editor')?.roles).toEqual([
      'editor',
    ])
  })

  it('lets an editor neither read the audit log nor manage users', async () => {
    const editor = await signIn(h.t.url, 'editor')
    const token = editor.session.accessToken

    const responses = await Promise.all([
      fetch(`${h.t.url}/api/audit`, { headers: bearer(token) }),
      fetch(`${h.t.url}/api/audit/export`, { headers: bearer(token) }),
      fetch(`${h.t.url}/api/users`, { headers: bearer(token) }),
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
    const signedIn = await signIn(h.t.url, username, GOOD_PASSWORD)
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
      expect(h.t.server.services.users.byUsername(username)).toBeNull()
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

describe('GET /api/users', () => {
  it('searches by name and filters by role, paging with a cursor', async () => {
    const a = await newUser(['manager'], 'findme')
    const b = await newUser(['viewer'], 'findme')
    const c = await newUser(['manager'], 'findme')

    const first = await fetch(
      `${h.t.url}/api/users?q=findme&role=manager&limit=1`,
      { headers: bearer(h.adminToken) },
    )
    const firstPage = (await first.json()) as Page<UserRecord>
    const second = await fetch(
      `${h.t.url}/api/users?q=findme&role=manager&limit=1&cursor=${firstPage.nextCursor}`,
      { headers: bearer(h.adminToken) },
    )
    const secondPage = (await second.json()) as Page<UserRecord>

    expect(firstPage.items.map((user) => user.id)).toEqual([a.id])
    expect(secondPage.items.map((user) => user.id)).toEqual([c.id])
    expect(secondPage.nextCursor).toBeNull()
    expect(b.roles).toEqual(['viewer'])
  })
})
