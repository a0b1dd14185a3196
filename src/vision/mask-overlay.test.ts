import { describe, expect, it } from 'vitest'
import { maskOverlay } from './mask-overlay'

describe('maskOverlay', () => {
  it('tints the person in proportion to the mask and leaves the rest clear', () => {
    const mask = { width: 2, height: 1, data: new Float32Array([1, 0]) }
    const overlay = maskOverlay(mask, [10, 20, 30], 200)
    expect([...overlay.data]).toEqual([10, 20, 30, 200, 10, 20, 30, 0])
  })

  it('clamps mask values outside 0 to 1', () => {
    const mask = { width: 2, height: 1, data: new Float32Array([1.5, -0.2]) }
    const overlay = maskOverlay(mask, [0, 0, 0], 100)
    expect([overlay.data[3], overlay.data[7]]).toEqual([100, 0])
  })
})
