// An in-memory IndexedDB, so the cache runs on Dexie as in the browser.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { EnclaveDatabase } from './database'
import { ResponseCache } from './response-cache'

let opened: EnclaveDatabase[] = []

function freshDatabase(): EnclaveDatabase {
  const database = new EnclaveDatabase(`cache-test-${opened.length}`)
  opened.push(database)
  return database
}

afterEach(async () => {
  await Promise.all(opened.map((database) => database.delete()))
  opened = []
})

const answer = (text: string) => ({ answer: text, prompt: 'q', model: 'm' })

describe('ResponseCache', () => {
  it('answers a kept entry and counts the hit', async () => {
    const cache = new ResponseCache(freshDatabase())
    await cache.put('u1', 'k1', answer('hello'))
    expect((await cache.get('u1', 'k1'))?.answer).toBe('hello')
    expect(await cache.get('u2', 'k1')).toBeNull()
    expect(await cache.stats('u1')).toMatchObject({ entries: 1, hits: 1 })
  })

  it('drops an entry past its lifetime and counts it out', async () => {
    let now = 1_000
    const cache = new ResponseCache(freshDatabase(), {
      ttlMs: 100,
      now: () => now,
    })
    await cache.put('u1', 'k1', answer('old'))
    now += 101
    expect(await cache.get('u1', 'k1')).toBeNull()
    expect(await cache.stats('u1')).toMatchObject({ entries: 0, bytes: 0 })
  })

  it('evicts the least recently used past the entry cap and keeps its count true', async () => {
    let now = 1_000
    const database = freshDatabase()
    const cache = new ResponseCache(database, {
      limits: { maxEntries: 3, maxBytes: 1_000_000 },
      now: () => now++,
    })
    for (const key of ['a', 'b', 'c']) {
      await cache.put('u1', key, answer(key))
    }
    await cache.get('u1', 'a')
    await cache.put('u1', 'b', answer('b again'))
    await cache.put('u1', 'd', answer('d'))

    const kept = await database.responses.where('userId').equals('u1').toArray()
    expect(kept.map((row) => row.key).sort()).toEqual(['a', 'b', 'd'])
    expect((await cache.stats('u1')).entries).toBe(3)
  })

  it('counts the rows of a cache kept before the count was', async () => {
    const database = freshDatabase()
    const cache = new ResponseCache(database)
    await cache.put('u1', 'a', answer('a'))
    await cache.put('u1', 'b', answer('b'))
    await database.settings.delete('cache-count:u1')

    await cache.put('u1', 'c', answer('c'))
    expect((await cache.stats('u1')).entries).toBe(3)
  })
})
