/**
 * The client session: who is signed in, and the access token that proves it.
 *
 * The access token lives in this object's memory only, never in storage, so
 * a script injected into the page cannot lift it from disk, and a reload
 * simply asks the server for a new one with the refresh cookie. The store
 * refreshes a minute before the token expires, and once more when the server
 * answers 401, before giving up and signing the user out.
 *
 * Offline, the store opens with the last good session kept on the device
 * (user and permissions, no token) until its grace period ends; back online
 * it refreshes silently, or sends the user to sign in again.
 */
import type { ErrorCode } from '../core/errors'
import type { Permission } from '../core/permissions'
import type {
  LoginRequest,
  SessionResponse,
  SessionUser,
} from '../core/protocol'
import type { SessionKeeper } from '../db/session-keeper'
import {
  ApiRequestError,
  apiRequest,
  type RequestOptions,
} from '../net/api-client'

/** What the app knows about the session right now. */
export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-out'; reason: ErrorCode | null }
  | {
      status: 'signed-in'
      user: SessionUser
      expiresAt: number
      /** True while the server cannot be reached; there is no token then. */
      offline: boolean
    }

type RefreshOutcome = 'renewed' | 'refused' | 'unreachable'

const REFRESH_LEAD_MS = 60_000
const MIN_REFRESH_DELAY_MS = 5_000
// While the server cannot be reached, try again after 5 s, then twice as
// long each time up to a minute: a restarted server is noticed within
// seconds, without the browser's `online` event (which only fires when the
// device itself loses its network), and a long outage costs little.
const OFFLINE_RETRY_FIRST_MS = 5_000
const OFFLINE_RETRY_MAX_MS = 60_000

// Tabs share the refresh cookie. Two tabs refreshing at once would present
// the same single-use token twice, which the server treats as theft and
// answers by revoking the session. A Web Lock makes them take turns: the
// second tab then sends the cookie the first one just received.
const REFRESH_LOCK = 'enclave-session-refresh'

const keepNothing: SessionKeeper = {
  save: () => Promise.resolve(),
  load: () => Promise.resolve(null),
  forget: () => Promise.resolve(),
  wipe: () => Promise.resolve(),
}

/** Holds the session and the access token; framework-free. */
export class SessionStore {
  private state: SessionState = { status: 'starting' }
  private accessToken: string | null = null
  private readonly listeners = new Set<() => void>()
  private refreshTimer: ReturnType<typeof setTimeout> | null = null
  private refreshing: Promise<RefreshOutcome> | null = null
  private readonly ready: Promise<void>
  private markReady: () => void = () => undefined
  private offlineRetryMs = OFFLINE_RETRY_FIRST_MS

