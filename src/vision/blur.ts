/**
 * A box blur confined to a region: three passes of a running-sum average,
 * horizontal then vertical, which comes close to a Gaussian at a cost that
 * does not grow with the radius. Only pixels inside the region are read or
 * written, so nothing outside it changes and no outside colour bleeds in.
 */
import type { Box } from './boxes'
import { copyPixels, type Pixels } from './pixels'

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

/**
 * A blurred copy of the whole image for a large radius, at a cost that
 * does not grow with the image's detail: it is shrunk by averaging blocks
 * until the radius is a few pixels, blurred there, and grown back
 * smoothly. A blur that wide keeps no detail the full-size pass would.
 */
export function blurredCopy(image: Pixels, radius: number): Pixels {
  const factor = Math.max(1, Math.floor(radius / 4))
  if (factor === 1) {
    const copy = copyPixels(image)
    blurRegion(copy, { x: 0, y: 0, ...size(image) }, radius)
    return copy
  }
  const small = shrink(image, factor)
  blurRegion(small, { x: 0, y: 0, ...size(small) }, radius / factor)
  return grow(small, image.width, image.height)
}

function size(image: Pixels) {
  return { width: image.width, height: image.height }
}

/** The image with each `factor` × `factor` block replaced by its mean. */
function shrink(image: Pixels, factor: number): Pixels {
  const width = Math.ceil(image.width / factor)
  const height = Math.ceil(image.height / factor)
  const sums = new Float64Array(width * height * 4)
  const counts = new Uint32Array(width * height)
  for (let y = 0; y < image.height; y++) {
    const row = Math.floor(y / factor) * width
    for (let x = 0; x < image.width; x++) {
      const cell = row + Math.floor(x / factor)
      const from = (y * image.width + x) * 4
      counts[cell] = (counts[cell] ?? 0) + 1
      for (let c = 0; c < 4; c++) {
        sums[cell * 4 + c] =
          (sums[cell * 4 + c] ?? 0) + (image.data[from + c] ?? 0)
      }
    }
  }
  const data = new Uint8ClampedArray(width * height * 4)
  for (let cell = 0; cell < width * height; cell++) {
    const count = counts[cell] || 1
    for (let c = 0; c < 4; c++) {
      data[cell * 4 + c] = Math.round((sums[cell * 4 + c] ?? 0) / count)
    }
  }
  return { width, height, data }
}

/** `small` scaled up to `width` × `height` by bilinear interpolation. */
function grow(small: Pixels, width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4)
  const fx = small.width / width
  const fy = small.height / height
  for (let y = 0; y < height; y++) {
    // Sample where this pixel's centre falls among the small pixels' centres.
    const sy = Math.min(small.height - 1, Math.max(0, (y + 0.5) * fy - 0.5))
    const y0 = Math.floor(sy)
    const y1 = Math.min(small.height - 1, y0 + 1)
    const wy = sy - y0
    for (let x = 0; x < width; x++) {
      const sx = Math.min(small.width - 1, Math.max(0, (x + 0.5) * fx - 0.5))
      const x0 = Math.floor(sx)
      const x1 = Math.min(small.width - 1, x0 + 1)
      const wx = sx - x0
      const to = (y * width + x) * 4
      const a = (y0 * small.width + x0) * 4
      const b = (y0 * small.width + x1) * 4
      const c0 = (y1 * small.width + x0) * 4
      const d = (y1 * small.width + x1) * 4
      for (let c = 0; c < 4; c++) {
        const top =
          (small.data[a + c] ?? 0) * (1 - wx) + (small.data[b + c] ?? 0) * wx
        const bottom =
          (small.data[c0 + c] ?? 0) * (1 - wx) + (small.data[d + c] ?? 0) * wx
        data[to + c] = Math.round(top * (1 - wy) + bottom * wy)
      }
    }
  }
  return { width, height, data }
}
