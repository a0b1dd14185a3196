/**
 * Sign-in, token refresh and sign-out.
 *
 * The refresh token travels only in an httpOnly, SameSite=Strict cookie
 * scoped to `/api/auth`, so page scripts cannot read it and other sites
 * cannot make the browser send it. The access token is returned in the body
 * and kept in memory by the client.
 */
import type { Context, Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { permissionsForRoles } from '../../core/permissions'
import { loginRequestSchema, type SessionResponse } from '../../core/protocol'
import { verifyAgainstDummy, verifyPassword } from '../auth/passwords'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/app-env'
import { PUBLIC, route } from '../http/access'
import { readBody } from '../http/read-body'
import type { StoredUser } from '../store/users'

/** Name of the refresh-token cookie. */
export const REFRESH_COOKIE = 'enclave_refresh'

/** The only path the browser sends the refresh cookie to. */
export const REFRESH_COOKIE_PATH = '/api/auth'

/** Mount the auth routes on the `/api` app. */
export function mountAuthRoutes(api: Hono<AppEnv>): void {
  route(api, 'POST', '/auth/login', PUBLIC, async (c) => {
    const { services } = c.var
    const body = await readBody(c, loginRequestSchema)
    const accountKey = body.username.toLowerCase()
    const address = c.var.clientAddress

    for (const [key, verdict] of [
      [`account:${accountKey}`, services.accountThrottle.check(accountKey)],
      [`address:${address}`, services.addressThrottle.check(address)],
    ] as const) {
      if (!verdict.allowed) {
        const unrecorded = services.throttleRefusals.refused(
          key,
          verdict.retryAfterSeconds,
        )
        if (unrecorded !== null) {
          services.audit.record({
            actor: body.username,
            action: 'auth.login',
            target: body.username,
            outcome: 'failure',
            address,
            detail: { reason: 'throttled', unrecordedRefusals: unrecorded },
          })
        }
        throw new ApiError(429, 'too_many_attempts', {
          retryAfterSeconds: verdict.retryAfterSeconds,
        })
      }
    }

    // Count the attempt as a failure before the password is checked, in the
    // same tick as the check above. Counting after the (slow) comparison
    // let a burst of parallel guesses all pass the check before any of
    // them was counted; a good password takes the count back below.
    services.accountThrottle.fail(accountKey)
    services.addressThrottle.fail(address)

    const user = services.users.byUsername(body.username)
    const passwordMatches = user
      ? await verifyPassword(user.passwordHash, body.password)
      : (await verifyAgainstDummy(body.password), false)

    if (!user || !passwordMatches || user.disabled) {
      services.audit.record({
        actorId: user?.id ?? null,
        actor: body.username,
        action: 'auth.login',
        target: body.username,
        outcome: 'failure',
        address,
        detail: {
          reason: !user
            ? 'unknown_user'
            : !passwordMatches
              ? 'wrong_password'
              : 'disabled',
        },
      })
      throw new ApiError(401, 'invalid_credentials')
    }

    services.accountThrottle.reset(accountKey)
    services.addressThrottle.forgiveOne(address)
    const refresh = services.refreshTokens.issue(user.id)
    setRefreshCookie(c, refresh.token, refresh.expiresAt)
    services.audit.record({
      actorId: user.id,
      actor: user.username,
      action: 'auth.login',
      target: user.username,
      outcome: 'success',
      address,
    })
    return c.json(await sessionFor(c, user))
  })

  route(api, 'POST', '/auth/refresh', PUBLIC, async (c) => {
    const { services } = c.var
    refuseOtherOrigins(c)
    const presented = getCookie(c, REFRESH_COOKIE)
    if (!presented) {
      throw new ApiError(401, 'refresh_invalid')
    }

    const result = services.refreshTokens.rotate(presented)
    if (result.kind === 'invalid') {
      clearRefreshCookie(c)
      // A token revoked because its user was disabled says so, so the app
      // can tell them their session was ended rather than that it expired.
      const owner = services.refreshTokens.revokedOwner(presented)
      const user = owner === null ? null : services.users.byId(owner)
      if (user?.disabled) {
        refuseDisabled(c, user)
      }
      throw new ApiError(401, 'refresh_invalid')
    }
    if (result.kind === 'reused') {
      const owner = services.users.byId(result.userId)
      services.audit.record({
        actorId: result.userId,
        actor: owner?.username ?? null,
        action: 'auth.refresh_reuse',
        target: owner?.username ?? null,
        outcome: 'denied',
        address: c.var.clientAddress,
        detail: { family: result.familyId },
      })
      services.logger.warn(
        { reqId: c.var.requestId, userId: result.userId },
        'refresh token reused; family revoked',
      )
      clearRefreshCookie(c)
      throw new ApiError(401, 'refresh_reused')
    }

    const user = services.users.byId(result.userId)
    if (!user || user.disabled) {
      services.refreshTokens.revokeAllForUser(result.userId)
      clearRefreshCookie(c)
      if (user) {
        refuseDisabled(c, user)
      }
      throw new ApiError(401, 'session_revoked')
    }

    setRefreshCookie(c, result.next.token, result.next.expiresAt)
    return c.json(await sessionFor(c, user))
  })

  route(api, 'POST', '/auth/logout', PUBLIC, (c) => {
    const { services } = c.var
    refuseOtherOrigins(c)
    const presented = getCookie(c, REFRESH_COOKIE)
    if (presented) {
      services.refreshTokens.revokeFamilyOf(presented)
    }
    clearRefreshCookie(c)
    return c.body(null, 204)
  })
}

/** Record a disabled user's refused refresh and refuse it. */
function refuseDisabled(c: Context<AppEnv>, user: StoredUser): never {
  c.var.services.audit.record({
    actorId: user.id,
    actor: user.username,
    action: 'auth.refresh',
    target: user.username,
    outcome: 'denied',
    address: c.var.clientAddress,
    detail: { reason: 'disabled' },
  })
  throw new ApiError(401, 'session_revoked')
}

/** Build the login/refresh answer for a user, with a fresh access token. */
async function sessionFor(
  c: Context<AppEnv>,
  user: StoredUser,
): Promise<SessionResponse> {
  const { services } = c.var
  const permissions = permissionsForRoles(user.roles)
  const access = await services.accessTokens.issue({
    userId: user.id,
    username: user.username,
    roles: user.roles,
    permissions,
    tokenVersion: user.tokenVersion,
  })
  c.header('Cache-Control', 'no-store')
  return {
    accessToken: access.token,
    expiresAt: access.expiresAt,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions,
    },
    offlineGraceHours: services.config.offlineGraceHours,
  }
}

