/**
 * Open a photo, have faces found and the person segmented on this device,
 * choose what to hide, and download the result. The original never leaves
 * the device; the download is re-encoded from pixels, so no EXIF or GPS
 * data goes with it.
 */
import { useEffect, useMemo, useState } from 'react'
import { messageFor } from '../../core/errors'
import { unscaleBox } from '../../vision/boxes'
import { personFraction, type Mask } from '../../vision/mask-compositing'
import type { Pixels } from '../../vision/pixels'
import { DEFAULT_REDACTION } from '../../vision/redact'
import { personSummary } from '../../vision/results-text'
import { VisionError, type VisionClient } from '../../vision/vision-client'
import { createLogger } from '../../app/logger'
import type { VisionResultRow } from '../../db/vision-rows'
import { FaceList, type FoundFace } from './face-list'
import { applyEdit, type BackgroundEffect } from './photo-effects'
import {
  PHOTO_TYPES,
  detectionBitmap,
  downloadPng,
  openPhoto,
  type OpenedPhoto,
} from './photo-loading'
import { PhotoPreview } from './photo-preview'
import { RedactionControls } from './redaction-controls'
import { thumbnailOf } from './thumbnail'

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
  mask: Mask
}

function failureText(error: unknown): string {
  if (error instanceof VisionError) {
    return messageFor(error.code)
  }
  log.error('Vision run failed', error)
  return messageFor('model_load_failed')
}

/**
 * The photo workflow; `runKey` changes when runs must be redone, and a new
 * `incoming` file (a still from the camera) is opened as if it was chosen.
 */
export function PhotoEditor(props: {
  client: VisionClient
  runKey: number
  incoming: File | null
  onExported: (result: ExportedResult) => void
}) {
  const { client, runKey, incoming, onExported } = props
  const [photo, setPhoto] = useState<OpenedPhoto | null>(null)
  const [result, setResult] = useState<RunResult | null>(null)
  const [redaction, setRedaction] = useState(DEFAULT_REDACTION)
  const [background, setBackground] = useState<BackgroundEffect>('keep')
  const [colour, setColour] = useState('#1f3a5f')
  const [backgroundImage, setBackgroundImage] = useState<OpenedPhoto | null>(
    null,
  )
  const [error, setError] = useState<string | null>(null)

  // The result belongs to one photo and one run; anything else is stale.
  const current =
    result && result.photo === photo && result.runKey === runKey ? result : null
  const busy = photo !== null && current === null && error === null
  const faces = current?.faces ?? null
  const mask = current?.mask ?? null

  useEffect(() => {
    if (!photo) {
      return
    }
    let wanted = true
    void (async () => {
      try {
        const found = await client.detectFaces(await detectionBitmap(photo))
        const segmented = await client.segment(await detectionBitmap(photo))
        if (wanted) {
          setResult({
            photo,
            runKey,
            faces: found.faces.map((face) => ({
              box: { ...face, ...unscaleBox(face, photo.scale) },
              redact: true,
            })),
            mask: segmented.mask,
          })
        }
      } catch (failure) {
        if (wanted) {
          setError(failureText(failure))
        }
      }
    })()
    return () => {
      wanted = false
    }
  }, [client, photo, runKey])

  const edited = useMemo(
    () =>
      photo &&
      applyEdit(photo.pixels, {
        faces: (faces ?? []).filter((f) => f.redact).map((f) => f.box),
        redaction,
        background,
        colour,
        backgroundImage: backgroundImage?.pixels ?? null,
        mask,
      }),
    [photo, faces, redaction, background, colour, backgroundImage, mask],
  )

  useEffect(() => {
    if (incoming) {
      void choose(incoming)
    }
  }, [incoming])

  async function exportPhoto(pixels: Pixels, opened: OpenedPhoto) {
    await downloadPng(pixels, opened.name)
    const shown = faces ?? []
    onExported({
      name: opened.name,
      thumbnail: await thumbnailOf(pixels),
      width: pixels.width,
      height: pixels.height,
      faces: shown.length,
      redacted: shown.filter((face) => face.redact).length,
      personPercent: mask ? Math.round(personFraction(mask) * 100) : null,
      redaction,
      background,
    })
  }

  async function choose(file: File | undefined) {
    if (!file) {
      return
    }
    setError(null)
    try {
      setPhoto(await openPhoto(file))
    } catch (failure) {
      setPhoto(null)
      setError(failureText(failure))
    }
  }

  async function chooseBackground(file: File) {
    setError(null)
    try {
      setBackgroundImage(await openPhoto(file))
    } catch (failure) {
      setBackgroundImage(null)
      setError(failureText(failure))
    }
  }

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
      {error && <p role="alert">{error}</p>}
      {busy && (
        <p role="status">
          <progress aria-label="Finding faces" /> Finding faces…
        </p>
      )}
      {photo && edited && (
        <>
          <PhotoPreview
            pixels={edited}
            faces={faces ?? []}
            label={`Edited ${photo.name}`}
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
          {mask && <p>{personSummary(personFraction(mask))}</p>}
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
          <button
            type="button"
            disabled={busy}
            onClick={() => void exportPhoto(edited, photo)}
          >
            Export
          </button>
        </>
      )}
    </div>
  )
}
