/**
 * Generation metrics in IndexedDB: one row per answer with its engine,
 * whether the engine was cold or warm, timings, tokens and whether the
 * cache answered. Never the prompt or the answer. The analytics module
 * reads these rows.
 */
import type { MetricRow } from './assistant-rows'
import { db as appDb, type EnclaveDatabase } from './database'

/** Appends and reads generation metrics. */
export class MetricsStore {
  constructor(private readonly db: EnclaveDatabase = appDb) {}

  /** Record one generation. */
  async record(row: MetricRow): Promise<void> {
    await this.db.metrics.add(row)
  }

  /** The user's metrics, oldest first. */
  forUser(userId: string): Promise<MetricRow[]> {
    return this.db.metrics.where('userId').equals(userId).sortBy('at')
  }
}
