/**
 * `GET /api/me`: who the bearer of an access token is, with their roles and
 * permissions as the token states them.
 */
import type { Hono } from 'hono'
import type { MeResponse } from '../../core/protocol'
import type { AppEnv } from '../http/app-env'
import { SIGNED_IN, callerOf, route } from '../http/access'

/** Mount the session routes on the `/api` app. */
export function mountSessionRoutes(api: Hono<AppEnv>): void {
  route(api, 'GET', '/me', SIGNED_IN, (c) => {
    const { claims, user } = callerOf(c)
    const body: MeResponse = {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: claims.roles,
        permissions: claims.permissions,
      },
    }
    return c.json(body)
  })
}
