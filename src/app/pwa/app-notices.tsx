/**
 * The small notices at the bottom of every page: the app is ready to work
 * offline, a new version is waiting, storage is full, or another tab
 * upgraded local storage and this one must reload.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { messageFor } from '../../core/errors'
import { onDatabaseReplaced } from '../../db/database-events'
import { onStorageFull } from '../../db/storage-problems'
import { appUpdates } from './app-updates'

/** Every app-level notice, stacked. */
export function AppNotices() {
  const updates = useSyncExternalStore(
    appUpdates.subscribe,
    appUpdates.getState,
  )
  const [databaseReplaced, setDatabaseReplaced] = useState(false)
  const [storageFull, setStorageFull] = useState(false)

  useEffect(() => onDatabaseReplaced(() => setDatabaseReplaced(true)), [])
  useEffect(() => onStorageFull(() => setStorageFull(true)), [])

  return (
    <div className="notices">
      {databaseReplaced ? (
        <div className="toast" role="alert">
          <span>
            Enclave was updated in another tab. Reload this tab to keep working.
          </span>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      ) : null}
      {storageFull ? (
        <div className="toast" role="alert">
          <span>{messageFor('storage_full')}</span>
          <button
            type="button"
            className="secondary"
            onClick={() => setStorageFull(false)}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      {updates.updateWaiting ? (
        <div className="toast" role="status">
          <span>A new version of Enclave is ready.</span>
          <button type="button" onClick={() => appUpdates.applyUpdate()}>
            Reload
          </button>
        </div>
      ) : null}
      {updates.offlineReady ? (
        <div className="toast" role="status">
          <span>Enclave is ready to work offline.</span>
          <button
            type="button"
            className="secondary"
            onClick={() => appUpdates.dismissOfflineReady()}
          >
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  )
}
