/**
 * Opens a photo the user chose: checks its type and size, and makes the
 * copies that are sent for detection, scaled down when the photo is very
 * large.
 */
import { imageSize } from 'image-size'
import { detectionSize } from '../../vision/boxes'
import type { PhotoEditor } from '../../vision/create-photo-editor'
import { VisionError } from '../../vision/vision-client'
import { messageFor } from '../../core/errors'

/** The image types the picker accepts. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']

/** Larger photos are refused: their pixels alone would take over 200 MB. */
export const MAX_PIXELS = 50_000_000

/** The preview is drawn at most this many pixels along the longer side. */
export const PREVIEW_MAX_SIDE = 1600

/**
 * Detection runs on at most this many pixels along the longer side; the
 * face model sees 128 × 128 anyway, so more only costs transfer and time.
 */
export const DETECTION_MAX_SIDE = 2048

/**
 * An opened photo: checked to decode, with its size. It is decoded again
 * where it is needed (the photo worker, each detection copy), always by
 * the browser off the page's thread.
 */
export interface OpenedPhoto {
  /** Names the photo in the photo worker. */
  id: number
  name: string
  file: Blob
  width: number
  height: number
  /** Scale of the detection copy relative to the original (≤ 1). */
  scale: number
}

let lastId = 0

function refuse(code: 'unsupported_image' | 'image_too_large'): never {
  throw new VisionError(code, messageFor(code))
}

/** How much of a file is read for its header (a JPEG's EXIF comes first). */
const HEADER_BYTES = 256 * 1024

/** The width and height in the file's header, or null if it cannot tell. */
async function declaredSize(
  file: Blob,
): Promise<{ width: number; height: number } | null> {
  try {
    const header = new Uint8Array(
      await file.slice(0, HEADER_BYTES).arrayBuffer(),
    )
    const { width, height } = imageSize(header)
    return width && height ? { width, height } : null
  } catch {
    // Not a header it knows, or cut short: decoding decides.
    return null
  }
}

/** Check that a chosen file is a photo we can open, or throw a VisionError. */
export async function openPhoto(file: File): Promise<OpenedPhoto> {
  // A file with no type (no extension, say) is tried: decoding decides.
  if (file.type !== '' && !PHOTO_TYPES.includes(file.type)) {
    refuse('unsupported_image')
  }
  // The size the file declares is checked before decoding it: decoding a
  // gigapixel image to find out it is too large could take the tab down.
  const declared = await declaredSize(file)
  if (declared && declared.width * declared.height > MAX_PIXELS) {
    refuse('image_too_large')
  }
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    refuse('unsupported_image')
  }
  const { width, height } = bitmap
  bitmap.close()
  if (width * height > MAX_PIXELS) {
    refuse('image_too_large')
  }
  const { scale } = detectionSize(width, height, DETECTION_MAX_SIDE)
  lastId += 1
  return { id: lastId, name: file.name, file, width, height, scale }
}

/**
 * A fresh bitmap of the photo for one worker request (it is transferred).
 * Decoding happens off the page's thread; scaling would not (the browser
 * scales on the thread that asks: over 100 ms for 16 MP), so a photo that
 * needs it is scaled by the photo worker. EXIF orientation is applied, as
 * everywhere, so boxes match the export.
 */
export async function detectionBitmap(
  photo: OpenedPhoto,
  editor: PhotoEditor,
): Promise<ImageBitmap> {
  if (photo.scale === 1) {
    return createImageBitmap(photo.file, { imageOrientation: 'from-image' })
  }
  const size = detectionSize(photo.width, photo.height, DETECTION_MAX_SIDE)
  return editor.api.scaled(photo.file, size.width, size.height)
}

/** Hand an exported PNG to the browser as a download. */
export function downloadPng(png: Blob, name: string): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(png)
  link.download = name.replace(/\.[^.]*$/, '') + '-redacted.png'
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
}
