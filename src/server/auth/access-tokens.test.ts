import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AccessTokens,
  TokenError,
  generateSigningKeys,
  loadOrCreateSigningKeys,
  type AccessClaims,
  type SigningKeys,
} from './access-tokens'

const claims: AccessClaims = {
  userId: '42',
  username: 'editor',
  roles: ['editor'],
  permissions: [
    'dashboard.view',
    'library.read',
    'assistant.use',
    'vision.use',
  ],
  tokenVersion: 3,
}

const START = Date.UTC(2030, 0, 1)

let keys: SigningKeys
let tokens: AccessTokens

beforeAll(async () => {
  keys = await generateSigningKeys()
  tokens = new AccessTokens(keys, 600, () => START)
})

async function rejection(
  verifier: AccessTokens,
  token: string,
): Promise<string> {
  const error: unknown = await verifier.verify(token).then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(TokenError)
  return (error as TokenError).code
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function decodePart(token: string, index: number): Record<string, unknown> {
  const part = token.split('.')[index] ?? ''
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
}

/** Replace one character in the middle of a segment with a different one. */
function flipOneChar(segment: string): string {
  const at = Math.floor(segment.length / 2)
  const replacement = segment[at] === 'A' ? 'B' : 'A'
  return segment.slice(0, at) + replacement + segment.slice(at + 1)
}

describe('AccessTokens', () => {
  it('verifies a token it issued and returns the same claims', async () => {
    const { token, expiresAt } = await tokens.issue(claims)

    expect(await tokens.verify(token)).toEqual(claims)
    expect(expiresAt).toBe(START + 600_000)
  })

  it('signs with ES256 and names the key, issuer and audience', async () => {
    const { token } = await tokens.issue(claims)

    expect(decodePart(token, 0)).toMatchObject({
      alg: 'ES256',
      kid: keys.kid,
      typ: 'JWT',
    })
    expect(decodePart(token, 1)).toMatchObject({
      sub: '42',
      iss: 'enclave',
      aud: 'enclave',
      ver: 3,
    })
  })

  it('refuses a token whose payload was changed after signing', async () => {
    const { token } = await tokens.issue(claims)
    const [header, , signature] = token.split('.')
    const payload = {
      ...decodePart(token, 1),
      roles: ['admin'],
      permissions: ['users.manage'],
    }

    const forged = `${header}.${b64url(payload)}.${signature}`

    expect(await rejection(tokens, forged)).toBe('token_invalid')
  })

  it('refuses a token whose signature was changed', async () => {
    const { token } = await tokens.issue(claims)
    const [header, payload, signature = ''] = token.split('.')

    const forged = `${header}.${payload}.${flipOneChar(signature)}`

    expect(await rejection(tokens, forged)).toBe('token_invalid')
  })

  it('refuses an unsigned token with alg none', async () => {
    const { token } = await tokens.issue(claims)
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`

    expect(await rejection(tokens, unsigned)).toBe('token_invalid')
  })

  it('refuses an HS256 token even with valid-looking claims', async () => {
    const secret = new TextEncoder().encode('a-shared-secret-of-32-bytes-long')
    const hmac = await new SignJWT({
      username: 'admin',
      roles: ['admin'],
      permissions: ['users.manage'],
      ver: 1,
    })
      .setProtectedHeader({ alg: 'HS256', kid: keys.kid })
      .setSubject('1')
      .setIssuer('enclave')
      .setAudience('enclave')
      .setIssuedAt(Math.floor(START / 1000))
      .setExpirationTime(Math.floor(START / 1000) + 600)
      .sign(secret)

    expect(await rejection(tokens, hmac)).toBe('token_invalid')
  })

  it('refuses a token signed by another key', async () => {
    const other = new AccessTokens(
      await generateSigningKeys(),
      600,
      () => START,
    )
    const { token } = await other.issue(claims)

    expect(await rejection(tokens, token)).toBe('token_invalid')
  })

  it('refuses a token once its lifetime has passed, as token_expired', async () => {
    let now = START
    const clocked = new AccessTokens(keys, 600, () => now)
    const { token } = await clocked.issue(claims)

    now = START + 599_000
    expect(await clocked.verify(token)).toEqual(claims)

    now = START + 601_000
    expect(await rejection(clocked, token)).toBe('token_expired')
  })

  it('refuses a token from another issuer', async () => {
    const foreign = await new SignJWT({
      username: 'editor',
      roles: [],
      permissions: [],
      ver: 1,
    })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('42')
      .setIssuer('someone-else')
      .setAudience('enclave')
      .setIssuedAt(Math.floor(START / 1000))
      .setExpirationTime(Math.floor(START / 1000) + 600)
      .sign(keys.privateKey)

    expect(await rejection(tokens, foreign)).toBe('token_invalid')
  })

  it('refuses a correctly signed token whose claims have the wrong types', async () => {
    const odd = await new SignJWT({
      username: 'editor',
      roles: 'admin',
      ver: 1,
    })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('42')
      .setIssuer('enclave')
      .setAudience('enclave')
      .setIssuedAt(Math.floor(START / 1000))
      .setExpirationTime(Math.floor(START / 1000) + 600)
      .sign(keys.privateKey)

    expect(await rejection(tokens, odd)).toBe('token_invalid')
  })

  it('drops roles and permissions that are not in the catalog', async () => {
    const { token } = await tokens.issue({
      ...claims,
      roles: ['editor', 'root' as 'editor'],
      permissions: ['vision.use', 'everything' as 'vision.use'],
    })

    const verified = await tokens.verify(token)

    expect(verified.roles).toEqual(['editor'])
    expect(verified.permissions).toEqual(['vision.use'])
  })

  it('refuses text that is not a JWT at all', async () => {
    expect(await rejection(tokens, 'not-a-token')).toBe('token_invalid')
  })
})

describe('loadOrCreateSigningKeys', () => {
  const dirs: string[] = []

  afterAll(() => {
    for (const dir of dirs) {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-keys-'))
    dirs.push(dir)
    return dir
  }

  it('keeps the key in the data directory so a restart accepts old tokens', async () => {
    const dataDir = path.join(tempDir(), 'data')
    const first = await loadOrCreateSigningKeys(dataDir)
    const { token } = await new AccessTokens(first, 600).issue(claims)

    const second = await loadOrCreateSigningKeys(dataDir)

    expect(second.kid).toBe(first.kid)
    expect(await new AccessTokens(second, 600).verify(token)).toEqual(claims)
  })

  it('writes the key file readable by its owner only', async () => {
    const dataDir = tempDir()
    await loadOrCreateSigningKeys(dataDir)

    const file = path.join(dataDir, 'access-token-key.jwk.json')
    const mode = fs.statSync(file).mode & 0o777

    expect(mode).toBe(0o600)
  })

  it('makes a different key in a different data directory', async () => {
    const a = await loadOrCreateSigningKeys(tempDir())
    const b = await loadOrCreateSigningKeys(tempDir())
    const { token } = await new AccessTokens(a, 600).issue(claims)

    expect(b.kid).not.toBe(a.kid)
    expect(await rejection(new AccessTokens(b, 600), token)).toBe(
      'token_invalid',
    )
  })
})
