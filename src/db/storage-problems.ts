/**
 * One channel for "storage is full", so that whichever part of the app hits
 * the quota, the user sees the same `storage_full` message instead of a
 * silent failure or a hang.
 */

const listeners = new Set<() => void>()

/** Report that a write failed because storage is full. */
export function reportStorageFull(): void {
  for (const listener of listeners) {
    listener()
  }
}

/** Be told when storage runs full; returns the unsubscribe function. */
export function onStorageFull(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
