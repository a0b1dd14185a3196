/**
 * First-start seeding: when the database has no users, create one demo
 * account per role so a new install can be tried at once. Their password is
 * `ENCLAVE_DEMO_PASSWORD`, or a generated one printed once to the terminal
 * (never to the log).
 */
import { randomBytes } from 'node:crypto'
import { ALL_ROLES, type Role } from '../core/permissions'
import { hashPassword } from './auth/passwords'
import type { UserStore } from './store/users'

/** The demo accounts: username, display name and role. */
export const DEMO_ACCOUNTS: readonly {
  username: Role
  displayName: string
}[] = ALL_ROLES.map((role) => ({
  username: role,
  displayName: `Demo ${role}`,
}))

/** What seeding did, so the caller can tell the person starting the server. */
export type SeedResult =
  { seeded: false } | { seeded: true; password: string; generated: boolean }

/** Create the demo accounts if there are no users at all. */
export async function seedDemoAccounts(
  users: UserStore,
  demoPassword: string | undefined,
): Promise<SeedResult> {
  if (users.count() > 0) {
    return { seeded: false }
  }
  const password = demoPassword ?? randomBytes(12).toString('base64url')
  const passwordHash = await hashPassword(password)
  for (const account of DEMO_ACCOUNTS) {
    users.create({
      username: account.username,
      displayName: account.displayName,
      passwordHash,
      roles: [account.username],
    })
  }
  return { seeded: true, password, generated: demoPassword === undefined }
}
