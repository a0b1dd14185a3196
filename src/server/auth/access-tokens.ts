/**
 * Access tokens: ES256-signed JWTs that live about ten minutes and carry the
 * user's id, name, roles, permissions and token version. The client keeps
 * them in memory only. Verification pins the algorithm, issuer and audience,
 * so `alg: none`, an HMAC token or one signed by another key all fail.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  SignJWT,
  calculateJwkThumbprint,
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type CryptoKey,
  type JWK,
} from 'jose'
import {
  isPermission,
  isRole,
  type Permission,
  type Role,
} from '../../core/permissions'

const ALGORITHM = 'ES256'
const ISSUER = 'enclave'
const AUDIENCE = 'enclave'

/** The signing key pair and its key id. */
export interface SigningKeys {
  privateKey: CryptoKey
  publicKey: CryptoKey
  kid: string
}

/** What an access token says about its holder. */
export interface AccessClaims {
  userId: string
  username: string
  roles: Role[]
  permissions: Permission[]
  tokenVersion: number
}

/** Why a token was refused. */
export type TokenProblem = 'token_invalid' | 'token_expired'

/** Thrown by `verify` for a token that must not be accepted. */
export class TokenError extends Error {
  constructor(readonly code: TokenProblem) {
    super(code)
  }
}

/** Make a new ES256 key pair. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, {
    extractable: true,
  })
  const kid = await calculateJwkThumbprint(await exportJWK(publicKey))
  return { privateKey, publicKey, kid }
}

/**
 * Load the key pair from the data directory, creating it on first start.
 * Deleting the file signs everyone out at their next request.
 */
export async function loadOrCreateSigningKeys(
  dataDir: string,
): Promise<SigningKeys> {
  const file = path.join(dataDir, 'access-token-key.jwk.json')
  if (fs.existsSync(file)) {
    const jwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK
    const privateKey = (await importJWK(jwk, ALGORITHM)) as CryptoKey
    const { d: _private, ...publicJwk } = jwk
    const publicKey = (await importJWK(publicJwk, ALGORITHM)) as CryptoKey
    const kid = await calculateJwkThumbprint(publicJwk)
    return { privateKey, publicKey, kid }
  }
  const keys = await generateSigningKeys()
  const jwk = await exportJWK(keys.privateKey)
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  fs.writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 })
  return keys
}

/** Signs and verifies access tokens with one key pair. */
export class AccessTokens {
  constructor(
    private readonly keys: SigningKeys,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sign a token for these claims; returns it with its expiry in ms. */
  async issue(
    claims: AccessClaims,
  ): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = Math.floor(this.now() / 1000)
    const expiresAt = issuedAt + this.ttlSeconds
    const token = await new SignJWT({
      username: claims.username,
      roles: claims.roles,
      permissions: claims.permissions,
      ver: claims.tokenVersion,
    })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.keys.kid, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.keys.privateKey)
    return { token, expiresAt: expiresAt * 1000 }
  }

  /** Verify a token and return its claims; throws TokenError otherwise. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.keys.publicKey, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.now()),
        requiredClaims: ['sub', 'exp', 'iat'],
      })
      const { sub, username, roles, permissions, ver } = payload
      if (
        typeof sub !== 'string' ||
        typeof username !== 'string' ||
        typeof ver !== 'number' ||
        !isStringArray(roles) ||
        !isStringArray(permissions)
      ) {
        throw new TokenError('token_invalid')
      }
      return {
        userId: sub,
        username,
        roles: roles.filter(isRole),
        permissions: permissions.filter(isPermission),
        tokenVersion: ver,
      }
    } catch (error) {
      if (error instanceof TokenError) {
        throw error
      }
      if (error instanceof joseErrors.JWTExpired) {
        throw new TokenError('token_expired')
      }
      throw new TokenError('token_invalid')
    }
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}
