import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionResponse } from '../core/protocol'
import type { KeptSession } from '../db/database'
import type { SessionKeeper } from '../db/session-keeper'
import { SessionStore } from './session-store'

function session(token: string): SessionResponse {
  return {
    accessToken: token,
    expiresAt: Date.now() + 600_000,
    user: {
      id: '1',
      username: 'editor',
      displayName: 'Editor',
      roles: ['editor'],
      permissions: ['dashboard.view', 'assistant.use'],
    },
    offlineGraceHours: 72,
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

const unauthorized = () =>
  json(401, { error: { code: 'token_expired', message: 'expired' } })

type Route = (init: RequestInit) => Response | Promise<Response>

/** A fake API: one handler queue per path, and a log of what was called. */
function fakeApi(routes: Record<string, Route[]>) {
  const calls: { path: string; authorization: string | null }[] = []
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const path = input.replace(/^\/api\//, '')
    const headers = new Headers(init.headers)
    calls.push({ path, authorization: headers.get('Authorization') })
    const queue = routes[path]
    const handler = queue && queue.length > 1 ? queue.shift() : queue?.[0]
    if (!handler) {
      throw new TypeError('Failed to fetch')
    }
    return handler(init)
  })
  vi.stubGlobal('fetch', fetchMock)
  return calls
}

describe('SessionStore', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })

  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('starts signed out, quietly, when there is no refresh cookie', async () => {
    fakeApi({ 'auth/refresh': [unauthorized] })
    const store = new SessionStore()
    await store.start()
    expect(store.getState()).toEqual({ status: 'signed-out', reason: null })
  })

  it('restores the session from the refresh cookie at start', async () => {
    fakeApi({ 'auth/refresh': [() => json(200, session('t1'))] })
    const store = new SessionStore()
    await store.start()
    expect(store.getState().status).toBe('signed-in')
    expect(store.can('assistant.use')).toBe(true)
    expect(store.can('users.manage')).toBe(false)
  })

  it('refreshes once on a 401 and retries with the new token', async () => {
    const calls = fakeApi({
      'auth/login': [() => json(200, session('old'))],
      me: [unauthorized, () => json(200, { ok: true })],
      'auth/refresh': [() => json(200, session('new'))],
    })
    const store = new SessionStore()
    await store.signIn({ username: 'editor', password: 'pw' })

    await expect(store.request('me')).resolves.toEqual({ ok: true })

    expect(calls.map((call) => call.path)).toEqual([
      'auth/login',
      'me',
      'auth/refresh',
      'me',
    ])
    expect(calls[3]?.authorization).toBe('Bearer new')
  })

  it('signs out when the retried call is refused again', async () => {
    fakeApi({
      'auth/login': [() => json(200, session('old'))],
      me: [unauthorized],
      'auth/refresh': [() => json(200, session('new'))],
    })
    const store = new SessionStore()
    await store.signIn({ username: 'editor', password: 'pw' })

    await expect(store.request('me')).rejects.toMatchObject({ status: 401 })
    expect(store.getState()).toEqual({
      status: 'signed-out',
      reason: 'token_expired',
    })
  })

  it('shares one refresh between concurrent callers', async () => {
    let release: (response: Response) => void = () => undefined
    const calls = fakeApi({
      'auth/refresh': [
        () =>
          new Promise<Response>((resolve) => {
            release = resolve
          }),
      ],
    })
    const store = new SessionStore()
    const first = store.refresh()
    const second = store.refresh()
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    release(json(200, session('t')))
    await expect(Promise.all([first, second])).resolves.toEqual([true, true])
    expect(calls).toHaveLength(1)
  })

  it('keeps a signed-in user signed in when a refresh cannot reach the server', async () => {
    fakeApi({ 'auth/login': [() => json(200, session('t'))] })
    const store = new SessionStore()
    await store.signIn({ username: 'editor', password: 'pw' })

    await expect(store.refresh()).resolves.toBe(true)
    expect(store.getState().status).toBe('signed-in')
  })

  it('refreshes by itself a minute before the access token expires', async () => {
    const calls = fakeApi({
      'auth/login': [() => json(200, session('t1'))],
      'auth/refresh': [() => json(200, session('t2'))],
    })
    const store = new SessionStore()
    await store.signIn({ username: 'editor', password: 'pw' })
    expect(calls.map((call) => call.path)).toEqual(['auth/login'])

    await vi.advanceTimersByTimeAsync(540_000)

    expect(calls.map((call) => call.path)).toEqual([
      'auth/login',
      'auth/refresh',
    ])
  })

  it('forgets the access token at sign-out even when the server is unreachable', async () => {
    const calls = fakeApi({ 'auth/login': [() => json(200, session('t'))] })
    const store = new SessionStore()
    await store.signIn({ username: 'editor', password: 'pw' })

    await store.signOut()

    expect(store.getState()).toEqual({ status: 'signed-out', reason: null })
    await expect(store.request('me')).rejects.toBeDefined()
    expect(calls.at(-1)?.authorization ?? null).toBeNull()
  })

  describe('offline', () => {
    type MemoryKeeper = SessionKeeper & {
      kept: KeptSession | null
      wiped: boolean
    }

    function memoryKeeper(kept: KeptSession | null = null): MemoryKeeper {
      const keeper: MemoryKeeper = {
        kept,
        wiped: false,
        save: async (savedUser, offlineUntil) => {
          keeper.kept = {
            id: 'current',
            user: savedUser,
            offlineUntil,
            savedAt: 0,
          }
        },
        load: async () => keeper.kept,
        forget: async () => {
          keeper.kept = null
        },
        wipe: async () => {
          keeper.kept = null
          keeper.wiped = true
        },
      }
      return keeper
    }

    const user = session('t').user

    /** A keeper holding the user's session, usable offline until then. */
    function keptUntil(offlineUntil: number): MemoryKeeper {
      return memoryKeeper({ id: 'current', user, offlineUntil, savedAt: 0 })
    }

    it('keeps the session with its grace period after a sign-in', async () => {
      fakeApi({ 'auth/login': [() => json(200, session('t'))] })
      const keeper = memoryKeeper()
      const store = new SessionStore(keeper, () => 1_000)
      await store.signIn({ username: 'editor', password: 'pw' })
      expect(keeper.kept?.offlineUntil).toBe(1_000 + 72 * 3_600_000)
      expect(JSON.stringify(keeper.kept)).not.toContain('"t"')
    })

    it('opens with the kept session when the server cannot be reached', async () => {
      fakeApi({})
      const keeper = keptUntil(5_000)
      const store = new SessionStore(keeper, () => 4_000)
      await store.start()
      expect(store.getState()).toMatchObject({
        status: 'signed-in',
        offline: true,
        user,
      })
    })

    it('asks for a connection when the kept session is past its grace period', async () => {
      fakeApi({})
      const keeper = keptUntil(5_000)
      const store = new SessionStore(keeper, () => 5_000)
      await store.start()
      expect(store.getState()).toEqual({
        status: 'signed-out',
        reason: 'offline_session_expired',
      })
    })

    it('says the server is unreachable when nothing is kept', async () => {
      fakeApi({})
      const store = new SessionStore(memoryKeeper(), () => 0)
      await store.start()
      expect(store.getState()).toEqual({
        status: 'signed-out',
        reason: 'network_unavailable',
      })
    })

    it('back online, swaps the kept session for a real one', async () => {
      const routes: Record<string, Route[]> = {}
      fakeApi(routes)
      const keeper = keptUntil(Date.now() + 60_000)
      const store = new SessionStore(keeper)
      await store.start()
      routes['auth/refresh'] = [() => json(200, session('fresh'))]

      await store.reconnect()

      expect(store.getState()).toMatchObject({
        status: 'signed-in',
        offline: false,
      })
    })

    it('back online, a refused session signs out and forgets the kept copy', async () => {
      const routes: Record<string, Route[]> = {}
      fakeApi(routes)
      const keeper = keptUntil(Date.now() + 60_000)
      const store = new SessionStore(keeper)
      await store.start()
      routes['auth/refresh'] = [
        () => json(401, { error: { code: 'refresh_invalid', message: 'no' } }),
      ]

      await store.reconnect()

      expect(store.getState()).toEqual({
        status: 'signed-out',
        reason: 'refresh_invalid',
      })
      expect(keeper.kept).toBeNull()
    })

    it('wipes the device copy at sign-out', async () => {
      fakeApi({ 'auth/login': [() => json(200, session('t'))] })
      const keeper = memoryKeeper()
      const store = new SessionStore(keeper)
      await store.signIn({ username: 'editor', password: 'pw' })
      await store.signOut()
      expect(keeper.wiped).toBe(true)
      expect(keeper.kept).toBeNull()
    })

    it('notices a server that comes back without the browser going offline', async () => {
      const routes: Record<string, Route[]> = {}
      fakeApi(routes)
      const keeper = keptUntil(Date.now() + 3_600_000)
      const store = new SessionStore(keeper)
      await store.start()
      expect(store.getState()).toMatchObject({ offline: true })

      routes['auth/refresh'] = [() => json(200, session('back'))]
      await vi.advanceTimersByTimeAsync(5_000)

      expect(store.getState()).toMatchObject({
        status: 'signed-in',
        offline: false,
      })
    })
  })
})
