import { describe, expect, it } from 'vitest'
import { pixelateRegion } from './pixelate'
import { blurRegion } from './blur'
import { redactFaces } from './redact'
import { blankPixels, type Pixels } from './pixels'

/** A 4 × 4 image whose red channel counts 0, 10, 20 … along the rows. */
function ramp(): Pixels {
  const image = blankPixels(4, 4)
  for (let i = 0; i < 16; i++) {
    image.data[i * 4] = i * 10
    image.data[i * 4 + 3] = 255
  }
  return image
}

const red = (image: Pixels) =>
  Array.from(
    { length: image.width * image.height },
    (_, i) => image.data[i * 4],
  )

describe('pixelateRegion', () => {
  it('replaces each block with the average of its pixels', () => {
    const image = ramp()
    pixelateRegion(image, { x: 0, y: 0, width: 4, height: 4 }, 2)
    // Block (0,0): 0, 10, 40, 50 → 25; (2,0): 20, 30, 60, 70 → 45; …
    expect(red(image)).toEqual([
      25, 25, 45, 45, 25, 25, 45, 45, 105, 105, 125, 125, 105, 105, 125, 125,
    ])
  })

  it('leaves pixels outside the region as they were', () => {
    const image = ramp()
    pixelateRegion(image, { x: 2, y: 2, width: 2, height: 2 }, 2)
    expect(red(image).slice(0, 8)).toEqual(red(ramp()).slice(0, 8))
    expect(red(image)[10]).toBe(125)
  })
})

describe('blurRegion', () => {
  it('evens out the region and touches nothing else', () => {
    const image = blankPixels(9, 1)
    image.data[4 * 4] = 255
    blurRegion(image, { x: 2, y: 0, width: 5, height: 1 }, 1)

    const values = red(image)
    expect(values[4]).toBeLessThan(255)
    expect(values[3]).toBeGreaterThan(0)
    expect([values[0], values[1], values[7], values[8]]).toEqual([0, 0, 0, 0])
  })
})

describe('redactFaces', () => {
  it('changes the face and returns a copy, leaving the input alone', () => {
    const image = ramp()
    const result = redactFaces(image, [{ x: 0, y: 0, width: 2, height: 2 }], {
      style: 'pixelate',
      strength: 100,
      padding: 0,
    })
    expect(red(result).slice(0, 2)).toEqual([25, 25])
    expect(red(image)).toEqual(red(ramp()))
    expect(red(result).slice(8)).toEqual(red(ramp()).slice(8))
  })
})
