/**
 * Fills the audit log with synthetic events, for the end-to-end scroll test
 * and the benchmark. It writes through the server's own AuditLog, in one
 * transaction, into the database of a data directory; SQLite's WAL mode lets
 * it run beside a server that has the same file open.
 *
 *   npx tsx src/server/tools/seed-audit.ts --data-dir data/e2e --rows 100000
 *
 * The rows are one second apart and end now, so they sort as if they had
 * been written over the last day or so. Actors are `seed-user-NNN`; targets
 * start with `seeded`, so a filter finds or excludes them.
 */
import { pathToFileURL } from 'node:url'
import { ALL_AUDIT_ACTIONS } from '../../core/audit-actions'
import type { AuditOutcome } from '../../core/protocol'
import { AuditLog } from '../store/audit'
import { openDatabase, type Db } from '../store/database'

/** Append `rows` synthetic events in one transaction; returns how long it took in ms. */
export function seedAuditLog(
  db: Db,
  rows: number,
  end: number = Date.now(),
): number {
  let clock = end
  const audit = new AuditLog(db, () => clock)
  const started = performance.now()
  db.transaction(() => {
    for (let index = 0; index < rows; index++) {
      clock = end - (rows - index) * 1000
      audit.record(syntheticEvent(index))
    }
  })()
  return performance.now() - started
}

/** The event a seeded row at this index holds. */
export function syntheticEvent(index: number) {
  const action =
    ALL_AUDIT_ACTIONS[index % ALL_AUDIT_ACTIONS.length] ?? 'auth.login'
  const outcome: AuditOutcome =
    index % 11 === 0 ? 'denied' : index % 7 === 0 ? 'failure' : 'success'
  const actor = `seed-user-${String(index % 50).padStart(3, '0')}`
  return {
    actorId: null,
    actor,
    action,
    target: `seeded target ${index}`,
    outcome,
    // TEST-NET-1 (RFC 5737): documentation addresses, never a real client.
    address: `192.0.2.${index % 250}`,
    ...(outcome === 'success' ? {} : { detail: { reason: 'seeded' } }),
  }
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback
}

function main(): void {
  const dataDir = argument('data-dir', 'data/e2e')
  const rows = Number(argument('rows', '100000'))
  if (!Number.isInteger(rows) || rows <= 0) {
    throw new Error('--rows must be a positive whole number')
  }
  const db = openDatabase(dataDir)
  try {
    const ms = seedAuditLog(db, rows)
    process.stdout.write(
      `Added ${rows} audit events to ${dataDir} in ${Math.round(ms)} ms\n`,
    )
  } finally {
    db.close()
  }
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  main()
}
