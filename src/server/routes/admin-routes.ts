/**
 * The admin console's API: managing users (`users.manage`) and reading the
 * audit log (`audit.read`). Each lives in its own file; this one mounts both.
 */
import type { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import { mountAuditRoutes } from './audit-routes'
import { mountUserRoutes } from './user-routes'

/** Mount the user and audit routes on the `/api` app. */
export function mountAdminRoutes(api: Hono<AppEnv>): void {
  mountUserRoutes(api)
  mountAuditRoutes(api)
}
