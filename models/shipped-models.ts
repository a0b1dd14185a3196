/**
 * The models Enclave ships, taken from MediaPipe's legacy npm packages
 * (no model hub is reachable from the build machines), and what the
 * metadata step writes into each.
 *
 * Normalisation, checked on the astronaut photo: the face detector expects
 * [-1, 1] (mean 127.5, std 127.5) and finds its one face with a score of
 * about 0.92; the selfie models expect [0, 1] (mean 0, std 255) and mark
 * about 54 % of that photo as person. Either model still loads and runs
 * with the other's values, only with worse results.
 */
import type { VisionTask } from '../src/core/model-manifest'
import type { MetadataSpec } from './metadata-writer'

/** One model to prepare. */
export interface ModelSource {
  id: string
  task: VisionTask
  package: string
  /** File inside the package; also the name it is served under. */
  file: string
  metadata: Omit<MetadataSpec, 'version' | 'license'>
}

const FACE_OUTPUTS = [
  { name: 'regressors', description: 'Box and keypoint offsets per anchor.' },
  { name: 'classificators', description: 'Face score logit per anchor.' },
]

const SELFIE_OUTPUT = [
  { name: 'segmentation', description: 'Probability that a pixel is person.' },
]

/** The shipped models, in the order the manifest lists them. */
export const SHIPPED_MODELS: readonly ModelSource[] = [
  {
    id: 'face-detection-short-range',
    task: 'face-detection',
    package: '@mediapipe/face_detection',
    file: 'face_detection_short_range.tflite',
    metadata: {
      name: 'Face detection (short range)',
      description: 'BlazeFace for faces within about 2 m of the camera.',
      author: 'MediaPipe',
      input: {
        name: 'image',
        description: 'RGB image, 128 × 128.',
        normalization: { mean: 127.5, std: 127.5 },
      },
      outputs: FACE_OUTPUTS,
    },
  },
  {
    id: 'selfie-segmentation',
    task: 'segmentation',
    package: '@mediapipe/selfie_segmentation',
    file: 'selfie_segmentation.tflite',
    metadata: {
      name: 'Selfie segmentation',
      description: 'Person versus background, square input.',
      author: 'MediaPipe',
      input: {
        name: 'image',
        description: 'RGB image, 256 × 256.',
        normalization: { mean: 0, std: 255 },
      },
      outputs: SELFIE_OUTPUT,
    },
  },
  {
    id: 'selfie-segmentation-landscape',
    task: 'segmentation',
    package: '@mediapipe/selfie_segmentation',
    file: 'selfie_segmentation_landscape.tflite',
    metadata: {
      name: 'Selfie segmentation (landscape)',
      description: 'Person versus background, 16:9 input.',
      author: 'MediaPipe',
      input: {
        name: 'image',
        description: 'RGB image, 256 × 144.',
        normalization: { mean: 0, std: 255 },
      },
      outputs: SELFIE_OUTPUT,
    },
  },
]
