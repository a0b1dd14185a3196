/**
 * One inference on a loaded MediaPipe task, turned into plain data. Masks
 * are only valid inside MediaPipe's callback, so they are copied there.
 */
import type { FaceDetector, ImageSegmenter } from '@mediapipe/tasks-vision'
import type { FaceDetection } from './vision-protocol'

/** Detect faces; boxes are in the image's pixels. */
export function runFaces(
  detector: FaceDetector,
  image: ImageBitmap,
): { faces: FaceDetection[] } {
  const result = detector.detect(image)
  return {
    faces: result.detections.flatMap((detection) => {
      const box = detection.boundingBox
      return box
        ? [
            {
              x: box.originX,
              y: box.originY,
              width: box.width,
              height: box.height,
              score: detection.categories[0]?.score ?? 0,
            },
          ]
        : []
    }),
  }
}

/** Segment the person; the mask is the confidence of "person" per pixel. */
export function runSegmentation(
  segmenter: ImageSegmenter,
  image: ImageBitmap,
): { width: number; height: number; data: Float32Array } {
  let mask: { width: number; height: number; data: Float32Array } | null = null
  segmenter.segment(image, (result) => {
    const confidence = result.confidenceMasks?.[0]
    if (confidence) {
      mask = {
        width: confidence.width,
        height: confidence.height,
        data: confidence.getAsFloat32Array().slice(),
      }
    }
  })
  if (!mask) {
    throw new Error('The segmenter returned no mask.')
  }
  return mask
}
