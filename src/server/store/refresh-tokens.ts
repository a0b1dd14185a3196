/**
 * Refresh tokens: long-lived, single-use, and kept only as SHA-256 hashes.
 * Each sign-in starts a family; every refresh marks the presented token used
 * and issues the next one in the same family. A used token presented again
 * means two parties hold it (one of them a thief), so the whole family is
 * revoked.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Db } from './database'

/** A freshly issued refresh token; `token` is shown to the client once. */
export interface IssuedRefreshToken {
  token: string
  familyId: string
  expiresAt: number
}

/** What presenting a refresh token led to. */
export type RotationResult =
  | { kind: 'rotated'; userId: string; next: IssuedRefreshToken }
  | { kind: 'reused'; userId: string; familyId: string }
  | { kind: 'invalid' }

interface TokenRow {
  id: number
  family_id: string
  user_id: number
  expires_at: number
  used_at: number | null
  revoked_at: number | null
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Issues, rotates and revokes refresh tokens. */
export class RefreshTokenStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Start a new family for a user (a sign-in), or continue one. */
  issue(userId: string, familyId: string = randomUUID()): IssuedRefreshToken {
    const token = randomBytes(32).toString('base64url')
    const createdAt = this.now()
    const expiresAt = createdAt + this.ttlMs
    this.db
      .prepare(
        `INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(hashToken(token), familyId, userId, createdAt, expiresAt)
    return { token, familyId, expiresAt }
  }

  /**
   * Spend a token and issue its successor. A token that was already spent
   * revokes its whole family and reports `reused`.
   */
  rotate(token: string): RotationResult {
    return this.db.transaction((): RotationResult => {
      const row = this.db
        .prepare(
          `SELECT id, family_id, user_id, expires_at, used_at, revoked_at
           FROM refresh_tokens WHERE token_hash = ?`,
        )
        .get(hashToken(token)) as TokenRow | undefined
      if (!row || row.revoked_at !== null) {
        return { kind: 'invalid' }
      }
      if (row.used_at !== null) {
        this.revokeFamily(row.family_id)
        return {
          kind: 'reused',
          userId: String(row.user_id),
          familyId: row.family_id,
        }
      }
      if (row.expires_at <= this.now()) {
        return { kind: 'invalid' }
      }
      this.db
        .prepare('UPDATE refresh_tokens SET used_at = ? WHERE id = ?')
        .run(this.now(), row.id)
      return {
        kind: 'rotated',
        userId: String(row.user_id),
        next: this.issue(String(row.user_id), row.family_id),
      }
    })()
  }

  /** Revoke the family a token belongs to (sign-out). Unknown tokens are ignored. */
  revokeFamilyOf(token: string): void {
    const row = this.db
      .prepare('SELECT family_id FROM refresh_tokens WHERE token_hash = ?')
      .get(hashToken(token)) as { family_id: string } | undefined
    if (row) {
      this.revokeFamily(row.family_id)
    }
  }

  /** Revoke every refresh token of a user, on every device. */
  revokeAllForUser(userId: string): void {
    this.db
      .prepare(
        `UPDATE refresh_tokens SET revoked_at = ?
         WHERE user_id = ? AND revoked_at IS NULL`,
      )
      .run(this.now(), userId)
  }

  /**
   * The owner of a token that was revoked (not merely spent or expired), or
   * null. Refresh uses it to tell a disabled user why they were signed out.
   */
  revokedOwner(token: string): string | null {
    const row = this.db
      .prepare(
        `SELECT user_id FROM refresh_tokens
         WHERE token_hash = ? AND revoked_at IS NOT NULL`,
      )
      .get(hashToken(token)) as { user_id: number } | undefined
    return row ? String(row.user_id) : null
  }

  /** Delete rows that expired long enough ago that no one can present them. */
  prune(): number {
    return this.db
      .prepare('DELETE FROM refresh_tokens WHERE expires_at < ?')
      .run(this.now() - this.ttlMs).changes
  }

  private revokeFamily(familyId: string): void {
    this.db
      .prepare(
        `UPDATE refresh_tokens SET revoked_at = ?
         WHERE family_id = ? AND revoked_at IS NULL`,
      )
      .run(this.now(), familyId)
  }
}
