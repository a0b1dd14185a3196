/**
 * Request and response shapes of the API, shared by the server (which
 * validates with these schemas) and the client (which builds requests with
 * the same types).
 */
import { z } from 'zod'
import type { ErrorCode } from './errors'
import { isRole, type Permission, type Role } from './permissions'

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
  password: z
    .string()
    .min(1, 'Enter a password.')
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
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

/** Every outcome, in the order the filter lists them. */
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = [
  'success',
  'failure',
  'denied',
]

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
  /** Small structured context (a reason, the roles before and after). */
  detail: Record<string, string | number | boolean> | null
}

/** Query of `GET /api/users`. */
export const userListQuerySchema = z.object({
  q: z.string().max(USERNAME_MAX).optional(),
  role: z.string().max(32).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/**
 * Filters of the audit log, shared by `GET /api/audit` and the CSV export.
 * `actor` and `action` match exactly; `q` finds text anywhere in the target;
 * `from` and `to` are milliseconds since the epoch, both ends included.
 */
export const auditFilterSchema = z.object({
  actor: z.string().max(USERNAME_MAX).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  q: z.string().max(200).optional(),
})

/** The audit filters a client sends; every field optional. */
export type AuditFilter = z.infer<typeof auditFilterSchema>

/** Query of `GET /api/audit`: the filters, a cursor and a page size. */
export const auditListQuerySchema = auditFilterSchema.extend({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/** Longest display name accepted. */
export const DISPLAY_NAME_MAX = 100

const usernameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a username.')
  .max(USERNAME_MAX, `Use at most ${USERNAME_MAX} characters.`)
  // Plain names only: they appear in logs, CSV files and URLs, and a name
  // that starts with `=` or holds a comma would need care in each of them.
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'Use letters, digits, dots, dashes and underscores, starting with a letter or digit.',
  )

const roleSchema = z.custom<Role>(
  (value) => typeof value === 'string' && isRole(value),
  'Choose roles from the catalog: viewer, editor, manager or admin.',
)

const rolesSchema = z
  .array(roleSchema)
  .min(1, 'Choose at least one role.')
  .max(8)

// The length rule lives in the password policy, which answers with
// `weak_password` and a clear reason; the schema only caps the size.
const newPasswordSchema = z
  .string()
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)

/** Body of `POST /api/users`. */
export const createUserRequestSchema = z.object({
  username: usernameSchema,
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter a display name.')
    .max(DISPLAY_NAME_MAX),
  password: newPasswordSchema,
  roles: rolesSchema,
})

/** What the admin console sends to create a user. */
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>

/** Body of `PATCH /api/users/:id`: any of roles, disabled and password. */
export const updateUserRequestSchema = z
  .object({
    roles: rolesSchema.optional(),
    disabled: z.boolean().optional(),
    password: newPasswordSchema.optional(),
  })
  .strict()
  .refine(
    (body) =>
      body.roles !== undefined ||
      body.disabled !== undefined ||
      body.password !== undefined,
    'Send at least one of roles, disabled and password.',
  )

/** What the admin console sends to change a user. */
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>

/** Most messages of context one chat request may carry. */
export const CHAT_MAX_MESSAGES = 200

/** Longest single message accepted, in characters. */
export const CHAT_MAX_MESSAGE_CHARS = 32_000

/** One message of a conversation, as the cloud engine receives it. */
export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(CHAT_MAX_MESSAGE_CHARS),
})

/** One message of a conversation. */
export type ChatMessage = z.infer<typeof chatMessageSchema>

/**
 * Body of `POST /api/ai/chat`. `requestId` names the generation: sending
 * the same id again (with `Last-Event-ID`) resumes it instead of starting
 * another one.
 */
export const chatRequestSchema = z.object({
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Use 8 to 64 letters, digits, - or _.'),
  messages: z.array(chatMessageSchema).min(1).max(CHAT_MAX_MESSAGES),
  model: z.string().min(1).max(200).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(32_768).optional(),
})

/** What the client sends to start or resume a cloud generation. */
export type ChatRequest = z.infer<typeof chatRequestSchema>

/** Why a generation ended. */
export type FinishReason = 'stop' | 'length' | 'aborted' | 'error' | 'other'

/** Data of a `token` event: one piece of the answer. */
export interface ChatTokenEvent {
  text: string
}

/** Data of a `done` event: how the generation ended and how it went. */
export interface ChatDoneEvent {
  model: string
  finishReason: FinishReason
  usage: { promptTokens: number | null; completionTokens: number }
  timings: { firstTokenMs: number | null; totalMs: number }
}

/** Data of an `error` event: the generation failed after it began. */
export interface ChatErrorEvent {
  code: ErrorCode
  message: string
}

/** Answer to `GET /api/ai/status`: whether the cloud engine can answer. */
export interface AiStatusResponse {
  cloud: { configured: boolean; model: string | null }
}
