/**
 * Read access to users and the audit log. Creating and changing users, and
 * the admin console on top of these, are not built yet; these two lists are
 * what exists so far.
 */
import type { Hono } from 'hono'
import { PERMISSIONS } from '../../core/permissions'
import { auditListQuerySchema, userListQuerySchema } from '../../core/protocol'
import type { AppEnv } from '../http/app-env'
import { needs, route } from '../http/access'
import { validate } from '../http/read-body'

/** Mount the user and audit routes on the `/api` app. */
export function mountAdminRoutes(api: Hono<AppEnv>): void {
  route(api, 'GET', '/users', needs(PERMISSIONS.usersManage), (c) => {
    const query = validate(userListQuerySchema, c.req.query())
    return c.json(c.var.services.users.list(query))
  })

  route(api, 'GET', '/audit', needs(PERMISSIONS.auditRead), (c) => {
    const query = validate(auditListQuerySchema, c.req.query())
    return c.json(c.var.services.audit.list(query))
  })
}