  constructor(
    private readonly keeper: SessionKeeper = keepNothing,
    private readonly now: () => number = Date.now,
  ) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve
    })
  }

  /** Restore the session at app start: from the cookie, else from the device. */
  async start(): Promise<void> {
    const outcome = await this.refreshOutcome()
    if (outcome === 'unreachable' && this.state.status !== 'signed-in') {
      await this.restoreKept()
    }
    this.markReady()
  }

  /** Resolves once `start` has found out whether someone is signed in. */
  whenReady(): Promise<void> {
    return this.ready
  }

  /** The current state. */
  getState = (): SessionState => this.state

  /** Be told of every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Whether the signed-in user holds a permission. */
  can(permission: Permission): boolean {
    return (
      this.state.status === 'signed-in' &&
      this.state.user.permissions.includes(permission)
    )
  }

  /** Sign in with a password; throws ApiRequestError on failure. */
  async signIn(credentials: LoginRequest): Promise<SessionUser> {
    const session = await apiRequest<SessionResponse>('auth/login', {
      method: 'POST',
      body: credentials,
    })
    await this.accept(session)
    return session.user
  }

  /** End the session here and on the server, and wipe the device's copy. */
  async signOut(): Promise<void> {
    this.clear(null)
    await this.keeper.wipe()
    try {
      await apiRequest<undefined>('auth/logout', { method: 'POST' })
    } catch {
      // Offline or server down: the cookie stays until it expires, but this
      // tab has already forgotten the access token and the kept session,
      // which is what protects the screen. The next sign-in replaces it.
    }
  }

  /** Back online: swap a kept offline session for a real one, or sign out. */
  async reconnect(): Promise<void> {
    if (this.state.status === 'signed-in' && this.state.offline) {
      await this.refreshOutcome()
    }
  }

  /**
   * Get a new access token with the refresh cookie. Resolves to whether the
   * user is signed in afterwards. Concurrent calls share one request.
   */
  async refresh(): Promise<boolean> {
    await this.refreshOutcome()
    return this.state.status === 'signed-in'
  }

  /**
   * Call the API as the signed-in user. A 401 triggers one refresh and one
   * retry; a second 401 signs the user out.
   */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    try {
      return await apiRequest<T>(path, {
        ...options,
        accessToken: this.accessToken,
      })
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.status !== 401) {
        throw error
      }
    }
    const outcome = await this.refreshOutcome()
    if (outcome === 'unreachable') {
      throw new ApiRequestError('network_unavailable', 0)
    }
    if (outcome === 'refused') {
      throw new ApiRequestError('token_expired', 401)
    }
    try {
      return await apiRequest<T>(path, {
        ...options,
        accessToken: this.accessToken,
      })
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) {
        this.clear(error.code)
      }
      throw error
    }
  }

  private refreshOutcome(): Promise<RefreshOutcome> {
    this.refreshing ??= this.withLock(() => this.refreshNow()).finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async refreshNow(): Promise<RefreshOutcome> {
    try {
      const session = await apiRequest<SessionResponse>('auth/refresh', {
        method: 'POST',
      })
      await this.accept(session)
      return 'renewed'
    } catch (error) {
      const code =
        error instanceof ApiRequestError ? error.code : 'server_error'
      if (code === 'network_unavailable') {
        if (this.state.status === 'signed-in') {
          // A dropped connection is not a sign-out: keep the session,
          // say it is offline, and try again shortly.
          this.set({ ...this.state, offline: true })
          this.scheduleOfflineRetry()
        }
        return 'unreachable'
      }
      // No cookie at start is simply "not signed in", not an error to show.
      const quiet =
        this.state.status === 'starting' &&
        error instanceof ApiRequestError &&
        error.status === 401
      this.clear(quiet ? null : code)
      await this.keeper.forget()
      return 'refused'
    }
  }

  private async restoreKept(): Promise<void> {
    const kept = await this.keeper.load()
    if (!kept) {
      this.clear('network_unavailable')
      return
    }
    if (this.now() >= kept.offlineUntil) {
      this.clear('offline_session_expired')
      return
    }
    this.accessToken = null
    this.set({
      status: 'signed-in',
      user: kept.user,
      expiresAt: kept.offlineUntil,
      offline: true,
    })
    this.scheduleOfflineRetry()
  }

  private scheduleOfflineRetry(): void {
    this.schedule(this.offlineRetryMs)
    this.offlineRetryMs = Math.min(
      this.offlineRetryMs * 2,
      OFFLINE_RETRY_MAX_MS,
    )
  }

  private async accept(session: SessionResponse): Promise<void> {
    this.offlineRetryMs = OFFLINE_RETRY_FIRST_MS
    this.accessToken = session.accessToken
    this.set({
      status: 'signed-in',
      user: session.user,
      expiresAt: session.expiresAt,
      offline: false,
    })
    this.schedule(session.expiresAt - this.now() - REFRESH_LEAD_MS)
    await this.keeper.save(
      session.user,
      this.now() + session.offlineGraceHours * 3_600_000,
    )
  }

  private clear(reason: ErrorCode | null): void {
    this.accessToken = null
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer)
      this.refreshTimer = null
    }
    this.set({ status: 'signed-out', reason })
  }

  private schedule(delayMs: number): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer)
    }
    this.refreshTimer = setTimeout(
      () => void this.refreshOutcome(),
      Math.max(MIN_REFRESH_DELAY_MS, delayMs),
    )
  }

  private set(next: SessionState): void {
    this.state = next
    for (const listener of this.listeners) {
      listener()
    }
  }

  private withLock<T>(work: () => Promise<T>): Promise<T> {
    if (typeof navigator !== 'undefined' && navigator.locks) {
      return navigator.locks.request(REFRESH_LOCK, work)
    }
    return work()
  }
}