/**
 * Refresh and sign-out act on the cookie alone. SameSite=Strict keeps other
 * sites from sending it, but "site" ignores ports and subdomains, so a page
 * on another port of this host could still sign a user out. Browsers send
 * `Origin` on every POST; one that is not this server's is refused.
 */
function refuseOtherOrigins(c: Context<AppEnv>): void {
  const origin = c.req.header('origin')
  if (origin === undefined) {
    return
  }
  const forwardedHost = c.var.services.config.trustProxy
    ? c.req.header('x-forwarded-host')
    : undefined
  const host = forwardedHost ?? c.req.header('host')
  if (!host || hostOf(origin) !== host) {
    throw new ApiError(403, 'forbidden')
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host
  } catch {
    return null
  }
}

function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') {
    return true
  }
  return (
    c.var.services.config.trustProxy &&
    c.req.header('x-forwarded-proto') === 'https'
  )
}

function setRefreshCookie(
  c: Context<AppEnv>,
  token: string,
  expiresAt: number,
): void {
  setCookie(c, REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: REFRESH_COOKIE_PATH,
    maxAge: Math.max(0, Math.floor((expiresAt - Date.now()) / 1000)),
  })
}

function clearRefreshCookie(c: Context<AppEnv>): void {
  deleteCookie(c, REFRESH_COOKIE, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
  })
}
