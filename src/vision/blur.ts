/**
 * A box blur confined to a region: three passes of a running-sum average,
 * horizontal then vertical, which comes close to a Gaussian at a cost that
 * does not grow with the radius. Only pixels inside the region are read or
 * written, so nothing outside it changes and no outside colour bleeds in.
 */
import type { Box } from './boxes'
import type { Pixels } from './pixels'

const PASSES = 3

function blurLine(
  data: Uint8ClampedArray,
  start: number,
  step: number,
  length: number,
  radius: number,
  scratch: Float32Array,
) {
  for (let c = 0; c < 4; c++) {
    for (let i = 0; i < length; i++) {
      scratch[i] = data[start + i * step + c] ?? 0
    }
    // Edges repeat the outermost pixel of the region.
    const at = (i: number) => scratch[Math.min(length - 1, Math.max(0, i))] ?? 0
    let sum = 0
    for (let i = -radius; i <= radius; i++) {
      sum += at(i)
    }
    const width = 2 * radius + 1
    for (let i = 0; i < length; i++) {
      data[start + i * step + c] = Math.round(sum / width)
      sum += at(i + radius + 1) - at(i - radius)
    }
  }
}

/** Blur `region` of `image` in place; `radius` is in pixels. */
export function blurRegion(image: Pixels, region: Box, radius: number) {
  const r = Math.max(0, Math.round(radius))
  if (r === 0 || region.width === 0 || region.height === 0) {
    return
  }
  const scratch = new Float32Array(Math.max(region.width, region.height))
  const row = image.width * 4

  for (let pass = 0; pass < PASSES; pass++) {
    for (let y = region.y; y < region.y + region.height; y++) {
      const start = y * row + region.x * 4
      blurLine(image.data, start, 4, region.width, r, scratch)
    }
    for (let x = region.x; x < region.x + region.width; x++) {
      const start = region.y * row + x * 4
      blurLine(image.data, start, row, region.height, r, scratch)
    }
  }
}
