import { describe, expect, it } from 'vitest'
import { messageFor } from '../../core/errors'
import { permissionsForRoles } from '../../core/permissions'
import { bearer, errorBody, postJson, signIn } from './test-server'
import { adminUsersHarness, claimsOf } from './admin-users-harness'

const h = adminUsersHarness()
const { patchUser, newUser, refresh, me, auditRows } = h

describe('PATCH /api/users/:id', () => {
  it('ends a disabled user’s access token and refresh cookie at once', async () => {
    const user = await newUser(['editor'], 'leaver')
    const signedIn = await signIn(h.t.url, user.username, user.password)
    const otherDevice = await signIn(h.t.url, user.username, user.password)
    expect((await me(signedIn.session.accessToken)).status).toBe(200)

    const response = await patchUser(user.id, { disabled: true })

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      id: user.id,
      disabled: true,
    })
    for (const cookie of [signedIn.cookie, otherDevice.cookie]) {
      const token = cookie.slice('enclave_refresh='.length)
      expect(h.t.server.services.refreshTokens.revokedOwner(token)).toBe(
        user.id,
      )
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
    const signIn401 = await postJson(`${h.t.url}/api/auth/login`, {
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
    const signedIn = await signIn(h.t.url, user.username, user.password)
    expect(signedIn.session.user.username).toBe(user.username)
    const [row] = await auditRows(`action=user.enabled&q=${user.username}`)
    expect(row).toMatchObject({ actor: 'admin', outcome: 'success' })
  })

  it('shows a role change in the next refreshed token, and ends the old token', async () => {
    const user = await newUser(['viewer'], 'promoted')
    const signedIn = await signIn(h.t.url, user.username, user.password)
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
    const audit = await fetch(`${h.t.url}/api/audit?limit=1`, {
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
    const signedIn = await signIn(h.t.url, user.username, user.password)
    const newPassword = 'quartz-heron-meadow-77'

    const response = await patchUser(user.id, { password: newPassword })

    expect(response.status).toBe(200)
    expect(JSON.stringify(await response.json())).not.toContain(newPassword)
    expect((await refresh(signedIn.cookie)).status).toBe(401)
    expect((await me(signedIn.session.accessToken)).status).toBe(401)
    const oldPassword = await postJson(`${h.t.url}/api/auth/login`, {
      username: user.username,
      password: user.password,
    })
    expect(oldPassword.status).toBe(401)
    await signIn(h.t.url, user.username, newPassword)
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
    await signIn(h.t.url, user.username, user.password)
  })

  it('refuses to disable or demote the last active admin, and audits the attempt', async () => {
    const admin = h.t.server.services.users.byUsername('admin')
    const id = admin?.id ?? '0'

    const disable = await patchUser(id, { disabled: true })
    const demote = await patchUser(id, { roles: ['manager'] })

    for (const refused of [disable, demote]) {
      expect(refused.status).toBe(409)
      expect(await errorBody(refused)).toEqual({
        error: { code: 'last_admin', message: messageFor('last_admin') },
      })
    }
    expect(h.t.server.services.users.byId(id)).toMatchObject({
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
    const admin = h.t.server.services.users.byUsername('admin')

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
    expect(h.t.server.services.users.countActiveAdmins()).toBe(1)
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
