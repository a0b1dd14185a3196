import { describe, expect, it } from 'vitest'
import { blurRegion, blurredCopy } from './blur'
import { blankPixels, copyPixels, type Pixels } from './pixels'

/** A width × height image, black on the left half and white on the right. */
function stepEdge(width: number, height: number): Pixels {
  const image = blankPixels(width, height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4
      image.data.fill(x < width / 2 ? 0 : 255, at, at + 3)
      image.data[at + 3] = 255
    }
  }
  return image
}

const red = (image: Pixels, x: number, y: number) =>
  image.data[(y * image.width + x) * 4] ?? -1

describe('blurredCopy', () => {
  it('keeps a plain image plain at any radius', () => {
    const plain = blankPixels(90, 60)
    plain.data.fill(77)
    for (const radius of [2, 40]) {
      expect(new Set(blurredCopy(plain, radius).data)).toEqual(new Set([77]))
    }
  })

  it('turns an edge into a smooth ramp with a wide radius, leaving the original', () => {
    const image = stepEdge(400, 40)
    const before = copyPixels(image)
    const blurred = blurredCopy(image, 40)
    expect(blurred.width).toBe(400)
    expect(blurred.height).toBe(40)
    expect(image.data).toEqual(before.data)

    const row = Array.from({ length: 400 }, (_, x) => red(blurred, x, 20))
    for (let x = 1; x < row.length; x++) {
      expect(row[x] ?? 0).toBeGreaterThanOrEqual(row[x - 1] ?? 0)
    }
    expect(row[0]).toBeLessThan(10)
    expect(row[399]).toBeGreaterThan(245)
    expect(Math.abs((row[200] ?? 0) - 128)).toBeLessThan(20)
    // Wide: the edge is spread over tens of pixels, not a few.
    expect(row[170]).toBeGreaterThan(10)
    expect(row[230]).toBeLessThan(245)
  })

  it('is the plain blur for a small radius', () => {
    const image = stepEdge(30, 10)
    const expected = copyPixels(image)
    blurRegion(expected, { x: 0, y: 0, width: 30, height: 10 }, 3)
    expect(blurredCopy(image, 3).data).toEqual(expected.data)
  })
})
