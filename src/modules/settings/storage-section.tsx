/**
 * Settings → Storage: how much this device holds for Enclave, how much the
 * browser allows, and whether the browser may evict it under pressure.
 */
import { useEffect, useState } from 'react'
import {
  requestPersistence,
  storageStatus,
  type StorageStatus,
} from '../../db/storage'

function formatBytes(bytes: number | null): string {
  if (bytes === null) {
    return 'unknown'
  }
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

/** The storage section of Settings. */
export function StorageSection() {
  const [status, setStatus] = useState<StorageStatus | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    storageStatus().then(
      (next) => live && setStatus(next),
      () => live && setError('The browser did not report its storage.'),
    )
    return () => {
      live = false
    }
  }, [])

  async function persist() {
    const granted = await requestPersistence()
    setStatus(await storageStatus())
    if (!granted) {
      setError(
        'The browser declined to make storage persistent. Installing Enclave usually lets it.',
      )
    }
  }

  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {status ? (
        <dl className="facts">
          <dt>Used</dt>
          <dd>{formatBytes(status.usage)}</dd>
          <dt>Available to Enclave</dt>
          <dd>{formatBytes(status.quota)}</dd>
          <dt>Persistent</dt>
          <dd>
            {status.persisted === null
              ? 'unknown'
              : status.persisted
                ? 'yes: the browser will not evict it'
                : 'no: the browser may clear it when space runs low'}
          </dd>
        </dl>
      ) : (
        <p role="status">Reading storage…</p>
      )}
      {status && status.persisted === false ? (
        <button type="button" onClick={() => void persist()}>
          Keep storage persistent
        </button>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  )
}
