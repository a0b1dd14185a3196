/**
 * Records every vision run of the page's worker in the metrics table. The
 * live camera makes a run per frame, so rows are written in batches rather
 * than one IndexedDB transaction per frame; a batch still pending when the
 * page closes is written then.
 */
import { useEffect } from 'react'
import { createLogger } from '../../app/logger'
import { VisionMetricsStore } from '../../db/vision-metrics'
import type { VisionMetricRow } from '../../db/vision-rows'
import type { VisionClient } from '../../vision/vision-client'

const log = createLogger('vision')
const metrics = new VisionMetricsStore()

/** How often buffered runs are written, in ms. */
const FLUSH_MS = 2000

/** Keep the client's runs as metrics of `userId`. */
export function useRunMetrics(client: VisionClient | null, userId: string) {
  useEffect(() => {
    if (!client || !userId) {
      return
    }
    let pending: VisionMetricRow[] = []

    const flush = () => {
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
      pending.push({
        userId,
        at: Date.now(),
        task: run.task,
        delegate: run.delegate,
        warmth: run.cold ? 'cold' : 'warm',
        ms: run.ms,
      })
    })
    const timer = setInterval(flush, FLUSH_MS)
    return () => {
      stop()
      clearInterval(timer)
      flush()
    }
  }, [client, userId])
}
