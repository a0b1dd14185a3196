/**
 * Pixelation: each block of a region becomes the average of its pixels.
 * Blocks are counted from the region's corner, so the same face gets the
 * same mosaic wherever it sits in the image.
 */
import type { Box } from './boxes'
import type { Pixels } from './pixels'

/** Pixelate `region` of `image` in place with square blocks of `block` px. */
export function pixelateRegion(image: Pixels, region: Box, block: number) {
  const size = Math.max(1, Math.round(block))
  const right = region.x + region.width
  const bottom = region.y + region.height

  for (let top = region.y; top < bottom; top += size) {
    for (let left = region.x; left < right; left += size) {
      const blockRight = Math.min(left + size, right)
      const blockBottom = Math.min(top + size, bottom)
      const sum = [0, 0, 0, 0]
      for (let y = top; y < blockBottom; y++) {
        for (let x = left; x < blockRight; x++) {
          const at = (y * image.width + x) * 4
          for (let c = 0; c < 4; c++) {
            sum[c] = (sum[c] ?? 0) + (image.data[at + c] ?? 0)
          }
        }
      }
      const count = (blockRight - left) * (blockBottom - top)
      for (let y = top; y < blockBottom; y++) {
        for (let x = left; x < blockRight; x++) {
          const at = (y * image.width + x) * 4
          for (let c = 0; c < 4; c++) {
            image.data[at + c] = Math.round((sum[c] ?? 0) / count)
          }
        }
      }
    }
  }
}
