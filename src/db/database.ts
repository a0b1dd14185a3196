/**
 * Enclave's IndexedDB database, through Dexie. It is the only place in the
 * app that opens IndexedDB.
 *
 * What is kept where:
 * - `sessions`: the last good session (user, roles, permissions and how
 *   long it may be used offline), one row with id `current`. Never a token.
 * - `responses` (v2): the assistant's response cache, one row per user and
 *   key (`<userId>:<sha256>`); the answer text, never a token.
 * - `conversations` and `messages` (v2): the user's chats, messages ordered
 *   by `seq` within a conversation.
 * - `metrics` (v2): one row per generation (engine, cold or warm, timings,
 *   tokens, cache hit); no prompt or answer text.
 * - `settings` (v2): small per-device values by key, such as the cloud
 *   model last seen, needed to build cache keys offline.
 * - `visionMetrics` (v3): one row per vision run (task, delegate, cold or
 *   warm, milliseconds); never the image. Apart from `metrics`, whose rows
 *   describe generations.
 * - `visionResults` (v3): the user's exported vision results with a small
 *   redacted thumbnail, counts and settings; never the original photo.
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
import type {
  ConversationRow,
  MessageRow,
  MetricRow,
  ResponseRow,
  SettingRow,
} from './assistant-rows'
import { announceDatabaseReplaced } from './database-events'
import type { VisionMetricRow, VisionResultRow } from './vision-rows'

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
  responses!: EntityTable<ResponseRow, 'id'>
  conversations!: EntityTable<ConversationRow, 'id'>
  messages!: EntityTable<MessageRow, 'id'>
  metrics!: EntityTable<MetricRow, 'id'>
  settings!: EntityTable<SettingRow, 'key'>
  visionMetrics!: EntityTable<VisionMetricRow, 'id'>
  visionResults!: EntityTable<VisionResultRow, 'id'>

  constructor(name = 'enclave') {
    super(name)
    this.version(1).stores({ sessions: 'id' })
    // Version 2 adds the assistant's tables; version 1's stays as shipped.
    this.version(2).stores({
      sessions: 'id',
      responses: 'id, userId, [userId+lastUsedAt]',
      conversations: 'id, [userId+updatedAt]',
      messages: 'id, [conversationId+seq]',
      metrics: '++id, userId, at',
      settings: 'key',
    })
    // Version 3 adds the vision module's tables; Dexie keeps the tables of
    // earlier versions, so only the new ones are listed.
    this.version(3).stores({
      visionMetrics: '++id, userId, at',
      visionResults: '++id, [userId+at]',
    })
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
