/**
 * Registers the service worker (through workbox-window) and tracks what the
 * user should be told about it: that the app is ready to work offline, and
 * that a new version is waiting. Framework-free; the toasts subscribe.
 *
 * A waiting version takes over only when the user presses Reload: the page
 * tells the worker to skip waiting, and reloads once when it is in control.
 */
import { Workbox } from 'workbox-window'
import { requestPersistence } from '../../db/storage'
import { createLogger } from '../logger'

const log = createLogger('sw')

/** What the update toasts show. */
export interface AppUpdateState {
  /** The app was just cached for offline use for the first time. */
  offlineReady: boolean
  /** A new version is installed and waiting for Reload. */
  updateWaiting: boolean
}

const CHECK_EVERY_MS = 60 * 60 * 1000

/** The service worker's lifecycle as the UI sees it. */
export class AppUpdates {
  private state: AppUpdateState = { offlineReady: false, updateWaiting: false }
  private readonly listeners = new Set<() => void>()
  private workbox: Workbox | null = null
  private reloading = false

  /** Register the worker; a no-op where service workers are unavailable. */
  register(url = '/sw.js'): void {
    if (!('serviceWorker' in navigator)) {
      return
    }
    const workbox = new Workbox(url, { scope: '/' })
    this.workbox = workbox

    workbox.addEventListener('installed', (event) => {
      if (!event.isUpdate) {
        this.set({ offlineReady: true })
      }
    })
    workbox.addEventListener('waiting', () => {
      this.set({ updateWaiting: true })
    })

    // The worker stored a model or runtime: keep storage from eviction.
    workbox.addEventListener('message', (event) => {
      if ((event.data as { type?: unknown } | null)?.type === 'ASSET_CACHED') {
        void requestPersistence()
      }
    })

    workbox.register().catch((error: unknown) => {
      log.warn('the service worker could not be registered', error)
    })

    // Browsers look for a new worker on navigation; a tab left open for
    // days also looks every hour and whenever it comes back to the front.
    setInterval(() => void this.checkForUpdate(), CHECK_EVERY_MS)
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') {
        void this.checkForUpdate()
      }
    })
  }

  /** Ask the server whether there is a new worker. */
  async checkForUpdate(): Promise<void> {
    try {
      await this.workbox?.update()
    } catch (error) {
      log.warn('checking for an update failed', error)
    }
  }

  /** Let the waiting version take over, then reload this tab once. */
  applyUpdate(): void {
    const workbox = this.workbox
    if (!workbox) {
      return
    }
    workbox.addEventListener('controlling', () => {
      if (!this.reloading) {
        this.reloading = true
        window.location.reload()
      }
    })
    workbox.messageSkipWaiting()
  }

  /** Hide the "ready to work offline" toast. */
  dismissOfflineReady(): void {
    this.set({ offlineReady: false })
  }

  /** The current state. */
  getState = (): AppUpdateState => this.state

  /** Be told of every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(patch: Partial<AppUpdateState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) {
      listener()
    }
  }
}

/** The app's one instance. */
export const appUpdates = new AppUpdates()
