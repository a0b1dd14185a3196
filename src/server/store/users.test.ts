import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../core/permissions'
import { openMemoryDatabase } from './database'
import { UserStore, escapeLike } from './users'

let users: UserStore

beforeEach(() => {
  users = new UserStore(openMemoryDatabase(), () => Date.UTC(2030, 0, 1))
})

function add(username: string, roles: Role[] = ['viewer']) {
  return users.create({
    username,
    displayName: `Display ${username}`,
    passwordHash: 'hash-of-nothing',
    roles,
  })
}

function names(query: Parameters<UserStore['list']>[0]): string[] {
  return users.list(query).items.map((user) => user.username)
}

describe('UserStore', () => {
  it('finds a user by name whatever its case', () => {
    const created = add('Alice', ['editor'])

    expect(users.byUsername('alice')?.id).toBe(created.id)
    expect(users.byUsername('ALICE')?.id).toBe(created.id)
  })

  it('keeps roles once each, least privileged first', () => {
    const created = add('mixed', ['admin', 'viewer', 'admin'])

    expect(created.roles).toEqual(['viewer', 'admin'])
  })

  it('ends existing access tokens when a user is disabled, not when re-enabled', () => {
    const created = add('leaver')

    users.setDisabled(created.id, true)
    const disabled = users.byId(created.id)
    users.setDisabled(created.id, false)
    const enabled = users.byId(created.id)

    expect(disabled).toMatchObject({
      disabled: true,
      tokenVersion: created.tokenVersion + 1,
    })
    expect(enabled).toMatchObject({
      disabled: false,
      tokenVersion: created.tokenVersion + 1,
    })
  })

  it('ends existing access tokens when the password changes', () => {
    const created = add('rotator')

    users.setPasswordHash(created.id, 'new-hash')

    expect(users.byId(created.id)).toMatchObject({
      passwordHash: 'new-hash',
      tokenVersion: created.tokenVersion + 1,
    })
  })

  it('lists users without their password hash or token version', () => {
    add('alice')

    const [listed] = users.list({ limit: 10 }).items

    expect(listed).not.toHaveProperty('passwordHash')
    expect(listed).not.toHaveProperty('tokenVersion')
  })

  it('filters by name or display name, and by role', () => {
    add('alice', ['editor'])
    add('bob', ['viewer'])
    add('carol', ['editor', 'manager'])

    expect(names({ q: 'AL', limit: 10 })).toEqual(['alice'])
    expect(names({ q: 'display b', limit: 10 })).toEqual(['bob'])
    expect(names({ role: 'editor', limit: 10 })).toEqual(['alice', 'carol'])
    expect(names({ role: 'manager', q: 'o', limit: 10 })).toEqual(['carol'])
  })

  it('searches names literally, so _ is not a wildcard', () => {
    add('a_b')
    add('axb')

    expect(names({ q: 'a_b', limit: 10 })).toEqual(['a_b'])
  })

  it('pages in creation order and stays stable when users are added between pages', () => {
    for (const name of ['u1', 'u2', 'u3', 'u4']) {
      add(name)
    }
    const first = users.list({ limit: 3 })

    add('u5')
    const second = users.list({ limit: 3, cursor: first.nextCursor ?? '' })

    expect(first.items.map((user) => user.username)).toEqual(['u1', 'u2', 'u3'])
    expect(second.items.map((user) => user.username)).toEqual(['u4', 'u5'])
    expect(second.nextCursor).toBeNull()
  })

  it('answers a cursor it did not make with an empty page', () => {
    add('alice')

    expect(users.list({ limit: 10, cursor: 'garbage' }).items).toEqual([])
  })
})

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(escapeLike('100%_\\x')).toBe('100\\%\\_\\\\x')
  })
})
