/**
 * Open a photo, have faces found and the person segmented on this device,
 * choose what to hide, and download the result. The original never leaves
 * the device; the download is re-encoded from pixels, so no EXIF or GPS
 * data goes with it. Whole-photo pixel work happens in the photo worker,
 * inference in the vision worker: the page's thread only coordinates.
 */
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useState,
  type Ref,
} from 'react'
import { transfer } from 'comlink'
import { messageFor } from '../../core/errors'
import { unscaleBox } from '../../vision/boxes'
import { LatestOnly } from '../../vision/latest-only'
import type { EditRequest } from '../../vision/photo-edit.worker'
import type { BackgroundEffect } from '../../vision/photo-effects'
import { DEFAULT_REDACTION } from '../../vision/redact'
import { personSummary } from '../../vision/results-text'
import { dataUrlOf } from '../../vision/thumbnail'
import { VisionError, type VisionClient } from '../../vision/vision-client'
import { createLogger } from '../../app/logger'
import type { VisionResultRow } from '../../db/vision-rows'
import { FaceList, type FoundFace } from './face-list'
import {
  PHOTO_TYPES,
  PREVIEW_MAX_SIDE,
  detectionBitmap,
  downloadPng,
  type OpenedPhoto,
} from './photo-loading'
import { PhotoPreview } from './photo-preview'
import { RedactionControls } from './redaction-controls'
import { useChosenPhoto } from './use-chosen-photo'
import { usePhotoInWorker, usePhotoWorker } from './use-photo-worker'

const log = createLogger('vision')

/** What an export keeps in the history (the page adds who and when). */
export type ExportedResult = Omit<
  VisionResultRow,
  'id' | 'userId' | 'at' | 'delegate'
>

/** What the worker found in one photo, for one run. */
interface RunResult {
  photo: OpenedPhoto
  runKey: number
  faces: FoundFace[]
  /** Names the mask the photo worker holds for this run. */
  maskId: number
  /** The share (0–1) of the photo that is the person. */
  personShare: number
}

let lastMaskId = 0

function failureText(error: unknown): string {
  if (error instanceof VisionError) {
    return messageFor(error.code)
  }
  log.error('Vision run failed', error)
  return messageFor('model_load_failed')
}

/** What the page can ask of the photo editor. */
export interface PhotoEditorHandle {
  /** Open `file` as if the user had chosen it (a still from the camera). */
  open: (file: File) => void
}

