/**
 * Access control for API routes. Every `/api` route is registered through
 * `route()`, which takes its access rule next to its path, so a route cannot
 * be added without saying who may call it. `declaredRoutes` lets a test check
 * that nothing bypassed it.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { hasPermission, type Permission } from '../../core/permissions'
import { TokenError } from '../auth/access-tokens'
import { ApiError } from './api-error'
import type { AppEnv, Caller } from './app-env'

/** Who may call a route. */
export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission }

/** Anyone, signed in or not. */
export const PUBLIC: Access = { kind: 'public' }

/** Any signed-in, enabled user. */
export const SIGNED_IN: Access = { kind: 'signed-in' }

/** A signed-in user whose token carries this permission. */
export function needs(permission: Permission): Access {
  return { kind: 'permission', permission }
}

/** One registered API route, for audits of the route table. */
export interface DeclaredRoute {
  method: string
  path: string
  access: Access
}

/** Every route registered through `route()`, across all apps in this process. */
export const declaredRoutes: DeclaredRoute[] = []

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
type Handler = (c: Context<AppEnv>) => Response | Promise<Response>

/** Register an API route with its access rule. `path` is relative to `api`. */
export function route(
  api: Hono<AppEnv>,
  method: Method,
  path: string,
  access: Access,
  handler: Handler,
): void {
  declaredRoutes.push({ method, path, access })
  api.on(method, path, guard(access), handler)
}

/** The middleware that enforces one access rule. */
export function guard(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access.kind === 'public') {
      await next()
      return
    }

    const caller = await authenticate(c)
    c.set('caller', caller)

    if (
      access.kind === 'permission' &&
      !hasPermission(caller.claims.permissions, access.permission)
    ) {
      c.var.services.audit.record({
        actorId: caller.user.id,
        actor: caller.user.username,
        action: 'permission.denied',
        target: `${c.req.method} ${c.req.path}`,
        outcome: 'denied',
        address: c.var.clientAddress,
        detail: { permission: access.permission },
      })
      throw new ApiError(403, 'forbidden', { permission: access.permission })
    }

    await next()
  }
}

/** The caller of a guarded route; throws if the route is public. */
export function callerOf(c: Context<AppEnv>): Caller {
  const caller = c.var.caller
  if (!caller) {
    throw new Error('callerOf used on a route without a signed-in guard')
  }
  return caller
}

/**
 * Verify the bearer token, then check the user still exists, is enabled and
 * has not had their tokens revoked since this one was signed.
 */
async function authenticate(c: Context<AppEnv>): Promise<Caller> {
  const header = c.req.header('authorization') ?? ''
  // The scheme name is case-insensitive (RFC 9110); the token is not.
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header)
  if (!match?.[1]) {
    throw new ApiError(401, 'unauthenticated')
  }

  let claims
  try {
    claims = await c.var.services.accessTokens.verify(match[1])
  } catch (error) {
    if (error instanceof TokenError) {
      throw new ApiError(401, error.code)
    }
    throw error
  }

  const user = c.var.services.users.byId(claims.userId)
  if (!user || user.disabled || user.tokenVersion !== claims.tokenVersion) {
    throw new ApiError(401, 'session_revoked')
  }
  return { claims, user }
}
