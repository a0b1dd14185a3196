/**
 * An RGBA image as plain data, the shape of the DOM's ImageData, so the
 * redaction and compositing code runs the same in a browser and in Node.
 */

/** Row-major RGBA pixels, four bytes per pixel. */
export interface Pixels {
  width: number
  height: number
  data: Uint8ClampedArray
}

/** A new image of the given size, every byte zero (transparent black). */
export function blankPixels(width: number, height: number): Pixels {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) }
}

/** A copy that can be changed without touching the original. */
export function copyPixels(image: Pixels): Pixels {
  return {
    width: image.width,
    height: image.height,
    data: new Uint8ClampedArray(image.data),
  }
}
