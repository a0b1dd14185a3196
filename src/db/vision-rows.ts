/**
 * The shapes of the vision module's IndexedDB rows. The tables are declared
 * in `database.ts` (version 3); changing a field's meaning here needs a new
 * database version with an upgrade, or old rows will be misread.
 */
import type { RedactionSettings } from '../vision/redact'
import type { RunTask } from '../vision/vision-protocol'

/** One vision run's time; never the image. */
export interface VisionMetricRow {
  id?: number
  userId: string
  at: number
  /** Face detection and segmentation, or a task of an installed model. */
  task: RunTask
  delegate: 'GPU' | 'CPU'
  /** Cold: the run had to load the runtime or the model first. */
  warmth: 'cold' | 'warm'
  ms: number
}

/** One edited photo the user exported, as a small redacted thumbnail. */
export interface VisionResultRow {
  id?: number
  userId: string
  at: number
  /** The photo's file name. */
  name: string
  /** A JPEG data URL of the edited (redacted) result, at most 160 px. */
  thumbnail: string
  width: number
  height: number
  faces: number
  /** Faces that were hidden in the export. */
  redacted: number
  /** Share of the photo that is the person, 0–100, when it was segmented. */
  personPercent: number | null
  redaction: RedactionSettings
  background: string
  delegate: 'GPU' | 'CPU' | null
}
