/**
 * Users and their roles. A user row keeps the argon2id hash of the password,
 * never the password, and a token version: bumping it makes every access
 * token issued before it stop working at once.
 */
import { isRole, type Role } from '../../core/permissions'
import type { Page, UserRecord } from '../../core/protocol'
import { decodeCursor, encodeCursor } from './cursor'
import type { Db } from './database'

/** A user row with what the server needs to authenticate them. */
export interface StoredUser extends UserRecord {
  passwordHash: string
  tokenVersion: number
}

interface UserRow {
  id: number
  username: string
  display_name: string
  password_hash: string
  token_version: number
  disabled_at: number | null
  created_at: number
  roles: string | null
}

const SELECT_USER = `
  SELECT u.*, (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u`

function toUser(row: UserRow): StoredUser {
  const roles = (row.roles ?? '').split(',').filter(isRole).sort(byRoleOrder)
  return {
    id: String(row.id),
    username: row.username,
    displayName: row.display_name,
    roles,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    tokenVersion: row.token_version,
  }
}

const ROLE_ORDER: readonly Role[] = ['viewer', 'editor', 'manager', 'admin']

function byRoleOrder(a: Role, b: Role): number {
  return ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)
}

/** The public view of a user: everything but the hash and token version. */
export function publicUser(user: StoredUser): UserRecord {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabled,
    createdAt: user.createdAt,
  }
}

/** What it takes to create a user. */
export interface NewUser {
  username: string
  displayName: string
  passwordHash: string
  roles: readonly Role[]
}

/** Reads and writes users. */
export class UserStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many users exist; zero on a fresh database. */
  count(): number {
    const row = this.db.prepare('SELECT count(*) AS n FROM users').get() as {
      n: number
    }
    return row.n
  }

  /** A user by id, or null. */
  byId(id: string): StoredUser | null {
    const row = this.db
      .prepare(`${SELECT_USER} WHERE u.id = ?`)
      .get(Number(id)) as UserRow | undefined
    return row ? toUser(row) : null
  }

  /** A user by username (case-insensitive), or null. */
  byUsername(username: string): StoredUser | null {
    const row = this.db
      .prepare(`${SELECT_USER} WHERE u.username = ?`)
      .get(username) as UserRow | undefined
    return row ? toUser(row) : null
  }

  /** Create a user with roles; returns the stored user. */
  create(user: NewUser): StoredUser {
    const id = this.db.transaction(() => {
      const result = this.db
        .prepare(
          `INSERT INTO users (username, display_name, password_hash, created_at)
           VALUES (?, ?, ?, ?)`,
        )
        .run(user.username, user.displayName, user.passwordHash, this.now())
      const insertRole = this.db.prepare(
        'INSERT INTO user_roles (user_id, role) VALUES (?, ?)',
      )
      for (const role of new Set(user.roles)) {
        insertRole.run(result.lastInsertRowid, role)
      }
      return String(result.lastInsertRowid)
    })()
    const created = this.byId(id)
    if (!created) {
      throw new Error('User vanished right after it was created')
    }
    return created
  }

  /** Replace a user's roles. Takes effect at their next token refresh. */
  setRoles(id: string, roles: readonly Role[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(id)
      const insertRole = this.db.prepare(
        'INSERT INTO user_roles (user_id, role) VALUES (?, ?)',
      )
      for (const role of new Set(roles)) {
        insertRole.run(id, role)
      }
    })()
  }

  /**
   * Disable or re-enable a user. Disabling bumps the token version, so their
   * access tokens stop working at the next request.
   */
  setDisabled(id: string, disabled: boolean): void {
    this.db
      .prepare(
        `UPDATE users SET disabled_at = ?, token_version = token_version + ?
         WHERE id = ?`,
      )
      .run(disabled ? this.now() : null, disabled ? 1 : 0, id)
  }

  /**
   * Make every access token issued to the user so far stop working. Their
   * app then refreshes at its next request and gets a token that says what
   * the user may do now.
   */
  endAccessTokens(id: string): void {
    this.db
      .prepare(
        'UPDATE users SET token_version = token_version + 1 WHERE id = ?',
      )
      .run(id)
  }

  /** How many users hold the admin role and are not disabled. */
  countActiveAdmins(): number {
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM users u
         JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin'
         WHERE u.disabled_at IS NULL`,
      )
      .get() as { n: number }
    return row.n
  }

  /** Replace a user's password hash and end their current access tokens. */
  setPasswordHash(id: string, passwordHash: string): void {
    this.db
      .prepare(
        `UPDATE users SET password_hash = ?, token_version = token_version + 1
         WHERE id = ?`,
      )
      .run(passwordHash, id)
  }

  /** A page of users ordered by id, filtered by name and role. */
  list(query: {
    q?: string | undefined
    role?: string | undefined
    cursor?: string | undefined
    limit: number
  }): Page<UserRecord> {
    const where: string[] = []
    const params: (string | number)[] = []
    if (query.cursor !== undefined) {
      where.push('u.id > ?')
      params.push(decodeCursor(query.cursor) ?? Number.MAX_SAFE_INTEGER)
    }
    if (query.q) {
      where.push(
        "(u.username LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')",
      )
      const pattern = `%${escapeLike(query.q)}%`
      params.push(pattern, pattern)
    }
    if (query.role) {
      where.push(
        'EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ?)',
      )
      params.push(query.role)
    }
    const sql = `${SELECT_USER} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY u.id LIMIT ?`
    const rows = this.db
      .prepare(sql)
      .all(...params, query.limit + 1) as UserRow[]
    const items = rows.slice(0, query.limit).map(toUser).map(publicUser)
    const last = items.at(-1)
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(Number(last.id))
          : null,
    }
  }
}

/** Whether an error is SQLite refusing a duplicate in a UNIQUE column. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  )
}

/** Escape `%`, `_` and `\` so a search term matches literally in LIKE. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`)
}
