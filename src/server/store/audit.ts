/**
 * The audit log: who did what, to what, how it ended and from where. Rows are
 * only ever appended; no code path updates or deletes one. Prompts, passwords
 * and tokens never go in.
 */
import type { AuditOutcome, AuditRecord, Page } from '../../core/protocol'
import { escapeLike } from './users'
import { decodeCursor, encodeCursor } from './cursor'
import type { Db } from './database'

/** What a caller knows about an event when it records it. */
export interface AuditEvent {
  actorId?: string | null
  actor?: string | null
  action: string
  target?: string | null
  outcome: AuditOutcome
  address?: string | null
  /** Small structured context; must never hold secrets or user content. */
  detail?: Record<string, string | number | boolean>
}

/** Filters of an audit query; all optional. */
export interface AuditQuery {
  actor?: string | undefined
  action?: string | undefined
  outcome?: AuditOutcome | undefined
  from?: number | undefined
  to?: number | undefined
  q?: string | undefined
  cursor?: string | undefined
  limit: number
}

interface AuditRow {
  id: number
  at: number
  actor_id: number | null
  actor: string | null
  action: string
  target: string | null
  outcome: AuditOutcome
  address: string | null
  detail: string | null
}

/** Appends to and reads the audit log. */
export class AuditLog {
  private readonly insert

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, actor_id, actor, action, target, outcome, address, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
  }

  /** Append one event. */
  record(event: AuditEvent): void {
    this.insert.run(
      this.now(),
      event.actorId ?? null,
      event.actor ?? null,
      event.action,
      event.target ?? null,
      event.outcome,
      event.address ?? null,
      event.detail ? JSON.stringify(event.detail) : null,
    )
  }

  /** A page of events, newest first. */
  list(query: AuditQuery): Page<AuditRecord> {
    const where: string[] = []
    const params: (string | number)[] = []
    if (query.cursor !== undefined) {
      where.push('id < ?')
      params.push(decodeCursor(query.cursor) ?? 0)
    }
    if (query.actor) {
      where.push('actor = ?')
      params.push(query.actor)
    }
    if (query.action) {
      where.push('action = ?')
      params.push(query.action)
    }
    if (query.outcome) {
      where.push('outcome = ?')
      params.push(query.outcome)
    }
    if (query.from !== undefined) {
      where.push('at >= ?')
      params.push(query.from)
    }
    if (query.to !== undefined) {
      where.push('at <= ?')
      params.push(query.to)
    }
    if (query.q) {
      // A substring search cannot use an index: SQLite walks back from the
      // newest row until the page is full. Common terms fill it at once; a
      // term that matches almost nothing reads the whole table, about
      // 120 ms at a million rows here (bench/results/audit.json). An FTS5
      // trigram index on target would make that fast.
      where.push("target LIKE ? ESCAPE '\\'")
      params.push(`%${escapeLike(query.q)}%`)
    }
    const sql = `SELECT id, at, actor_id, actor, action, target, outcome, address, detail
      FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id DESC LIMIT ?`
    const rows = this.db
      .prepare(sql)
      .all(...params, query.limit + 1) as AuditRow[]
    const items = rows.slice(0, query.limit).map((row): AuditRecord => ({
      id: String(row.id),
      at: row.at,
      actorId: row.actor_id === null ? null : String(row.actor_id),
      actor: row.actor,
      action: row.action,
      target: row.target,
      outcome: row.outcome,
      address: row.address,
      detail: parseDetail(row.detail),
    }))
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

function parseDetail(text: string | null): AuditRecord['detail'] {
  if (text === null) {
    return null
  }
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as AuditRecord['detail'])
      : null
  } catch {
    return null
  }
}
