/**
 * The client session: who is signed in, and the access token that proves it.
 *
 * The access token lives in this object's memory only, never in storage, so
 * a script injected into the page cannot lift it from disk, and a reload
 * simply asks the server for a new one with the refresh cookie. The store
 * refreshes a minute before the token expires, and once more when the server
 * answers 401, before giving up and signing the user out.
 */
import type { ErrorCode } from '../core/errors'
import type { Permission } from '../core/permissions'
import type {
  LoginRequest,
  SessionResponse,
  SessionUser,
} from '../core/protocol'
import {
  ApiRequestError,
  apiRequest,
  type RequestOptions,
} from '../net/api-client'

/** What the app knows about the session right now. */
export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-out'; reason: ErrorCode | null }
  | { status: 'signed-in'; user: SessionUser; expiresAt: number }

const REFRESH_LEAD_MS = 60_000
const MIN_REFRESH_DELAY_MS = 5_000

// Tabs share the refresh cookie. Two tabs refreshing at once would present
// the same single-use token twice, which the server treats as theft and
// answers by revoking the session. A Web Lock makes them take turns: the
// second tab then sends the cookie the first one just received.
const REFRESH_LOCK = 'enclave-session-refresh'

/** Holds the session and the access token; framework-free. */
export class SessionStore {
  private state: SessionState = { status: 'starting' }
  private accessToken: string | null = null
  private readonly listeners = new Set<() => void>()
  private refreshTimer: ReturnType<typeof setTimeout> | null = null
  private refreshing: Promise<boolean> | null = null
  private readonly ready: Promise<void>
  private markReady: () => void = () => undefined

  constructor() {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve
    })
  }

  /** Restore the session from the refresh cookie, once, at app start. */
  async start(): Promise<void> {
    await this.refresh()
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
    this.accept(session)
    return session.user
  }

  /** End the session here and on the server. */
  async signOut(): Promise<void> {
    this.clear(null)
    try {
      await apiRequest<undefined>('auth/logout', { method: 'POST' })
    } catch {
      // Offline or server down: the cookie stays until it expires, but this
      // tab has already forgotten the access token, which is what protects
      // the screen. The next sign-in replaces the cookie.
    }
  }

  /**
   * Get a new access token with the refresh cookie. Resolves to whether the
   * user is signed in afterwards. Concurrent calls share one request.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.withLock(() => this.refreshNow()).finally(() => {
      this.refreshing = null
    })
    return this.refreshing
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
    if (!(await this.refresh())) {
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

  private async refreshNow(): Promise<boolean> {
    try {
      const session = await apiRequest<SessionResponse>('auth/refresh', {
        method: 'POST',
      })
      this.accept(session)
      return true
    } catch (error) {
      const wasSignedIn = this.state.status === 'signed-in'
      const code =
        error instanceof ApiRequestError ? error.code : 'server_error'
      if (code === 'network_unavailable' && wasSignedIn) {
        // A dropped connection is not a sign-out: keep the session and try
        // again shortly.
        this.schedule(MIN_REFRESH_DELAY_MS * 6)
        return true
      }
      // No cookie at start is simply "not signed in", not an error to show.
      const quiet =
        !wasSignedIn && error instanceof ApiRequestError && error.status === 401
      this.clear(quiet ? null : code)
      return false
    }
  }

  private accept(session: SessionResponse): void {
    this.accessToken = session.accessToken
    this.set({
      status: 'signed-in',
      user: session.user,
      expiresAt: session.expiresAt,
    })
    this.schedule(session.expiresAt - Date.now() - REFRESH_LEAD_MS)
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
      () => void this.refresh(),
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
