/**
 * Person segmentation results applied to an image: how much of it is the
 * person, a cut-out with the background made transparent, and the person
 * over another background (a colour, another image or a blurred copy).
 */
import { copyPixels, type Pixels } from './pixels'

/** A segmentation mask: per pixel, the probability (0–1) of "person". */
export interface Mask {
  width: number
  height: number
  data: Float32Array
}

/** Mask values at or above this count as the person. */
export const PERSON_THRESHOLD = 0.5

/** The mask value for image pixel (x, y), when the sizes differ. */
function maskAt(mask: Mask, image: Pixels, x: number, y: number): number {
  const mx = Math.min(
    mask.width - 1,
    Math.floor((x * mask.width) / image.width),
  )
  const my = Math.min(
    mask.height - 1,
    Math.floor((y * mask.height) / image.height),
  )
  return Math.min(1, Math.max(0, mask.data[my * mask.width + mx] ?? 0))
}

/** The fraction (0–1) of the mask that is the person. */
export function personFraction(mask: Mask): number {
  const { data } = mask
  let count = 0
  // An indexed loop: a large photo's mask has millions of values, and an
  // iterator over a typed array is several times slower.
  for (let i = 0; i < data.length; i++) {
    if ((data[i] ?? 0) >= PERSON_THRESHOLD) {
      count++
    }
  }
  return data.length === 0 ? 0 : count / data.length
}

/** A copy of `image` whose alpha is the mask: the person, cut out. */
export function cutOut(image: Pixels, mask: Mask): Pixels {
  const result = copyPixels(image)
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * 4 + 3
      result.data[at] = Math.round(
        (image.data[at] ?? 0) * maskAt(mask, image, x, y),
      )
    }
  }
  return result
}

/**
 * The person from `image` over `background` (same size), blended by the
 * mask so the edge stays soft.
 */
export function composite(
  image: Pixels,
  background: Pixels,
  mask: Mask,
): Pixels {
  if (background.width !== image.width || background.height !== image.height) {
    throw new Error('The background must be the size of the image.')
  }
  const result = copyPixels(image)
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const person = maskAt(mask, image, x, y)
      const at = (y * image.width + x) * 4
      for (let c = 0; c < 4; c++) {
        result.data[at + c] = Math.round(
          (image.data[at + c] ?? 0) * person +
            (background.data[at + c] ?? 0) * (1 - person),
        )
      }
    }
  }
  return result
}

/** A solid-colour background the size of `image`. */
export function solidBackground(
  image: Pixels,
  rgb: readonly [number, number, number],
): Pixels {
  const result = copyPixels(image)
  for (let at = 0; at < result.data.length; at += 4) {
    result.data[at] = rgb[0]
    result.data[at + 1] = rgb[1]
    result.data[at + 2] = rgb[2]
    result.data[at + 3] = 255
  }
  return result
}
