/**
 * What the user-management API tests share: one server per test file with
 * an admin signed in, and small helpers to create, change and inspect
 * users through the API.
 */
import { expect } from 'vitest'
import type { Role } from '../../core/permissions'
import type { AuditRecord, Page, UserRecord } from '../../core/protocol'
import { bearer, postJson, sharedTestServer } from './test-server'

/** A password every policy check accepts. */
export const GOOD_PASSWORD = 'granite-otter-lantern-42'

/** Start the file's server in beforeAll and return the helpers around it. */
export function adminUsersHarness() {
  const shared = sharedTestServer()
  let counter = 0

  /** A username no other test in this file uses. */
  function uniqueName(prefix: string): string {
    counter += 1
    return `${prefix}-${counter}`
  }

  function createUser(
    body: Record<string, unknown>,
    token = shared.adminToken,
  ): Promise<Response> {
    return postJson(`${shared.t.url}/api/users`, body, bearer(token))
  }

  function patchUser(
    id: string,
    body: Record<string, unknown>,
    token = shared.adminToken,
  ): Promise<Response> {
    return fetch(`${shared.t.url}/api/users/${id}`, {
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
    return {
      ...((await response.json()) as UserRecord),
      password: GOOD_PASSWORD,
    }
  }

  function refresh(cookie: string): Promise<Response> {
    return fetch(`${shared.t.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { cookie },
    })
  }

  function me(token: string): Promise<Response> {
    return fetch(`${shared.t.url}/api/me`, { headers: bearer(token) })
  }

  async function auditRows(query: string): Promise<AuditRecord[]> {
    const response = await fetch(`${shared.t.url}/api/audit?${query}`, {
      headers: bearer(shared.adminToken),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as Page<AuditRecord>).items
  }

  return {
    /** The running server (valid once beforeAll has run). */
    get t() {
      return shared.t
    },
    /** The admin's access token (valid once beforeAll has run). */
    get adminToken() {
      return shared.adminToken
    },
    uniqueName,
    createUser,
    patchUser,
    newUser,
    refresh,
    me,
    auditRows,
  }
}

/** The claims inside an access token, read without verifying it. */
export function claimsOf(token: string): {
  roles: string[]
  permissions: string[]
} {
  const payload = token.split('.')[1] ?? ''
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    roles: string[]
    permissions: string[]
  }
}
