import { describe, expect, it } from 'vitest'
import type { Mask } from './mask-compositing'
import { blankPixels, type Pixels } from './pixels'
import { DEFAULT_REDACTION } from './redact'
import { applyEdit, type PhotoEdit } from './photo-effects'

/** A 2 × 1 mask: the left pixel is the person, the right one background. */
const mask: Mask = { width: 2, height: 1, data: new Float32Array([1, 0]) }

function filled(width: number, height: number, rgba: number[]): Pixels {
  const image = blankPixels(width, height)
  for (let at = 0; at < image.data.length; at += 4) {
    image.data.set(rgba, at)
  }
  return image
}

const photo = filled(2, 1, [200, 200, 200, 255])

function edit(overrides: Partial<PhotoEdit>): PhotoEdit {
  return {
    faces: [],
    redaction: DEFAULT_REDACTION,
    background: 'keep',
    colour: '#000000',
    backgroundImage: null,
    mask,
    ...overrides,
  }
}

describe('applyEdit', () => {
  it('puts a chosen picture behind the person and keeps the person', () => {
    const picture = filled(4, 4, [10, 20, 30, 255])
    const result = applyEdit(
      photo,
      edit({ background: 'image', backgroundImage: picture }),
    )
    expect([...result.data.slice(0, 4)]).toEqual([200, 200, 200, 255])
    expect([...result.data.slice(4, 8)]).toEqual([10, 20, 30, 255])
  })

  it('keeps the background until a picture is chosen', () => {
    const result = applyEdit(photo, edit({ background: 'image' }))
    expect([...result.data]).toEqual([...photo.data])
  })
})
