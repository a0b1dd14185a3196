/**
 * Small per-device values in IndexedDB, by key: the cloud model last seen
 * (cache keys include the model, and offline the server cannot be asked)
 * and the response cache's byte total. Wiped at sign-out with the rest.
 */
import type { SettingRow } from './assistant-rows'
import { db as appDb, type EnclaveDatabase } from './database'

/** Reads and writes per-device values. */
export class SettingsStore {
  constructor(private readonly db: EnclaveDatabase = appDb) {}

  /** The value under a key, or null. */
  async get(key: string): Promise<string | null> {
    const row: SettingRow | undefined = await this.db.settings.get(key)
    return row?.value ?? null
  }

  /** Set a value. */
  async set(key: string, value: string): Promise<void> {
    await this.db.settings.put({ key, value })
  }
}
