/**
 * Keeps the last good session in IndexedDB so the app can open offline.
 * What is kept is who the user is and until when that may be trusted
 * offline; never a token, so nothing kept here can call the API.
 */
import type { SessionUser } from '../core/protocol'
import { createLogger } from '../app/logger'
import type { KeptSession } from './database'
import { isQuotaError } from './storage-errors'
import { reportStorageFull } from './storage-problems'

const log = createLogger('db')

// Dexie loads on first use, not with the first page.
const database = () => import('./database')

/** What the session store needs from local storage. */
export interface SessionKeeper {
  save(user: SessionUser, offlineUntil: number): Promise<void>
  load(): Promise<KeptSession | null>
  /** Drop the kept session only (the server refused it). */
  forget(): Promise<void>
  /** Drop everything the user has on this device (sign-out). */
  wipe(): Promise<void>
}

/** The IndexedDB-backed keeper the app uses. */
export const indexedDbSessionKeeper: SessionKeeper = {
  async save(user, offlineUntil) {
    try {
      const { db } = await database()
      await db.sessions.put({
        id: 'current',
        user,
        offlineUntil,
        savedAt: Date.now(),
      })
    } catch (error) {
      // Losing the offline copy is not worth failing a sign-in over, but a
      // full disk is worth telling the user about.
      if (isQuotaError(error)) {
        reportStorageFull()
        log.warn('storage is full; the session was not kept for offline use')
      } else {
        log.warn('the session could not be kept for offline use', error)
      }
    }
  },

  async load() {
    try {
      const { db } = await database()
      return (await db.sessions.get('current')) ?? null
    } catch (error) {
      log.warn('the kept session could not be read', error)
      return null
    }
  },

  async forget() {
    try {
      const { db } = await database()
      await db.sessions.delete('current')
    } catch (error) {
      log.warn('the kept session could not be removed', error)
    }
  },

  async wipe() {
    const { db, wipeLocalData } = await database()
    try {
      await wipeLocalData()
    } catch (error) {
      // A kept session that outlives sign-out would let the app open
      // offline as that user; deleting the whole database is the fallback.
      log.error('local data could not be wiped; deleting the database', error)
      await db.delete({ disableAutoOpen: false })
    }
  },
}
