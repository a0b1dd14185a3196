import { pino } from 'pino'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionResponse, UserRecord } from '../../core/protocol'
import { createApp } from '../app'
import { generateSigningKeys } from '../auth/access-tokens'
import { loadConfig } from '../config'
import { seedDemoAccounts } from '../seed'
import { createServices, type Services } from '../services'
import { openMemoryDatabase } from '../store/database'

const DEMO = 'demo-password-for-this-test'
const INITIAL = 'initial-secret-cobalt-9181'
const RESET = 'reset-secret-saffron-2207'
const WEAK = 'weak-secret!'
const WRONG = 'wrong-secret-umber-5523'

let lines: string[]
let services: Services
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  lines = []
  // The most talkative level, so anything a handler logs is caught.
  const logger = pino(
    { level: 'trace' },
    { write: (line: string) => void lines.push(line) },
  )
  services = createServices({
    config: loadConfig({}),
    logger,
    db: openMemoryDatabase(),
    keys: await generateSigningKeys(),
  })
  await seedDemoAccounts(services.users, DEMO)
  app = createApp(services)
})

function call(path: string, method: string, body: unknown, token?: string) {
  return app.request(`/api${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
}

describe('passwords set through the admin API', () => {
  it('never reach the server log or the audit log', async () => {
    const login = await call('/auth/login', 'POST', {
      username: 'admin',
      password: DEMO,
    })
    const { accessToken } = (await login.json()) as SessionResponse

    const created = await call(
      '/users',
      'POST',
      {
        username: 'secretive',
        displayName: 'Secretive',
        password: INITIAL,
        roles: ['viewer'],
      },
      accessToken,
    )
    const { id } = (await created.json()) as UserRecord
    await call(`/users/${id}`, 'PATCH', { password: WEAK }, accessToken)
    await call(`/users/${id}`, 'PATCH', { password: RESET }, accessToken)
    await call('/auth/login', 'POST', {
      username: 'secretive',
      password: WRONG,
    })

    expect(created.status).toBe(201)
    expect(lines.length).toBeGreaterThan(0)
    const audit = JSON.stringify(
      services.db.prepare('SELECT * FROM audit_log').all(),
    )
    expect(audit).toContain('user.password_reset')
    for (const secret of [DEMO, INITIAL, RESET, WEAK, WRONG, accessToken]) {
      expect(lines.join('\n')).not.toContain(secret)
      expect(audit).not.toContain(secret)
    }
  })
})
