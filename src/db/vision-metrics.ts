/**
 * Vision run metrics in IndexedDB: one row per run with its task,
 * delegate, cold or warm and milliseconds. Never the image. The analytics
 * module reads these rows beside the assistant's generation metrics.
 */
import { db as appDb, type EnclaveDatabase } from './database'
import type { VisionMetricRow } from './vision-rows'

/** Appends and reads vision run metrics. */
export class VisionMetricsStore {
  constructor(private readonly db: EnclaveDatabase = appDb) {}

  /** Record runs; the live camera sends them in batches. */
  async record(rows: readonly VisionMetricRow[]): Promise<void> {
    await this.db.visionMetrics.bulkAdd([...rows])
  }

  /** The user's vision metrics, oldest first. */
  forUser(userId: string): Promise<VisionMetricRow[]> {
    return this.db.visionMetrics.where('userId').equals(userId).sortBy('at')
  }
}
