/**
 * The local engine's status as React state; the first use on a page
 * starts the WebGPU check in the engine's worker.
 */
import { useEffect, useState } from 'react'
import {
  checkLocal,
  watchLocalStatus,
  type LocalStatus,
} from '../../ai/local-engine'

/** The local engine's current status. */
export function useLocalStatus(): LocalStatus {
  const [status, setStatus] = useState<LocalStatus>({ state: 'checking' })
  useEffect(() => {
    const stop = watchLocalStatus(setStatus)
    void checkLocal()
    return stop
  }, [])
  return status
}

/** The one status line: "Local engine: ready | available | unavailable — …". */
export function localStatusLine(status: LocalStatus): string {
  switch (status.state) {
    case 'checking':
      return 'Local engine: checking WebGPU…'
    case 'unavailable':
      return `Local engine: unavailable — ${status.reason}`
    case 'available':
      return `Local engine: available (${status.adapter})`
    case 'ready':
      return `Local engine: ready (${status.model}, loaded in ${(status.loadMs / 1000).toFixed(1)} s, on ${status.adapter})`
  }
}
