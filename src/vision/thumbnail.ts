/**
 * The small picture a history entry keeps: made from the edited pixels, so
 * a redacted face stays redacted in the history too, and never from the
 * original photo.
 */

/** The longer side of a thumbnail, in pixels. */
export const THUMBNAIL_SIDE = 160

/** A JPEG of the edited photo on `full`, scaled to fit THUMBNAIL_SIDE. */
export function thumbnailBlob(full: OffscreenCanvas): Promise<Blob> {
  const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(full.width, full.height))
  const width = Math.max(1, Math.round(full.width * scale))
  const height = Math.max(1, Math.round(full.height * scale))
  const small = new OffscreenCanvas(width, height)
  const context = small.getContext('2d')
  if (context) {
    // A cut-out's transparent background would turn black in a JPEG.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    context.drawImage(full, 0, 0, width, height)
  }
  return small.convertToBlob({ type: 'image/jpeg', quality: 0.8 })
}

/** A blob as a data URL, the form the history row keeps. */
export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('Unreadable'))
    reader.readAsDataURL(blob)
  })
}
