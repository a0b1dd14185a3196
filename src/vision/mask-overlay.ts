/**
 * The live camera's mask view: the person's mask as a translucent tint,
 * drawn over the video. Only the tint is made here, at the mask's own size;
 * the canvas scales it to the video, which costs the main thread far less
 * than tinting every video pixel.
 */
import type { Mask } from './mask-compositing'
import type { Pixels } from './pixels'

/** RGBA pixels of the mask's size: `colour` where the person is, else clear. */
export function maskOverlay(
  mask: Mask,
  colour: readonly [number, number, number],
  maxAlpha = 140,
): Pixels {
  const data = new Uint8ClampedArray(mask.width * mask.height * 4)
  const [r, g, b] = colour
  for (let i = 0; i < mask.width * mask.height; i++) {
    const p = Math.min(1, Math.max(0, mask.data[i] ?? 0))
    const at = i * 4
    data[at] = r
    data[at + 1] = g
    data[at + 2] = b
    data[at + 3] = Math.round(p * maxAlpha)
  }
  return { width: mask.width, height: mask.height, data }
}
