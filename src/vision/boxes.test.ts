import { describe, expect, it } from 'vitest'
import { clampBox, detectionSize, padBox, unscaleBox } from './boxes'

describe('padBox', () => {
  it('grows a box by the fraction of its size on every side', () => {
    expect(
      padBox({ x: 100, y: 100, width: 50, height: 40 }, 0.2, 500, 500),
    ).toEqual({ x: 90, y: 92, width: 70, height: 56 })
  })

  it('clamps a padded box at the image edges', () => {
    expect(padBox({ x: 2, y: 5, width: 40, height: 40 }, 0.5, 50, 60)).toEqual({
      x: 0,
      y: 0,
      width: 50,
      height: 60,
    })
  })
})

describe('clampBox', () => {
  it('rounds outwards to whole pixels', () => {
    expect(clampBox({ x: 1.6, y: 2.2, width: 3, height: 3 }, 10, 10)).toEqual({
      x: 1,
      y: 2,
      width: 4,
      height: 4,
    })
  })

  it('gives an empty box for one entirely outside the image', () => {
    const box = clampBox({ x: 20, y: 20, width: 5, height: 5 }, 10, 10)
    expect(box.width * box.height).toBe(0)
  })
})

describe('detectionSize and unscaleBox', () => {
  it('keeps an image that fits', () => {
    expect(detectionSize(512, 512, 1024)).toEqual({
      width: 512,
      height: 512,
      scale: 1,
    })
  })

  it('scales the longer side down to the limit, keeping the aspect', () => {
    expect(detectionSize(8000, 6000, 2000)).toEqual({
      width: 2000,
      height: 1500,
      scale: 0.25,
    })
  })

  it('maps a box from the scaled image back to the original pixels', () => {
    const { scale } = detectionSize(8000, 6000, 2000)
    expect(unscaleBox({ x: 100, y: 50, width: 30, height: 40 }, scale)).toEqual(
      { x: 400, y: 200, width: 120, height: 160 },
    )
  })
})
