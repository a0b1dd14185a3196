/**
 * A download's progress bar with its figures (bytes, percent, speed, time
 * left) and Cancel.
 */
import type { InstallProgress } from '../../ai/install-types'
import { formatBytes } from '../../ai/install-progress'

function figures(progress: InstallProgress | null): string {
  if (!progress) return 'starting…'
  const parts = [
    progress.totalBytes === null
      ? formatBytes(progress.receivedBytes)
      : `${formatBytes(progress.receivedBytes)} of ${formatBytes(progress.totalBytes)}`,
  ]
  if (progress.percent !== null) parts.push(`${progress.percent} %`)
  if (progress.bytesPerSecond !== null) {
    parts.push(`${formatBytes(progress.bytesPerSecond)}/s`)
  }
  if (progress.secondsLeft !== null) {
    parts.push(`${Math.ceil(progress.secondsLeft)} s left`)
  }
  if (progress.resumedFrom > 0) {
    parts.push(`resumed from byte ${progress.resumedFrom}`)
  }
  return parts.join(' · ')
}

/** The running download. */
export function DownloadProgress(props: {
  name: string
  progress: InstallProgress | null
  onCancel: () => void
}) {
  const { progress } = props
  return (
    <div className="download">
      <label htmlFor="model-download">Downloading {props.name}</label>{' '}
      <progress
        id="model-download"
        max={100}
        value={progress?.percent ?? undefined}
      />{' '}
      <span role="status">{figures(progress)}</span>{' '}
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  )
}
