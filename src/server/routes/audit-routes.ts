/**
 * Reading the audit log: a cursor-paged list and a CSV export of the same
 * filter. Both need `audit.read`. There is deliberately no route that edits
 * or deletes an audit row; the log is append-only through the API.
 */
import type { Hono } from 'hono'
import { PERMISSIONS } from '../../core/permissions'
import {
  auditFilterSchema,
  auditListQuerySchema,
  type AuditFilter,
  type AuditRecord,
} from '../../core/protocol'
import type { AppEnv } from '../http/app-env'
import { callerOf, needs, route } from '../http/access'
import { csvLine } from '../http/csv'
import { validate } from '../http/read-body'
import type { AuditLog } from '../store/audit'

const READ = needs(PERMISSIONS.auditRead)

// Rows per database read while exporting. Each read is one short query, so
// other requests run between them instead of waiting for the whole file.
const EXPORT_PAGE_ROWS = 1000

const CSV_HEADER = [
  'id',
  'time_utc',
  'actor',
  'actor_id',
  'action',
  'target',
  'outcome',
  'address',
  'detail',
]

/** Mount the audit routes on the `/api` app. */
export function mountAuditRoutes(api: Hono<AppEnv>): void {
  route(api, 'GET', '/audit', READ, (c) => {
    const query = validate(auditListQuerySchema, c.req.query())
    return c.json(c.var.services.audit.list(query))
  })

  route(api, 'GET', '/audit/export', READ, (c) => {
    const { services } = c.var
    const filter = validate(auditFilterSchema, c.req.query())
    const caller = callerOf(c)

    // Exporting the log is itself an audited act. It is recorded first, so
    // the file holds its own export when the filter matches it.
    const detail = describeFilter(filter)
    services.audit.record({
      actorId: caller.user.id,
      actor: caller.user.username,
      action: 'audit.exported',
      target: null,
      outcome: 'success',
      address: c.var.clientAddress,
      ...(Object.keys(detail).length > 0 ? { detail } : {}),
    })

    const stamp = new Date(services.now()).toISOString().replace(/[:.]/g, '-')
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header(
      'Content-Disposition',
      `attachment; filename="enclave-audit-${stamp}.csv"`,
    )
    return c.body(auditCsvStream(services.audit, filter))
  })
}

/**
 * The filtered log as a stream of CSV text, newest first, read a page at a
 * time as the client takes it. Paging by id keeps the file consistent while
 * new rows arrive: they are newer than the first page and never show up in
 * the middle.
 */
export function auditCsvStream(
  audit: AuditLog,
  filter: AuditFilter,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let cursor: string | undefined
  let started = false

  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = ''
      if (!started) {
        started = true
        text += csvLine(CSV_HEADER)
      }
      const page = audit.list({
        ...filter,
        ...(cursor === undefined ? {} : { cursor }),
        limit: EXPORT_PAGE_ROWS,
      })
      for (const row of page.items) {
        text += csvLine(csvCells(row))
      }
      controller.enqueue(encoder.encode(text))
      if (page.nextCursor === null) {
        controller.close()
      } else {
        cursor = page.nextCursor
      }
    },
  })
}

function csvCells(row: AuditRecord) {
  return [
    row.id,
    new Date(row.at).toISOString(),
    row.actor,
    row.actorId,
    row.action,
    row.target,
    row.outcome,
    row.address,
    row.detail ? JSON.stringify(row.detail) : null,
  ]
}

function describeFilter(filter: AuditFilter): Record<string, string | number> {
  const detail: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') {
      detail[key] = value
    }
  }
  return detail
}
