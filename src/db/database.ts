/**
 * Enclave's IndexedDB database, through Dexie. It is the only place in the
 * app that opens IndexedDB.
 *
 * What is kept where:
 * - `sessions`: the last good session (user, roles, permissions and how
 *   long it may be used offline), one row with id `current`. Never a token.
 *
 * Changing a table's schema string without adding a new `version()` breaks
 * every existing install, and removing a table in a new version deletes the
 * user's data in it. Add versions; never edit a shipped one.
 *
 * When another tab opens a newer version, this tab must let go at once or
 * the other tab's upgrade hangs: on `versionchange` the connection is
 * closed and the app asks for a reload (see `database-events.ts`).
 *
 * Load this module lazily (`import('./database')`): Dexie is large, and the
 * sign-in page does not need it.
 */
import { Dexie, type EntityTable } from 'dexie'
import type { SessionUser } from '../core/protocol'
import { announceDatabaseReplaced } from './database-events'

/** The kept session row. */
export interface KeptSession {
  id: 'current'
  user: SessionUser
  /** Until when, in ms since the epoch, the session may be used offline. */
  offlineUntil: number
  savedAt: number
}

/** The app's Dexie database with its tables. */
export class EnclaveDatabase extends Dexie {
  sessions!: EntityTable<KeptSession, 'id'>

  constructor(name = 'enclave') {
    super(name)
    this.version(1).stores({ sessions: 'id' })
  }
}

/** The one database instance of this tab. */
export const db = new EnclaveDatabase()

db.on('versionchange', () => {
  // Nothing is buffered in memory between writes (every write goes straight
  // to a transaction), so there is nothing left to save before closing.
  // Closed for good in this tab: reopening would ask for the old version
  // and fail against the upgraded database.
  db.close()
  announceDatabaseReplaced()
  return false
})

/** Delete every table's rows: used at sign-out, so nothing of the user stays. */
export async function wipeLocalData(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })
}
