/**
 * Managing users: list, create, and change roles, password or whether the
 * account is enabled. Every route needs `users.manage`, and every change,
 * refused or made, is written to the audit log. Passwords never reach the
 * log or the audit log; only the fact that one was set.
 *
 * What a change does to the user's sessions:
 * - roles: their access tokens stop working at once, so the server enforces
 *   the new roles at their next request; their app refreshes then and shows
 *   the new modules.
 * - disabled: every refresh token is revoked and every access token ends, so
 *   their next request is refused and they are sent to sign in.
 * - password: the same as disabling, without the lock: they sign in again
 *   with the new password.
 */
import type { Context, Hono } from 'hono'
import { PERMISSIONS, type Role } from '../../core/permissions'
import {
  PASSWORD_PROBLEM_MESSAGES,
  passwordProblem,
} from '../../core/password-policy'
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  userListQuerySchema,
} from '../../core/protocol'
import type { AuditAction } from '../../core/audit-actions'
import { isCommonPassword } from '../auth/common-passwords'
import { hashPassword } from '../auth/passwords'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/app-env'
import { callerOf, needs, route } from '../http/access'
import { readBody, validate } from '../http/read-body'
import type { AuditEvent } from '../store/audit'
import { isUniqueViolation, publicUser, type StoredUser } from '../store/users'

const MANAGE = needs(PERMISSIONS.usersManage)

/** Mount the user routes on the `/api` app. */
export function mountUserRoutes(api: Hono<AppEnv>): void {
  route(api, 'GET', '/users', MANAGE, (c) => {
    const query = validate(userListQuerySchema, c.req.query())
    return c.json(c.var.services.users.list(query))
  })

  route(api, 'POST', '/users', MANAGE, async (c) => {
    const { services } = c.var
    const body = await readBody(c, createUserRequestSchema)
    const record = (
      outcome: AuditEvent['outcome'],
      detail?: AuditEvent['detail'],
    ) => audit(c, 'user.created', body.username, outcome, detail)

    if (services.users.byUsername(body.username)) {
      record('failure', { reason: 'username_taken' })
      throw usernameTaken()
    }
    refuseWeakPassword(body.password, body.username, () =>
      record('failure', { reason: 'weak_password' }),
    )

    const passwordHash = await hashPassword(body.password)
    let created: StoredUser
    try {
      created = services.users.create({ ...body, passwordHash })
    } catch (error) {
      // Another request took the name while the password was being hashed.
      if (isUniqueViolation(error)) {
        record('failure', { reason: 'username_taken' })
        throw usernameTaken()
      }
      throw error
    }

    record('success', { roles: created.roles.join(',') })
    return c.json(publicUser(created), 201)
  })

  route(api, 'PATCH', '/users/:id', MANAGE, async (c) => {
    const { services } = c.var
    const id = c.req.param('id') ?? ''
    const body = await readBody(c, updateUserRequestSchema)
    const target = /^\d{1,15}$/.test(id) ? services.users.byId(id) : null
    if (!target) {
      throw new ApiError(404, 'not_found')
    }

    let passwordHash: string | null = null
    if (body.password !== undefined) {
      refuseWeakPassword(body.password, target.username, () =>
        audit(c, 'user.password_reset', target.username, 'failure', {
          reason: 'weak_password',
        }),
      )
      passwordHash = await hashPassword(body.password)
    }

    let applied: AppliedChanges
    try {
      applied = applyChanges(c, id, {
        roles: body.roles ?? null,
        disabled: body.disabled ?? null,
        passwordHash,
      })
    } catch (error) {
      if (error instanceof ApiError && error.code === 'last_admin') {
        const attempted = body.disabled ? 'user.disabled' : 'user.roles_changed'
        audit(c, attempted, target.username, 'denied', {
          reason: 'last_admin',
        })
      }
      throw error
    }

    const record = (action: AuditAction, detail?: AuditEvent['detail']) =>
      audit(c, action, target.username, 'success', detail)
    if (applied.roles) {
      record('user.roles_changed', {
        from: applied.roles.from.join(','),
        to: applied.roles.to.join(','),
      })
    }
    if (applied.passwordReset) {
      record('user.password_reset')
    }
    if (applied.disabled !== null) {
      record(applied.disabled ? 'user.disabled' : 'user.enabled')
    }

    const updated = services.users.byId(id)
    if (!updated) {
      throw new Error('User vanished right after it was changed')
    }
    return c.json(publicUser(updated))
  })
}

