/**
 * Tasks from models installed in Settings → Models (object detection,
 * image classification): only the tasks whose models are installed are
 * offered, and results are text lines for screen readers and tests.
 */
import { useEffect, useState } from 'react'
import type { InstalledModel } from '../../ai/install-types'
import { listModels, onModelsChanged } from '../../ai/model-library'
import { messageFor } from '../../core/errors'
import { unscaleBox } from '../../vision/boxes'
import {
  classLines,
  objectLine,
  objectsSummary,
  offeredTasks,
  type OfferedTask,
} from '../../vision/installed-tasks'
import { VisionError, type VisionClient } from '../../vision/vision-client'
import type { PhotoEditor } from '../../vision/create-photo-editor'
import { detectionBitmap, type OpenedPhoto } from './photo-loading'
import { useChosenPhoto } from './use-chosen-photo'
import { usePhotoWorker } from './use-photo-worker'

function useInstalledModels(): InstalledModel[] {
  const [models, setModels] = useState<InstalledModel[]>([])

  useEffect(() => {
    let live = true
    const refresh = () =>
      void listModels().then(
        (found) => live && setModels(found),
        () => live && setModels([]),
      )
    refresh()
    const stop = onModelsChanged(refresh)
    return () => {
      live = false
      stop()
    }
  }, [])

  return models
}

async function runOffer(
  client: VisionClient,
  editor: PhotoEditor,
  offer: OfferedTask,
  photo: OpenedPhoto,
): Promise<string[]> {
  const image = await detectionBitmap(photo, editor)
  if (offer.task === 'image-classification') {
    return classLines(await client.classify(image, offer.model.file))
  }
  const objects = await client.detectObjects(image, offer.model.file)
  return [
    objectsSummary(objects.length),
    ...objects.map((found, index) =>
      objectLine(index, {
        ...found,
        ...unscaleBox(found, photo.scale),
      }),
    ),
  ]
}

/** The installed-model tasks, or a line on how to get them. */
export function InstalledTasksPanel(props: { client: VisionClient }) {
  const offers = offeredTasks(useInstalledModels())
  // Only a large photo needs it (to scale the copy), and only then starts.
  const editor = usePhotoWorker()
  const [lines, setLines] = useState<string[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const [running, setRunning] = useState(false)

  function fail(error: unknown) {
    setFailure(
      error instanceof VisionError
        ? `${messageFor(error.code)} (${error.message})`
        : String(error),
    )
  }

  const [photo, open] = useChosenPhoto(fail, () => {
    setLines([])
    setFailure(null)
  })

  async function run(offer: OfferedTask) {
    if (!photo) {
      return
    }
    setRunning(true)
    setLines([])
    setFailure(null)
    try {
      setLines(await runOffer(props.client, editor, offer, photo))
    } catch (error) {
      fail(error)
    } finally {
      setRunning(false)
    }
  }

  return (
    <section aria-labelledby="installed-tasks-heading">
      <h2 id="installed-tasks-heading">Installed models</h2>
      {offers.length === 0 ? (
        <p>
          Install an object detection or image classification model in Settings
          → Models to detect objects or classify images here.
        </p>
      ) : (
        <>
          <label>
            Image for the installed models{' '}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={(event) => {
                const file = event.target.files?.[0]
                if (file) void open(file)
              }}
            />
          </label>{' '}
          {offers.map((offer) => (
            <button
              key={offer.task}
              type="button"
              disabled={!photo || running}
              onClick={() => void run(offer)}
            >
              {offer.action}
            </button>
          ))}
          {lines.length > 0 && (
            <ul role="status" aria-label="Installed model results">
              {lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
          {failure && <p role="alert">{failure}</p>}
        </>
      )}
    </section>
  )
}
