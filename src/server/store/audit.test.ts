import { beforeEach, describe, expect, it } from 'vitest'
import type { AuditQuery } from './audit'
import { AuditLog, type AuditEvent } from './audit'
import { encodeCursor } from './cursor'
import { openMemoryDatabase } from './database'

const START = Date.UTC(2030, 0, 1)

let now: number
let audit: AuditLog

beforeEach(() => {
  now = START
  audit = new AuditLog(openMemoryDatabase(), () => now)
})

/** Record one event a second after the previous one. */
function add(event: Partial<AuditEvent> & { action: string }): void {
  audit.record({ outcome: 'success', ...event })
  now += 1000
}

function list(query: Partial<AuditQuery> = {}) {
  return audit.list({ limit: 100, ...query })
}

function actions(query: Partial<AuditQuery> = {}): string[] {
  return list(query).items.map((item) => item.action)
}

describe('AuditLog', () => {
  it('lists events newest first', () => {
    add({ action: 'first' })
    add({ action: 'second' })
    add({ action: 'third' })

    expect(actions()).toEqual(['third', 'second', 'first'])
  })

  it('returns what was recorded, with ids as strings', () => {
    audit.record({
      actorId: '7',
      actor: 'manager',
      action: 'auth.login',
      target: 'manager',
      outcome: 'failure',
      address: '127.0.0.1',
      detail: { reason: 'wrong_password' },
    })

    const items = list().items

    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      id: expect.any(String),
      at: START,
      actorId: '7',
      actor: 'manager',
      action: 'auth.login',
      target: 'manager',
      outcome: 'failure',
      address: '127.0.0.1',
    })
  })

  it('stores missing fields as null', () => {
    add({ action: 'system.start' })

    expect(list().items[0]).toMatchObject({
      actorId: null,
      actor: null,
      target: null,
      address: null,
    })
  })

  it('filters by actor, action and outcome together', () => {
    add({ actor: 'admin', action: 'auth.login', outcome: 'success' })
    add({ actor: 'viewer', action: 'auth.login', outcome: 'failure' })
    add({ actor: 'viewer', action: 'permission.denied', outcome: 'denied' })
    add({ actor: 'viewer', action: 'auth.login', outcome: 'success' })

    const found = list({
      actor: 'viewer',
      action: 'auth.login',
      outcome: 'failure',
    })

    expect(found.items).toHaveLength(1)
    expect(found.items[0]).toMatchObject({
      actor: 'viewer',
      outcome: 'failure',
    })
    expect(actions({ outcome: 'denied' })).toEqual(['permission.denied'])
  })

  it('filters by a time range, both ends included', () => {
    add({ action: 'at-0s' })
    add({ action: 'at-1s' })
    add({ action: 'at-2s' })
    add({ action: 'at-3s' })

    expect(actions({ from: START + 1000, to: START + 2000 })).toEqual([
      'at-2s',
      'at-1s',
    ])
  })

  it('searches targets literally, so % and _ are not wildcards', () => {
    add({ action: 'a', target: 'GET /api/users' })
    add({ action: 'b', target: 'report_2030' })
    add({ action: 'c', target: 'reportX2030' })
    add({ action: 'd', target: '100% done' })

    expect(actions({ q: 'api/users' })).toEqual(['a'])
    expect(actions({ q: 'report_' })).toEqual(['b'])
    expect(actions({ q: '%' })).toEqual(['d'])
  })

  it('pages with a cursor until the last page has no next cursor', () => {
    for (let i = 1; i <= 5; i++) {
      add({ action: `event-${i}` })
    }

    const first = list({ limit: 2 })
    const second = list({ limit: 2, cursor: first.nextCursor ?? '' })
    const third = list({ limit: 2, cursor: second.nextCursor ?? '' })

    expect(first.items.map((item) => item.action)).toEqual([
      'event-5',
      'event-4',
    ])
    expect(second.items.map((item) => item.action)).toEqual([
      'event-3',
      'event-2',
    ])
    expect(third.items.map((item) => item.action)).toEqual(['event-1'])
    expect(third.nextCursor).toBeNull()
  })

  it('resumes after the row a cursor names', () => {
    add({ action: 'one' })
    add({ action: 'two' })
    add({ action: 'three' })

    expect(actions({ cursor: encodeCursor(3) })).toEqual(['two', 'one'])
  })

  it('gives no next cursor when the rows exactly fill the page', () => {
    add({ action: 'one' })
    add({ action: 'two' })

    expect(list({ limit: 2 }).nextCursor).toBeNull()
  })

  it('keeps later pages stable when new events arrive between pages', () => {
    for (let i = 1; i <= 4; i++) {
      add({ action: `event-${i}` })
    }
    const first = list({ limit: 2 })

    add({ action: 'arrived-later' })
    add({ action: 'arrived-even-later' })
    const second = list({ limit: 2, cursor: first.nextCursor ?? '' })

    expect(second.items.map((item) => item.action)).toEqual([
      'event-2',
      'event-1',
    ])
    expect(second.nextCursor).toBeNull()
  })

  it('applies filters on every page, not only the first', () => {
    for (let i = 1; i <= 6; i++) {
      add({ action: i % 2 === 0 ? 'even' : 'odd', target: `n${i}` })
    }

    const first = list({ action: 'even', limit: 2 })
    const second = list({
      action: 'even',
      limit: 2,
      cursor: first.nextCursor ?? '',
    })

    expect(first.items.map((item) => item.target)).toEqual(['n6', 'n4'])
    expect(second.items.map((item) => item.target)).toEqual(['n2'])
  })

  it('answers a cursor it did not make with an empty page', () => {
    add({ action: 'one' })

    expect(list({ cursor: 'bm90LWEtY3Vyc29y' }).items).toEqual([])
  })
})
