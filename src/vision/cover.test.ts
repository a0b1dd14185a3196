import { describe, expect, it } from 'vitest'
import { coverResize } from './cover'
import type { Pixels } from './pixels'

/** A picture whose every pixel's red channel is its column, green its row. */
function gradient(width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set([x, y, 0, 255], (y * width + x) * 4)
    }
  }
  return { width, height, data }
}

function pixel(image: Pixels, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4
  return [...image.data.slice(at, at + 4)]
}

describe('coverResize', () => {
  it('returns exactly the size asked for', () => {
    const result = coverResize(gradient(10, 4), 6, 6)
    expect([result.width, result.height]).toEqual([6, 6])
    expect(result.data).toHaveLength(6 * 6 * 4)
  })

  it('crops the overhang of a wide picture equally on both sides', () => {
    // 10 × 4 scaled to cover 4 × 4 keeps its height and loses 3 columns
    // each side.
    const result = coverResize(gradient(10, 4), 4, 4)
    expect(pixel(result, 0, 0)).toEqual([3, 0, 0, 255])
    expect(pixel(result, 3, 3)).toEqual([6, 3, 0, 255])
  })

  it('scales a small picture up without leaving gaps', () => {
    const result = coverResize(gradient(2, 2), 4, 4)
    expect(pixel(result, 0, 0)).toEqual([0, 0, 0, 255])
    expect(pixel(result, 1, 1)).toEqual([0, 0, 0, 255])
    expect(pixel(result, 2, 2)).toEqual([1, 1, 0, 255])
    expect(pixel(result, 3, 3)).toEqual([1, 1, 0, 255])
  })

  it('gives a blank result for an empty picture', () => {
    const result = coverResize(
      { width: 0, height: 0, data: new Uint8ClampedArray() },
      2,
      2,
    )
    expect([...result.data]).toEqual(new Array(16).fill(0))
  })
})
