/**
 * What the preview and the export show: the photo with the chosen faces
 * redacted and the background treated, from pure functions only.
 */
import type { Box } from './boxes'
import { blurredCopy } from './blur'
import { coverResize } from './cover'
import {
  composite,
  cutOut,
  solidBackground,
  type Mask,
} from './mask-compositing'
import type { Pixels } from './pixels'
import { redactFaces, type RedactionSettings } from './redact'

/** What happens behind the person. */
export type BackgroundEffect = 'keep' | 'blur' | 'colour' | 'image' | 'cut-out'

/** Everything that decides the edited photo. */
export interface PhotoEdit {
  faces: readonly Box[]
  redaction: RedactionSettings
  background: BackgroundEffect
  /** The replacement colour, as `#rrggbb`. */
  colour: string
  /** The replacement picture; until one is chosen the background is kept. */
  backgroundImage: Pixels | null
  mask: Mask | null
}

function rgb(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
}

/** The edited photo. */
export function applyEdit(photo: Pixels, edit: PhotoEdit): Pixels {
  const redacted = redactFaces(photo, edit.faces, edit.redaction)
  if (edit.background === 'keep' || !edit.mask) {
    return redacted
  }
  if (edit.background === 'cut-out') {
    return cutOut(redacted, edit.mask)
  }
  if (edit.background === 'image') {
    if (!edit.backgroundImage) {
      return redacted
    }
    return composite(
      redacted,
      coverResize(edit.backgroundImage, photo.width, photo.height),
      edit.mask,
    )
  }
  if (edit.background === 'colour') {
    return composite(
      redacted,
      solidBackground(redacted, rgb(edit.colour)),
      edit.mask,
    )
  }
  const radius = Math.max(
    4,
    Math.round(Math.min(photo.width, photo.height) / 40),
  )
  return composite(redacted, blurredCopy(redacted, radius), edit.mask)
}
