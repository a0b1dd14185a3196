/**
 * The vision module: photos are edited on this device by the vision worker
 * (MediaPipe), with a choice of processor. Nothing is uploaded.
 */
import { useState } from 'react'
import { PageHeader } from '../../app/page-header'
import type { DelegateChoice } from '../../vision/vision-protocol'
import { PhotoEditor } from './photo-editor'
import { useVisionClient } from './use-vision-client'
import './vision.css'

const TASK_NAMES = { 'face-detection': 'face', segmentation: 'person' }

/** The `/vision` route's component. */
export default function VisionPage() {
  const { client, status } = useVisionClient()
  const [choice, setChoice] = useState<DelegateChoice>('auto')
  const [runKey, setRunKey] = useState(0)

  async function choose(next: DelegateChoice) {
    setChoice(next)
    await client?.setDelegate(next)
    setRunKey((key) => key + 1)
  }

  return (
    <section className="page vision-page">
      <PageHeader module="vision" />
      <p>
        Photos are processed on this device and never uploaded. The live camera
        and the history of results are not built yet.
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
      {client && <PhotoEditor client={client} runKey={runKey} />}
    </section>
  )
}
