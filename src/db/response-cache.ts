/**
 * The assistant's response cache in IndexedDB, per user. Lookups answer
 * only fresh entries of the current cache version and count a hit; stores
 * evict the least recently used entries past the byte and count caps. The
 * rules are the pure functions of `src/ai/cache-policy.ts`; this file only
 * applies them to Dexie.
 *
 * The byte total and the entry count are kept in `settings` rows updated
 * in the same transaction as each write, so a store neither reads every
 * entry to add up bytes (10,000 answers would be megabytes per store) nor
 * counts them (IndexedDB counts by walking the index). A cache from before
 * the count row is counted once, then kept.
 */
import { CACHE_VERSION } from '../ai/cache-key'
import {
  DEFAULT_LIMITS,
  DEFAULT_TTL_MS,
  entryBytes,
  isFresh,
  planEviction,
  type CacheLimits,
} from '../ai/cache-policy'
import type { ResponseRow } from './assistant-rows'
import { db as appDb, type EnclaveDatabase } from './database'

/** Settings of one cache. */
export interface ResponseCacheOptions {
  ttlMs?: number
  limits?: CacheLimits
  version?: number
  now?: () => number
}

/** The figures shown for the cache. */
export interface CacheStats {
  entries: number
  bytes: number
  hits: number
}

const EVICTION_BATCH = 50

/** The response cache of this device. */
export class ResponseCache {
  private readonly ttlMs: number
  private readonly limits: CacheLimits
  private readonly version: number
  private readonly now: () => number

  constructor(
    private readonly db: EnclaveDatabase = appDb,
    options: ResponseCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS
    this.limits = options.limits ?? DEFAULT_LIMITS
    this.version = options.version ?? CACHE_VERSION
    this.now = options.now ?? Date.now
  }

  /** A fresh answer for this user and key, counting the hit; else null. */
  async get(userId: string, key: string): Promise<ResponseRow | null> {
    const id = `${userId}:${key}`
    return this.db.transaction(
      'rw',
      this.db.responses,
      this.db.settings,
      async () => {
        const row = await this.db.responses.get(id)
        if (!row) return null
        const now = this.now()
        if (!isFresh(row, now, this.ttlMs, this.version)) {
          await this.keepCount(userId)
          await this.db.responses.delete(id)
          await this.adjust(userId, -row.bytes, -1)
          return null
        }
        const used = { ...row, hits: row.hits + 1, lastUsedAt: now }
        await this.db.responses.put(used)
        return used
      },
    )
  }

  /** Keep a finished answer, then evict past the caps. */
  async put(
    userId: string,
    key: string,
    entry: { answer: string; prompt: string; model: string },
  ): Promise<void> {
    const now = this.now()
    const row: ResponseRow = {
      id: `${userId}:${key}`,
      userId,
      key,
      answer: entry.answer,
      model: entry.model,
      version: this.version,
      createdAt: now,
      lastUsedAt: now,
      hits: 0,
      bytes: entryBytes(entry.answer, entry.prompt),
    }
    await this.db.transaction(
      'rw',
      this.db.responses,
      this.db.settings,
      async () => {
        await this.keepCount(userId)
        const replaced = await this.db.responses.get(row.id)
        await this.db.responses.put(row)
        await this.adjust(
          userId,
          row.bytes - (replaced?.bytes ?? 0),
          replaced ? 0 : 1,
        )
        await this.evict(userId)
      },
    )
  }

  /** Entries, bytes and hits of this user's cache. */
  async stats(userId: string): Promise<CacheStats> {
    let hits = 0
    const rows = this.db.responses.where('userId').equals(userId)
    await rows.each((row) => {
      hits += row.hits
    })
    const { bytes, count } = await this.totals(userId)
    return { entries: count, bytes, hits }
  }

  private async evict(userId: string): Promise<void> {
    const { bytes, count } = await this.totals(userId)
    if (count <= this.limits.maxEntries && bytes <= this.limits.maxBytes) {
      return
    }
    const oldest = await this.db.responses
      .where('[userId+lastUsedAt]')
      .between([userId, -Infinity], [userId, Infinity])
      .limit(Math.max(EVICTION_BATCH, count - this.limits.maxEntries))
      .toArray()
    const keys = planEviction(
      oldest.map((row) => ({
        key: row.id,
        bytes: row.bytes,
        lastUsedAt: row.lastUsedAt,
      })),
      this.limits,
      { bytes, count },
    )
    const freed = oldest
      .filter((row) => keys.includes(row.id))
      .reduce((sum, row) => sum + row.bytes, 0)
    await this.db.responses.bulkDelete(keys)
    await this.adjust(userId, -freed, -keys.length)
  }

  /** The user's kept byte total and entry count. */
  private async totals(
    userId: string,
  ): Promise<{ bytes: number; count: number }> {
    const [bytes, count] = await Promise.all([
      this.db.settings.get(bytesKey(userId)),
      this.db.settings.get(countKey(userId)),
    ])
    return {
      bytes: bytes ? Number(bytes.value) : 0,
      count: count
        ? Number(count.value)
        : await this.db.responses.where('userId').equals(userId).count(),
    }
  }

  /** Write the count row if this cache predates it, before any change. */
  private async keepCount(userId: string): Promise<void> {
    if (!(await this.db.settings.get(countKey(userId)))) {
      const { count } = await this.totals(userId)
      await this.db.settings.put({
        key: countKey(userId),
        value: String(count),
      })
    }
  }

  private async adjust(
    userId: string,
    bytes: number,
    count: number,
  ): Promise<void> {
    const now = await this.totals(userId)
    await this.db.settings.bulkPut([
      { key: bytesKey(userId), value: String(Math.max(0, now.bytes + bytes)) },
      { key: countKey(userId), value: String(Math.max(0, now.count + count)) },
    ])
  }
}

function bytesKey(userId: string): string {
  return `cache-bytes:${userId}`
}

function countKey(userId: string): string {
  return `cache-count:${userId}`
}
