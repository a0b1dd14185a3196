import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionResponse } from '../core/protocol'
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
})
