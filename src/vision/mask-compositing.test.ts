import { describe, expect, it } from 'vitest'
import {
  composite,
  cutOut,
  personFraction,
  solidBackground,
  type Mask,
} from './mask-compositing'
import { blankPixels } from './pixels'

/** A 2 × 2 mask: the left column is the person. */
const mask: Mask = {
  width: 2,
  height: 2,
  data: new Float32Array([1, 0, 0.75, 0.25]),
}

function white(width: number, height: number) {
  const image = blankPixels(width, height)
  image.data.fill(255)
  return image
}

describe('mask compositing', () => {
  it('counts the share of the mask that is the person', () => {
    expect(personFraction(mask)).toBe(0.5)
  })

  it('cuts the person out by turning the mask into alpha', () => {
    const alpha = Array.from(cutOut(white(2, 2), mask).data).filter(
      (_, i) => i % 4 === 3,
    )
    expect(alpha).toEqual([255, 0, 191, 64])
  })

  it('blends the person over a new background by the mask', () => {
    const image = white(2, 2)
    const background = solidBackground(image, [0, 0, 0])
    const red = Array.from(composite(image, background, mask).data).filter(
      (_, i) => i % 4 === 0,
    )
    expect(red).toEqual([255, 0, 191, 64])
  })

  it('samples a smaller mask for a larger image', () => {
    const alpha = Array.from(cutOut(white(4, 2), mask).data).filter(
      (_, i) => i % 4 === 3,
    )
    expect(alpha).toEqual([255, 255, 0, 0, 191, 191, 64, 64])
  })
})
