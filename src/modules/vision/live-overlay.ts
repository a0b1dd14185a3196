/**
 * Draws one answered frame over the live video: face outlines, or the
 * person's mask as a tint. The overlay canvas has the video's size, so the
 * worker's coordinates (in the frame's pixels) are used as they come.
 */
import { maskOverlay } from '../../vision/mask-overlay'
import type { FrameResult } from './frame-loop'

const FACE_COLOUR = '#2f9e44'
const MASK_COLOUR = [47, 158, 68] as const

/** Replace the overlay's content with one frame's result. */
export function drawOverlay(
  canvas: HTMLCanvasElement,
  result: FrameResult,
): void {
  const context = canvas.getContext('2d')
  if (!context) {
    return
  }
  context.clearRect(0, 0, canvas.width, canvas.height)

  if (result.mask) {
    const tint = maskOverlay(result.mask, MASK_COLOUR)
    const small = new OffscreenCanvas(tint.width, tint.height)
    small
      .getContext('2d')
      ?.putImageData(
        new ImageData(
          new Uint8ClampedArray(tint.data),
          tint.width,
          tint.height,
        ),
        0,
        0,
      )
    context.drawImage(small, 0, 0, canvas.width, canvas.height)
  }

  context.strokeStyle = FACE_COLOUR
  context.lineWidth = Math.max(2, canvas.width / 200)
  for (const face of result.faces ?? []) {
    context.strokeRect(face.x, face.y, face.width, face.height)
  }
}
