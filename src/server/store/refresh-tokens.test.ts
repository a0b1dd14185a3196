import { beforeEach, describe, expect, it } from 'vitest'
import { openMemoryDatabase, type Db } from './database'
import { RefreshTokenStore, type RotationResult } from './refresh-tokens'
import { UserStore } from './users'

const TTL_MS = 14 * 86_400_000

let db: Db
let now: number
let store: RefreshTokenStore
let users: UserStore
let userId: string

beforeEach(() => {
  db = openMemoryDatabase()
  now = Date.UTC(2030, 0, 1)
  const clock = () => now
  users = new UserStore(db, clock)
  store = new RefreshTokenStore(db, TTL_MS, clock)
  userId = addUser('editor')
})

function addUser(username: string): string {
  return users.create({
    username,
    displayName: username,
    passwordHash: 'not-a-real-hash',
    roles: ['editor'],
  }).id
}

function rotated(result: RotationResult) {
  if (result.kind !== 'rotated') {
    throw new Error(`expected a rotation, got ${result.kind}`)
  }
  return result
}

describe('RefreshTokenStore', () => {
  it('never stores the token itself, only its hash', () => {
    const issued = store.issue(userId)

    const dump = JSON.stringify(
      db.prepare('SELECT * FROM refresh_tokens').all(),
    )

    expect(dump).not.toContain(issued.token)
  })

  it('rotates a token into a new one in the same family', () => {
    const first = store.issue(userId)

    const result = rotated(store.rotate(first.token))

    expect(result.userId).toBe(userId)
    expect(result.next.token).not.toBe(first.token)
    expect(result.next.familyId).toBe(first.familyId)
    expect(result.next.expiresAt).toBe(now + TTL_MS)
    expect(store.rotate(result.next.token).kind).toBe('rotated')
  })

  it('reports a spent token as reused and revokes its whole family', () => {
    const first = store.issue(userId)
    const second = rotated(store.rotate(first.token)).next
    const third = rotated(store.rotate(second.token)).next

    expect(store.rotate(first.token)).toEqual({
      kind: 'reused',
      userId,
      familyId: first.familyId,
    })

    expect(store.rotate(third.token)).toEqual({ kind: 'invalid' })
  })

  it('leaves the same user’s other families working after a reuse', () => {
    const stolen = store.issue(userId)
    const otherDevice = store.issue(userId)
    rotated(store.rotate(stolen.token))

    expect(store.rotate(stolen.token).kind).toBe('reused')

    expect(store.rotate(otherDevice.token).kind).toBe('rotated')
  })

  it('refuses a token once its lifetime has passed', () => {
    const issued = store.issue(userId)

    now += TTL_MS

    expect(store.rotate(issued.token)).toEqual({ kind: 'invalid' })
  })

  it('accepts a token just before its lifetime ends', () => {
    const issued = store.issue(userId)

    now += TTL_MS - 1

    expect(store.rotate(issued.token).kind).toBe('rotated')
  })

  it('refuses a token it never issued', () => {
    store.issue(userId)

    expect(store.rotate('made-up-token')).toEqual({ kind: 'invalid' })
  })

  it('revokes only the family of the token on sign-out', () => {
    const signedOut = store.issue(userId)
    const stillIn = store.issue(userId)

    store.revokeFamilyOf(signedOut.token)

    expect(store.rotate(signedOut.token)).toEqual({ kind: 'invalid' })
    expect(store.rotate(stillIn.token).kind).toBe('rotated')
  })

  it('revokes every family of a user and no one else’s', () => {
    const laptop = store.issue(userId)
    const phone = rotated(store.rotate(store.issue(userId).token)).next
    const otherUser = store.issue(addUser('viewer'))

    store.revokeAllForUser(userId)

    expect(store.rotate(laptop.token)).toEqual({ kind: 'invalid' })
    expect(store.rotate(phone.token)).toEqual({ kind: 'invalid' })
    expect(store.rotate(otherUser.token).kind).toBe('rotated')
  })

  it('prunes rows only once they expired a full lifetime ago', () => {
    store.issue(userId)
    now += TTL_MS
    store.issue(userId)

    expect(store.prune()).toBe(0)

    now += TTL_MS + 1

    expect(store.prune()).toBe(1)
    expect(
      db.prepare('SELECT count(*) AS n FROM refresh_tokens').get(),
    ).toEqual({ n: 1 })
  })
})
