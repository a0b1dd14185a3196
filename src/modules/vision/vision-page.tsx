/**
 * The vision module: photos and the live camera are processed on this
 * device by the vision worker (MediaPipe), with a choice of processor;
 * every run is recorded as a metric and every export kept in the history.
 * Nothing is uploaded.
 */
import { useRef, useState } from 'react'
import { PageHeader } from '../../app/page-header'
import { useSession } from '../../auth/session-context'
import { messageFor } from '../../core/errors'
import type { DelegateChoice } from '../../vision/vision-protocol'
import { HistoryList } from './history-list'
import { InstalledTasksPanel } from './installed-tasks-panel'
import { LiveCamera } from './live-camera'
import { PhotoEditor, type PhotoEditorHandle } from './photo-editor'
import { useRunMetrics } from './use-run-metrics'
import { useVisionClient } from './use-vision-client'
import { useVisionHistory } from './use-vision-history'
import './vision.css'

const TASK_NAMES = { 'face-detection': 'face', segmentation: 'person' }

/** The `/vision` route's component. */
export default function VisionPage() {
  const { client, status } = useVisionClient()
  const [choice, setChoice] = useState<DelegateChoice>('auto')
  const [runKey, setRunKey] = useState(0)
  const editor = useRef<PhotoEditorHandle>(null)
  const session = useSession()
  const userId = session.status === 'signed-in' ? session.user.id : ''
  const history = useVisionHistory(userId)
  useRunMetrics(client, userId)

  async function choose(next: DelegateChoice) {
    setChoice(next)
    await client?.setDelegate(next)
    setRunKey((key) => key + 1)
  }

  return (
    <section className="page vision-page">
      <PageHeader module="vision" />
      <p>
        Photos and camera frames are processed on this device and never
        uploaded. Object detection and image classification appear below once
        their models are installed in Settings → Models.
      </p>
      <label>
        Processor{' '}
        <select
          value={choice}
          onChange={(event) =>
            void choose(event.target.value as DelegateChoice)
          }
        >
          <option value="auto">Automatic (GPU when it works)</option>
          <option value="GPU">GPU</option>
          <option value="CPU">CPU</option>
        </select>
      </label>
      <p role="status" className="vision-status">
        {status.loading && (
          <>
            <progress aria-label="Loading the model" /> Loading the{' '}
            {TASK_NAMES[status.loading]} model on the {status.delegate}…
          </>
        )}
        {!status.loading &&
          status.delegate &&
          `Running on the ${status.delegate}.`}
        {status.gpuFailure &&
          ` The GPU failed (${status.gpuFailure}), so this ran on the CPU.`}
      </p>
      {client && (
        <>
          <LiveCamera
            client={client}
            onPhoto={(file) => editor.current?.open(file)}
          />
          <h2>Photo</h2>
          <PhotoEditor
            client={client}
            ref={editor}
            runKey={runKey}
            onExported={(result) =>
              void history.add({
                ...result,
                at: Date.now(),
                delegate: status.delegate,
              })
            }
          />
          <InstalledTasksPanel client={client} />
        </>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {history.failed && <p role="alert">{messageFor('storage_full')}</p>}
        {history.results ? (
          <HistoryList
            results={history.results}
            onRemove={(id) => void history.remove(id)}
          />
        ) : (
          <p role="status">
            <progress aria-label="Loading the history" /> Loading the history…
          </p>
        )}
      </section>
    </section>
  )
}
