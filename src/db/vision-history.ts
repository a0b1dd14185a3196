/**
 * The vision history in IndexedDB: the user's exported results, newest
 * first, each with a redacted thumbnail (never the original photo). Rows
 * belong to one user and go with every other table at sign-out.
 */
import { Dexie } from 'dexie'
import { db as appDb, type EnclaveDatabase } from './database'
import type { VisionResultRow } from './vision-rows'

/** Adds, lists and removes the user's vision results. */
export class VisionHistoryStore {
  constructor(private readonly db: EnclaveDatabase = appDb) {}

  /** Keep one result; resolves to its id. */
  async add(row: Omit<VisionResultRow, 'id'>): Promise<number> {
    return (await this.db.visionResults.add(row)) as number
  }

  /** The user's results, newest first. */
  list(userId: string): Promise<VisionResultRow[]> {
    return this.db.visionResults
      .where('[userId+at]')
      .between([userId, Dexie.minKey], [userId, Dexie.maxKey])
      .reverse()
      .toArray()
  }

  /** Remove one of the user's results. */
  async remove(userId: string, id: number): Promise<void> {
    await this.db.visionResults
      .where('id')
      .equals(id)
      .and((row) => row.userId === userId)
      .delete()
  }
}
