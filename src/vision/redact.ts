/**
 * Face redaction as a pure function: the image and the chosen faces in,
 * a redacted copy out. The page draws the result and encodes it; nothing
 * here knows about canvases.
 */
import { blurRegion } from './blur'
import { padBox, type Box } from './boxes'
import { pixelateRegion } from './pixelate'
import { copyPixels, type Pixels } from './pixels'

/** How faces are hidden. */
export interface RedactionSettings {
  style: 'blur' | 'pixelate'
  /** 1–100: the blur radius or block size, as a percentage of the face. */
  strength: number
  /** Extra margin around each face, as a fraction of its size. */
  padding: number
}

/** The settings a new photo starts with. */
export const DEFAULT_REDACTION: RedactionSettings = {
  style: 'blur',
  strength: 40,
  padding: 0.2,
}

/** The blur radius or block size in pixels for one padded face box. */
export function redactionSize(box: Box, strength: number): number {
  const side = Math.min(box.width, box.height)
  // At full strength a block is a quarter of the face: four blocks across
  // leave no feature recognisable. Never under 2 px, or nothing changes.
  return Math.max(2, Math.round((side / 4) * (strength / 100)))
}

/** A copy of `image` with every face in `faces` hidden. */
export function redactFaces(
  image: Pixels,
  faces: readonly Box[],
  settings: RedactionSettings,
): Pixels {
  const result = copyPixels(image)
  for (const face of faces) {
    const region = padBox(face, settings.padding, image.width, image.height)
    const size = redactionSize(region, settings.strength)
    if (settings.style === 'pixelate') {
      pixelateRegion(result, region, size)
    } else {
      blurRegion(result, region, size)
    }
  }
  return result
}
