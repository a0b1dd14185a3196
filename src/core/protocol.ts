/**
 * Request and response shapes of the API, shared by the server (which
 * validates with these schemas) and the client (which builds requests with
 * the same types).
 */
import { z } from 'zod'
import type { Permission, Role } from './permissions'

/** Longest username accepted anywhere. */
export const USERNAME_MAX = 64

/**
 * Longest password accepted. Argon2 cost grows with input, so an unbounded
 * password is a cheap way to make the server work hard.
 */
export const PASSWORD_MAX = 256

/** Body of `POST /api/auth/login`. */
export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'Enter a username.').max(USERNAME_MAX),
  password: z.string().min(1, 'Enter a password.').max(PASSWORD_MAX),
})

/** What a sign-in form sends. */
export type LoginRequest = z.infer<typeof loginRequestSchema>

/** The signed-in user as the client sees it. */
export interface SessionUser {
  id: string
  username: string
  displayName: string
  roles: Role[]
  permissions: Permission[]
}

/** Answer to login and refresh: a short-lived access token and its user. */
export interface SessionResponse {
  accessToken: string
  /** When the access token stops working, in milliseconds since the epoch. */
  expiresAt: number
  user: SessionUser
  /** How long a kept session may be used offline, in hours. */
  offlineGraceHours: number
}

/** Answer to `GET /api/me`. */
export interface MeResponse {
  user: SessionUser
}

/** A page of a list endpoint; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** A user as `GET /api/users` lists them. */
export interface UserRecord {
  id: string
  username: string
  displayName: string
  roles: Role[]
  disabled: boolean
  createdAt: number
}

/** How an audited action ended. */
export type AuditOutcome = 'success' | 'failure' | 'denied'

/** One row of the audit log. */
export interface AuditRecord {
  id: string
  at: number
  actorId: string | null
  actor: string | null
  action: string
  target: string | null
  outcome: AuditOutcome
  address: string | null
}

/** Query of `GET /api/users`. */
export const userListQuerySchema = z.object({
  q: z.string().max(USERNAME_MAX).optional(),
  role: z.string().max(32).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/** Query of `GET /api/audit`. */
export const auditListQuerySchema = z.object({
  actor: z.string().max(USERNAME_MAX).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