/** What a PATCH asks for, with the password already hashed. */
interface RequestedChanges {
  roles: Role[] | null
  disabled: boolean | null
  passwordHash: string | null
}

/** What a PATCH actually changed; a field set to its current value is not a change. */
interface AppliedChanges {
  roles: { from: Role[]; to: Role[] } | null
  disabled: boolean | null
  passwordReset: boolean
}

/**
 * Apply the changes in one write transaction, so the last-admin check and
 * the write cannot be split by another request or another process.
 */
function applyChanges(
  c: Context<AppEnv>,
  id: string,
  requested: RequestedChanges,
): AppliedChanges {
  const { users, refreshTokens, db } = c.var.services

  return db
    .transaction((): AppliedChanges => {
      const current = users.byId(id)
      if (!current) {
        throw new ApiError(404, 'not_found')
      }
      const nextRoles = requested.roles ?? current.roles
      const nextDisabled = requested.disabled ?? current.disabled
      const isActiveAdmin = !current.disabled && current.roles.includes('admin')
      const staysActiveAdmin = !nextDisabled && nextRoles.includes('admin')
      if (
        isActiveAdmin &&
        !staysActiveAdmin &&
        users.countActiveAdmins() <= 1
      ) {
        throw new ApiError(409, 'last_admin')
      }

      const applied: AppliedChanges = {
        roles: null,
        disabled: null,
        passwordReset: false,
      }
      if (requested.roles && !sameRoles(requested.roles, current.roles)) {
        users.setRoles(id, requested.roles)
        users.endAccessTokens(id)
        applied.roles = {
          from: current.roles,
          to: users.byId(id)?.roles ?? requested.roles,
        }
      }
      if (requested.passwordHash !== null) {
        users.setPasswordHash(id, requested.passwordHash)
        refreshTokens.revokeAllForUser(id)
        applied.passwordReset = true
      }
      if (
        requested.disabled !== null &&
        requested.disabled !== current.disabled
      ) {
        users.setDisabled(id, requested.disabled)
        if (requested.disabled) {
          refreshTokens.revokeAllForUser(id)
        }
        applied.disabled = requested.disabled
      }
      return applied
    })
    .immediate()
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((role) => right.has(role))
}

/** Record one outcome of an action the caller took on a user. */
function audit(
  c: Context<AppEnv>,
  action: AuditAction,
  target: string,
  outcome: AuditEvent['outcome'],
  detail?: AuditEvent['detail'],
): void {
  const caller = callerOf(c)
  c.var.services.audit.record({
    actorId: caller.user.id,
    actor: caller.user.username,
    action,
    target,
    outcome,
    address: c.var.clientAddress,
    ...(detail ? { detail } : {}),
  })
}

/** Throw `weak_password`, naming the broken rule, unless the password passes. */
function refuseWeakPassword(
  password: string,
  username: string,
  onRefused: () => void,
): void {
  const problem = passwordProblem(password, {
    username,
    isCommon: isCommonPassword,
  })
  if (problem) {
    onRefused()
    throw new ApiError(400, 'weak_password', {
      fields: [
        { path: 'password', message: PASSWORD_PROBLEM_MESSAGES[problem] },
      ],
    })
  }
}

function usernameTaken(): ApiError {
  return new ApiError(409, 'username_taken', {
    fields: [{ path: 'username', message: 'That username is already taken.' }],
  })
}
