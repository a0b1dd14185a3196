/**
 * The photo worker for as long as the photo editor is open, and whether a
 * given photo has reached it yet.
 */
import { useEffect, useState } from 'react'
import { PhotoEditor } from '../../vision/create-photo-editor'
import type { OpenedPhoto } from './photo-loading'

/** A photo worker, started when first used and stopped on unmount. */
export function usePhotoWorker(): PhotoEditor {
  const [editor] = useState(() => new PhotoEditor())
  useEffect(() => () => editor.stop(), [editor])
  return editor
}

/**
 * Send `photo` to the worker; true once the worker holds its pixels. The
 * worker lets go of it when another photo takes its place.
 */
export function usePhotoInWorker(
  editor: PhotoEditor,
  photo: OpenedPhoto | null,
  onError: (error: unknown) => void,
): boolean {
  const [readyId, setReadyId] = useState<number | null>(null)

  useEffect(() => {
    if (!photo) {
      return
    }
    let live = true
    void (async () => {
      try {
        await editor.api.open(photo.id, photo.file)
        if (live) {
          setReadyId(photo.id)
        }
      } catch (error) {
        if (live) {
          onError(error)
        }
      }
    })()
    return () => {
      live = false
      editor.forget(photo.id)
    }
  }, [editor, photo, onError])

  return photo !== null && readyId === photo.id
}
