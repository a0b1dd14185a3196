/**
 * The response cache's rules, as plain functions: when an entry is still
 * good (its age and the cache version), and which entries to evict to stay
 * under the byte and count caps (least recently used first). The Dexie
 * adapter in src/db applies them.
 */

/** Default time to live of a cached answer: 7 days. */
export const DEFAULT_TTL_MS = 7 * 24 * 3_600_000

/** Default caps of the cache, per user. */
export const DEFAULT_LIMITS: CacheLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxEntries: 5_000,
}

/** Caps of the cache. */
export interface CacheLimits {
  maxBytes: number
  maxEntries: number
}

/** What eviction needs to know of each entry. */
export interface EvictionCandidate {
  key: string
  bytes: number
  lastUsedAt: number
}

/** Whether an entry stored at `createdAt` under `version` may answer now. */
export function isFresh(
  entry: { createdAt: number; version: number },
  now: number,
  ttlMs: number,
  version: number,
): boolean {
  return entry.version === version && now - entry.createdAt < ttlMs
}

/** The bytes an answer takes, counted as UTF-8 of its text and prompt. */
export function entryBytes(answer: string, prompt: string): number {
  const encoder = new TextEncoder()
  return encoder.encode(answer).length + encoder.encode(prompt).length
}

/**
 * The keys to delete, least recently used first, so that what is left fits
 * both caps. An entry bigger than the byte cap on its own is evicted too.
 */
export function planEviction(
  entries: readonly EvictionCandidate[],
  limits: CacheLimits,
  /**
   * The whole cache's totals, when `entries` is only its oldest part (the
   * store reads the oldest rows, not all of them).
   */
  totals: { bytes: number; count: number } = {
    bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    count: entries.length,
  },
): string[] {
  let { bytes, count } = totals
  const oldestFirst = [...entries].sort((a, b) => a.lastUsedAt - b.lastUsedAt)
  const evicted: string[] = []

  for (const entry of oldestFirst) {
    if (bytes <= limits.maxBytes && count <= limits.maxEntries) {
      break
    }
    evicted.push(entry.key)
    bytes -= entry.bytes
    count -= 1
  }
  return evicted
}
