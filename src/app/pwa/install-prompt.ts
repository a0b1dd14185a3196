/**
 * Keeps the browser's install offer (`beforeinstallprompt`) so the app can
 * show its own Install button, and hides it once the app is installed or
 * already running as an installed app.
 */
import { useSyncExternalStore } from 'react'
import { requestPersistence } from '../../db/storage'

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

let offer: InstallPromptEvent | null = null
const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) {
    listener()
  }
}

function isStandalone(): boolean {
  return (
    window.matchMedia('(display-mode: standalone)').matches ||
    (navigator as { standalone?: boolean }).standalone === true
  )
}

/** Start listening for the browser's install offer; call once at start. */
export function listenForInstallOffer(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault()
    offer = event as InstallPromptEvent
    notify()
  })
  window.addEventListener('appinstalled', () => {
    offer = null
    notify()
    // An installed app is the moment storage starts to matter.
    void requestPersistence()
  })
}

/** Show the browser's install dialog; resolves to whether it was accepted. */
export async function install(): Promise<boolean> {
  const pending = offer
  if (!pending) {
    return false
  }
  await pending.prompt()
  const choice = await pending.userChoice
  offer = null
  notify()
  return choice.outcome === 'accepted'
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether an Install button makes sense right now. */
export function useCanInstall(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => offer !== null && !isStandalone(),
  )
}
