/**
 * Runs in Chromium for `npm run bench:assistant`: fills the response cache
 * (the real Dexie adapter) with 10,000 entries, then times lookups that
 * hit, lookups that miss, and stores that evict. The result goes on
 * `window.__cacheBench` for the benchmark to read.
 */
import { EnclaveDatabase } from '../../src/db/database'
import { ResponseCache } from '../../src/db/response-cache'
import type { ResponseRow } from '../../src/db/assistant-rows'
import { median, percentile } from '../stats'

const ENTRIES = 10_000
const LOOKUPS = 1_000
const USER = 'bench-user'

function summary(samples: number[]) {
  return {
    n: samples.length,
    p50Ms: Number(median(samples).toFixed(3)),
    p95Ms: Number(percentile(samples, 95).toFixed(3)),
  }
}

async function run() {
  const db = new EnclaveDatabase('enclave-cache-bench')
  await db.delete()
  await db.open()
  const answer = 'An answer of a typical length. '.repeat(16)
  const now = Date.now()
  const rows: ResponseRow[] = Array.from({ length: ENTRIES }, (_, i) => ({
    id: `${USER}:key-${i}`,
    userId: USER,
    key: `key-${i}`,
    answer,
    model: 'bench',
    version: 1,
    createdAt: now,
    lastUsedAt: now + i,
    hits: 0,
    bytes: answer.length + 20,
  }))
  await db.responses.bulkPut(rows)
  await db.settings.put({
    key: `cache-bytes:${USER}`,
    value: String(rows.reduce((sum, row) => sum + row.bytes, 0)),
  })
  const cache = new ResponseCache(db, {
    limits: { maxBytes: 50 * 1024 * 1024, maxEntries: ENTRIES },
  })

  const hits: number[] = []
  for (let i = 0; i < LOOKUPS; i += 1) {
    const key = `key-${Math.floor(Math.random() * ENTRIES)}`
    const started = performance.now()
    const row = await cache.get(USER, key)
    hits.push(performance.now() - started)
    if (!row) throw new Error(`missing ${key}`)
  }
  const misses: number[] = []
  for (let i = 0; i < LOOKUPS; i += 1) {
    const started = performance.now()
    await cache.get(USER, `absent-${i}`)
    misses.push(performance.now() - started)
  }
  const stores: number[] = []
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now()
    await cache.put(USER, `new-${i}`, { answer, prompt: 'q', model: 'bench' })
    stores.push(performance.now() - started)
  }
  const stats = await cache.stats(USER)
  db.close()
  await db.delete()
  return {
    entries: ENTRIES,
    hit: summary(hits),
    miss: summary(misses),
    storeWithEviction: summary(stores),
    entriesAfterStores: stats.entries,
  }
}

const target = window as { __cacheBench?: unknown }
run().then(
  (result) => {
    target.__cacheBench = result
  },
  (error: unknown) => {
    target.__cacheBench = { error: String(error) }
  },
)