/** The photo workflow; `runKey` changes when runs must be redone. */
export function PhotoEditor(props: {
  client: VisionClient
  runKey: number
  onExported: (result: ExportedResult) => void
  ref?: Ref<PhotoEditorHandle>
}) {
  const { client, runKey, onExported, ref } = props
  const editor = usePhotoWorker()
  const [result, setResult] = useState<RunResult | null>(null)
  const [redaction, setRedaction] = useState(DEFAULT_REDACTION)
  const [background, setBackground] = useState<BackgroundEffect>('keep')
  const [colour, setColour] = useState('#1f3a5f')
  const [shown, setShown] = useState<{
    photoId: number
    edit: EditRequest
    bitmap: ImageBitmap
  } | null>(null)
  const [exporting, setExporting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const fail = useCallback(
    (failure: unknown) => setError(failureText(failure)),
    [],
  )
  const clearError = useCallback(() => setError(null), [])
  const [photo, choose] = useChosenPhoto(fail, clearError)
  const [backgroundImage, chooseBackground] = useChosenPhoto(fail, clearError)
  const failEdit = useCallback((failure: unknown) => {
    log.error('Photo edit failed', failure)
    setError(messageFor('photo_edit_failed'))
  }, [])
  const photoReady = usePhotoInWorker(editor, photo, failEdit)
  const backgroundReady = usePhotoInWorker(editor, backgroundImage, failEdit)
  // A render that failed, by photo: one of a photo since replaced (the
  // worker let go of it) is not the shown photo's failure.
  const [renderFailedFor, setRenderFailedFor] = useState<number | null>(null)

  // The result belongs to one photo. While it is redone (another
  // processor) the last one stays in use, so the preview stays redacted.
  const current = result && result.photo === photo ? result : null
  const rerunning = current !== null && current.runKey !== runKey
  const busy =
    photo !== null && (current === null || rerunning) && error === null
  const faces = current?.faces ?? null
  const maskId = current?.maskId ?? null
  const personShare = current?.personShare ?? null

  useEffect(() => {
    if (!photo) {
      return
    }
    let wanted = true
    void (async () => {
      try {
        const found = await client.detectFaces(
          await detectionBitmap(photo, editor),
        )
        const segmented = await client.segment(
          await detectionBitmap(photo, editor),
        )
        if (!wanted) {
          return
        }
        const { mask } = segmented
        lastMaskId += 1
        const nextMaskId = lastMaskId
        await editor.api.setMask(
          photo.id,
          nextMaskId,
          transfer(mask, [mask.data.buffer]),
        )
        if (wanted) {
          setResult({
            photo,
            runKey,
            faces: found.faces.map((face) => ({
              box: { ...face, ...unscaleBox(face, photo.scale) },
              redact: true,
            })),
            maskId: nextMaskId,
            personShare: segmented.personShare,
          })
        }
      } catch (failure) {
        if (wanted) {
          fail(failure)
        }
      }
    })()
    return () => {
      wanted = false
    }
  }, [client, editor, photo, runKey, fail])

  const edit: EditRequest = useMemo(
    () => ({
      faces: (faces ?? []).filter((f) => f.redact).map((f) => f.box),
      redaction,
      background,
      colour,
      backgroundId:
        backgroundImage && backgroundReady ? backgroundImage.id : null,
      maskId,
    }),
    [
      faces,
      redaction,
      background,
      colour,
      backgroundImage,
      backgroundReady,
      maskId,
    ],
  )

  // Only the newest edit is rendered: a dragged slider skips the rest.
  const renderer = useMemo(
    () =>
      new LatestOnly(
        (request: { photoId: number; edit: EditRequest }) =>
          editor.api.render(request.photoId, request.edit, PREVIEW_MAX_SIDE),
        (bitmap, request) => setShown({ ...request, bitmap }),
        (failure, request) => {
          log.error('Photo preview failed', failure)
          setRenderFailedFor(request.photoId)
        },
      ),
    [editor],
  )
  useEffect(() => {
    if (photo && photoReady) {
      renderer.request({ photoId: photo.id, edit })
    }
  }, [renderer, photo, photoReady, edit])
  // A bitmap that is no longer shown is freed at once, not left to the GC.
  useEffect(() => () => shown?.bitmap.close(), [shown])

  const shownError =
    error ??
    (photo && renderFailedFor === photo.id
      ? messageFor('photo_edit_failed')
      : null)
  const previewBusy =
    shown?.edit !== edit || (backgroundImage !== null && !backgroundReady)
  const canExport = !busy && photoReady && !previewBusy && !exporting

  async function exportPhoto(opened: OpenedPhoto) {
    if (!canExport) {
      return
    }
    setExporting(true)
    try {
      const files = await editor.api.export(opened.id, edit)
      downloadPng(files.png, opened.name)
      const listed = faces ?? []
      onExported({
        name: opened.name,
        thumbnail: await dataUrlOf(files.thumbnail),
        width: opened.width,
        height: opened.height,
        faces: listed.length,
        redacted: listed.filter((face) => face.redact).length,
        personPercent:
          personShare === null ? null : Math.round(personShare * 100),
        redaction,
        background,
      })
    } catch (failure) {
      failEdit(failure)
    } finally {
      setExporting(false)
    }
  }

  // A still from the camera is opened as if it had been chosen.
  useImperativeHandle(ref, () => ({ open: (file) => void choose(file) }))

  const preview = photo && shown?.photoId === photo.id ? shown.bitmap : null

  return (
    <div
      className="photo-editor"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault()
        void choose(event.dataTransfer.files[0])
      }}
    >
      <label className="photo-picker">
        Open image
        <input
          type="file"
          accept={PHOTO_TYPES.join(',')}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </label>
      <p className="hint">Or drop a JPEG, PNG or WebP photo here.</p>
      {shownError && <p role="alert">{shownError}</p>}
      {busy && (
        <p role="status">
          <progress aria-label="Finding faces" /> Finding faces…
        </p>
      )}
      {photo && !preview && !error && (
        <p role="status">
          <progress aria-label="Preparing the photo" /> Preparing the photo…
        </p>
      )}
      {photo && preview && (
        <>
          <PhotoPreview
            bitmap={preview}
            width={photo.width}
            height={photo.height}
            faces={faces ?? []}
            label={`Edited ${photo.name}`}
            busy={previewBusy}
          />
          {faces && (
            <FaceList
              faces={faces}
              onToggle={(index) =>
                current &&
                setResult({
                  ...current,
                  faces: faces.map((face, i) =>
                    i === index ? { ...face, redact: !face.redact } : face,
                  ),
                })
              }
            />
          )}
          {personShare !== null && <p>{personSummary(personShare)}</p>}
          <RedactionControls
            settings={redaction}
            onSettings={setRedaction}
            background={background}
            onBackground={setBackground}
            colour={colour}
            onColour={setColour}
            backgroundImageName={backgroundImage?.name ?? null}
            onBackgroundImage={(file) => void chooseBackground(file)}
          />
          {/* aria-disabled, not disabled: a disabled button drops the
              keyboard's focus to the page while it exports. */}
          <button
            type="button"
            aria-disabled={!canExport}
            onClick={() => void exportPhoto(photo)}
          >
            {exporting ? 'Exporting…' : 'Export'}
          </button>
        </>
      )}
    </div>
  )
}
