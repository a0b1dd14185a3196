/**
 * Records every vision run of the page's worker in the metrics table. The
 * live camera makes a run per frame, so rows are written in batches rather
 * than one IndexedDB transaction per frame: a batch is written once runs
 * pause briefly, at the latest a couple of seconds after its first run, and
 * whatever is pending when the module closes or the page is hidden.
 */
import { useEffect } from 'react'
import { createLogger } from '../../app/logger'
import { VisionMetricsStore } from '../../db/vision-metrics'
import type { VisionMetricRow } from '../../db/vision-rows'
import type { VisionClient } from '../../vision/vision-client'

const log = createLogger('vision')
const metrics = new VisionMetricsStore()

/** A pause in runs this long (ms) writes the batch. */
const QUIET_MS = 300
/** No run waits longer than this (ms) to be written. */
const MAX_WAIT_MS = 2000

/** Keep the client's runs as metrics of `userId`. */
export function useRunMetrics(client: VisionClient | null, userId: string) {
  useEffect(() => {
    if (!client || !userId) {
      return
    }
    let pending: VisionMetricRow[] = []
    let timer: ReturnType<typeof setTimeout> | undefined

    const flush = () => {
      clearTimeout(timer)
      timer = undefined
      if (pending.length === 0) {
        return
      }
      const rows = pending
      pending = []
      // A metric that cannot be kept (storage full) must not stop the work.
      metrics.record(rows).catch((error: unknown) => {
        log.warn('Vision metrics were not kept', error)
      })
    }

    const stop = client.onRun((run) => {
      const at = Date.now()
      pending.push({
        userId,
        at,
        task: run.task,
        delegate: run.delegate,
        warmth: run.cold ? 'cold' : 'warm',
        ms: run.ms,
      })
      const firstAt = pending[0]?.at ?? at
      clearTimeout(timer)
      timer = setTimeout(
        flush,
        Math.max(0, Math.min(QUIET_MS, firstAt + MAX_WAIT_MS - at)),
      )
    })
    const whenHidden = () => {
      if (document.visibilityState === 'hidden') {
        flush()
      }
    }
    document.addEventListener('visibilitychange', whenHidden)
    window.addEventListener('pagehide', flush)
    return () => {
      stop()
      document.removeEventListener('visibilitychange', whenHidden)
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [client, userId])
}
