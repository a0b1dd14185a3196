/**
 * Opens a photo the user chose: checks its type and size, decodes it at
 * full size for editing, and makes the copy that is sent for detection,
 * scaled down when the photo is very large.
 */
import { detectionSize } from '../../vision/boxes'
import type { Pixels } from '../../vision/pixels'
import { VisionError } from '../../vision/vision-client'
import { messageFor } from '../../core/errors'

/** The image types the picker accepts. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']

/** Larger photos are refused: their pixels alone would take over 200 MB. */
export const MAX_PIXELS = 50_000_000

/**
 * Detection runs on at most this many pixels along the longer side; the
 * face model sees 128 × 128 anyway, so more only costs transfer and time.
 */
export const DETECTION_MAX_SIDE = 2048

/** An opened photo. */
export interface OpenedPhoto {
  name: string
  pixels: Pixels
  /** Scale of the detection copy relative to the original (≤ 1). */
  scale: number
}

function refuse(code: 'unsupported_image' | 'image_too_large'): never {
  throw new VisionError(code, messageFor(code))
}

/** Decode a chosen file, or throw a VisionError a user can read. */
export async function openPhoto(file: File): Promise<OpenedPhoto> {
  if (!PHOTO_TYPES.includes(file.type)) {
    refuse('unsupported_image')
  }
  let bitmap: ImageBitmap
  try {
    // EXIF orientation is applied here, so the export is upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    refuse('unsupported_image')
  }
  if (bitmap.width * bitmap.height > MAX_PIXELS) {
    bitmap.close()
    refuse('image_too_large')
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d')
  if (!context) {
    refuse('image_too_large')
  }
  context.drawImage(bitmap, 0, 0)
  const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height)
  const { scale } = detectionSize(
    bitmap.width,
    bitmap.height,
    DETECTION_MAX_SIDE,
  )
  bitmap.close()
  return { name: file.name, pixels, scale }
}

/** A fresh bitmap of the photo for one worker request (it is transferred). */
export async function detectionBitmap(
  photo: OpenedPhoto,
): Promise<ImageBitmap> {
  const size = detectionSize(
    photo.pixels.width,
    photo.pixels.height,
    DETECTION_MAX_SIDE,
  )
  const image = new ImageData(
    new Uint8ClampedArray(photo.pixels.data),
    photo.pixels.width,
    photo.pixels.height,
  )
  return photo.scale === 1
    ? createImageBitmap(image)
    : createImageBitmap(image, {
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: 'high',
      })
}

/** Encode pixels as PNG (no EXIF, no GPS) and hand them to the browser. */
export async function downloadPng(pixels: Pixels, name: string) {
  const canvas = new OffscreenCanvas(pixels.width, pixels.height)
  canvas
    .getContext('2d')
    ?.putImageData(
      new ImageData(
        new Uint8ClampedArray(pixels.data),
        pixels.width,
        pixels.height,
      ),
      0,
      0,
    )
  const blob = await canvas.convertToBlob({ type: 'image/png' })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = name.replace(/\.[^.]*$/, '') + '-redacted.png'
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
}
