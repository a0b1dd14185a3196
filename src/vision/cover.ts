/**
 * Fits a background picture behind a photo the way CSS `object-fit: cover`
 * does: scaled until it fills the photo, centred, and cropped where it
 * overhangs, so the picture is never stretched out of shape.
 */
import { blankPixels, type Pixels } from './pixels'

/** `source` scaled and cropped to exactly `width` × `height`. */
export function coverResize(
  source: Pixels,
  width: number,
  height: number,
): Pixels {
  const result = blankPixels(width, height)
  if (source.width === 0 || source.height === 0) {
    return result
  }
  const scale = Math.max(width / source.width, height / source.height)
  const offsetX = (source.width * scale - width) / 2
  const offsetY = (source.height * scale - height) / 2

  for (let y = 0; y < height; y++) {
    // Nearest source pixel to this pixel's centre.
    const sy = Math.min(
      source.height - 1,
      Math.floor((y + 0.5 + offsetY) / scale),
    )
    for (let x = 0; x < width; x++) {
      const sx = Math.min(
        source.width - 1,
        Math.floor((x + 0.5 + offsetX) / scale),
      )
      const from = (sy * source.width + sx) * 4
      const to = (y * width + x) * 4
      for (let c = 0; c < 4; c++) {
        result.data[to + c] = source.data[from + c] ?? 0
      }
    }
  }
  return result
}
