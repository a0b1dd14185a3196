/**
 * Face boxes in image pixels: padding, clamping to the image, and mapping
 * a box found on a scaled copy back to the original's pixels.
 */

/** An axis-aligned box in pixels; x and y are its top-left corner. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Clamp a box to a width × height image, on whole pixels. */
export function clampBox(box: Box, width: number, height: number): Box {
  const left = Math.max(0, Math.floor(box.x))
  const top = Math.max(0, Math.floor(box.y))
  const right = Math.min(width, Math.ceil(box.x + box.width))
  const bottom = Math.min(height, Math.ceil(box.y + box.height))
  return {
    x: left,
    y: top,
    width: Math.max(0, right - left),
    height: Math.max(0, bottom - top),
  }
}

/**
 * Grow a box by `fraction` of its size on every side (0.2 adds a fifth of
 * the width left and right), then clamp it to the image. Detectors draw the
 * box tight around the features, so hair and ears need the padding.
 */
export function padBox(
  box: Box,
  fraction: number,
  width: number,
  height: number,
): Box {
  const dx = box.width * fraction
  const dy = box.height * fraction
  return clampBox(
    {
      x: box.x - dx,
      y: box.y - dy,
      width: box.width + 2 * dx,
      height: box.height + 2 * dy,
    },
    width,
    height,
  )
}

/** Map a box found on an image scaled by `scale` back to the original. */
export function unscaleBox(box: Box, scale: number): Box {
  return {
    x: box.x / scale,
    y: box.y / scale,
    width: box.width / scale,
    height: box.height / scale,
  }
}

/**
 * The size to run detection at: the original when its longer side fits in
 * `maxSide`, otherwise scaled down to fit, keeping the aspect ratio.
 */
export function detectionSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number; scale: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
    scale,
  }
}
