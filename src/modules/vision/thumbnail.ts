/**
 * The small picture a history entry keeps: made from the edited pixels, so
 * a redacted face stays redacted in the history too, and never from the
 * original photo.
 */
import type { Pixels } from '../../vision/pixels'

/** The longer side of a thumbnail, in pixels. */
export const THUMBNAIL_SIDE = 160

/** A JPEG data URL of the pixels, scaled to fit THUMBNAIL_SIDE. */
export async function thumbnailOf(pixels: Pixels): Promise<string> {
  const scale = Math.min(
    1,
    THUMBNAIL_SIDE / Math.max(pixels.width, pixels.height),
  )
  const full = new OffscreenCanvas(pixels.width, pixels.height)
  full
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
  const width = Math.max(1, Math.round(pixels.width * scale))
  const height = Math.max(1, Math.round(pixels.height * scale))
  const small = new OffscreenCanvas(width, height)
  const context = small.getContext('2d')
  if (context) {
    // A cut-out's transparent background would turn black in a JPEG.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    context.drawImage(full, 0, 0, width, height)
  }
  const blob = await small.convertToBlob({ type: 'image/jpeg', quality: 0.8 })
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('Unreadable'))
    reader.readAsDataURL(blob)
  })
}
