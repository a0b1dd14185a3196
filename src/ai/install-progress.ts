/**
 * Progress figures for a download, as a pure function of counts and
 * times, so the bar, the speed and the time left are tested without one.
 */
import type { InstallProgress } from './install-types'

/** What is known at one moment of a download. */
export interface ProgressSample {
  receivedBytes: number
  totalBytes: number | null
  /** Bytes already on disk when this session of the download began. */
  startBytes: number
  startedAt: number
  now: number
  resumedFrom: number
}

/** Percent, speed and time left from a sample. */
export function progressOf(sample: ProgressSample): InstallProgress {
  const { receivedBytes, totalBytes } = sample
  const seconds = (sample.now - sample.startedAt) / 1000
  const fetched = receivedBytes - sample.startBytes
  // Under a tenth of a second the speed is noise, not a measurement.
  const bytesPerSecond =
    seconds >= 0.1 && fetched > 0 ? fetched / seconds : null
  const percent =
    totalBytes === null || totalBytes === 0
      ? null
      : Math.min(100, Math.floor((receivedBytes / totalBytes) * 100))
  const secondsLeft =
    totalBytes === null || bytesPerSecond === null
      ? null
      : Math.max(0, (totalBytes - receivedBytes) / bytesPerSecond)
  return {
    receivedBytes,
    totalBytes,
    percent,
    bytesPerSecond,
    secondsLeft,
    resumedFrom: sample.resumedFrom,
  }
}

/** Bytes as a short figure with a unit, such as `12.5 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}
