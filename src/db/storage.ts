/**
 * Storage quota and persistence, in one place. Browsers may evict an
 * origin's data under pressure unless it is persistent, which would delete
 * installed models; persistence is asked for when it starts to matter (the
 * app is installed, or a model or runtime is cached), not on first visit,
 * when browsers tend to refuse it.
 */

/** Bytes used and available to this origin, and whether it is persistent. */
export interface StorageStatus {
  usage: number | null
  quota: number | null
  persisted: boolean | null
}

/** What the browser reports about this origin's storage. */
export async function storageStatus(): Promise<StorageStatus> {
  const storage =
    typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.estimate) {
    return { usage: null, quota: null, persisted: null }
  }
  const [estimate, persisted] = await Promise.all([
    storage.estimate(),
    storage.persisted ? storage.persisted() : Promise.resolve(null),
  ])
  return {
    usage: estimate.usage ?? null,
    quota: estimate.quota ?? null,
    persisted,
  }
}

/** Ask for persistent storage; resolves to whether it is now persistent. */
export async function requestPersistence(): Promise<boolean> {
  const storage =
    typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.persist) {
    return false
  }
  if (storage.persisted && (await storage.persisted())) {
    return true
  }
  return storage.persist()
}
