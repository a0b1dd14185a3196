/**
 * Recommended models users can install from Settings → Models. This is
 * data only: nothing in the build, the tests or the benchmarks fetches
 * these URLs. Sizes are approximate; a SHA-256 is listed
 * only when it was checked, otherwise the installer records the hash of
 * the first install and shows it.
 */

/** What a model is for: the local language model, or a vision task. */
export type ModelKind = 'llm' | 'vision'

/** A vision task an installed (not shipped) MediaPipe model can serve. */
export type InstalledVisionTask = 'object-detection' | 'image-classification'

/** What a model needs from the WebGPU adapter to load. */
export interface GpuNeeds {
  /** Largest single buffer the model allocates, in bytes. */
  maxBufferSize: number
  /** Largest storage buffer binding the model uses, in bytes. */
  maxStorageBufferBindingSize: number
  /** Whether the weights use 16-bit floats in shaders. */
  shaderF16: boolean
}

/** One recommended model. */
export interface CatalogEntry {
  id: string
  name: string
  kind: ModelKind
  /** Where the file is downloaded from. */
  url: string
  /**
   * About how large the file is, in bytes, for the storage check before
   * downloading; the server's length is what the download is checked by.
   */
  bytes: number
  /** Lower-case hex SHA-256, or null when it has not been checked. */
  sha256: string | null
  license: string
  gpu: GpuNeeds | null
  /** The vision task a `vision` model serves. */
  visionTask?: InstalledVisionTask
}

/**
 * The file is Google's MediaPipe conversion of Gemma 3 1B instruction-tuned
 * with 4-bit weights. The source repository is gated: the Gemma terms must
 * be accepted on Hugging Face first, so a direct download may be refused
 * and the file imported instead. Hugging Face answers a download with a
 * redirect to its file CDN, whose origin must then be added to
 * `ENCLAVE_MODEL_ORIGINS` too, or the CSP refuses the redirected request.
 */
export const MODEL_CATALOG: readonly CatalogEntry[] = [
  {
    id: 'gemma3-1b-it-int4',
    name: 'Gemma 3 1B IT, 4-bit (MediaPipe .task)',
    kind: 'llm',
    url: 'https://huggingface.co/litert-community/Gemma3-1B-IT/resolve/main/gemma3-1b-it-int4.task',
    bytes: 555_000_000,
    sha256: null,
    license:
      'Gemma Terms of Use (ai.google.dev/gemma/terms); accept them on Hugging Face before downloading.',
    gpu: {
      maxBufferSize: 256 * 1024 * 1024,
      maxStorageBufferBindingSize: 128 * 1024 * 1024,
      shaderF16: false,
    },
  },
  // The two below are Google's official MediaPipe Tasks models (float32
  // variants, which carry their label maps in the TFLite metadata). Sizes
  // are as listed on ai.google.dev; the hashes were not checked here.
  {
    id: 'efficientdet-lite0',
    name: 'EfficientDet-Lite0 object detector (MediaPipe)',
    kind: 'vision',
    visionTask: 'object-detection',
    url: 'https://storage.googleapis.com/mediapipe-models/object_detector/efficientdet_lite0/float32/1/efficientdet_lite0.tflite',
    bytes: 13_900_000,
    sha256: null,
    license:
      'Apache License 2.0 (Google MediaPipe model card); trained on COCO 2017, 80 object classes.',
    gpu: null,
  },
  {
    id: 'efficientnet-lite0',
    name: 'EfficientNet-Lite0 image classifier (MediaPipe)',
    kind: 'vision',
    visionTask: 'image-classification',
    url: 'https://storage.googleapis.com/mediapipe-models/image_classifier/efficientnet_lite0/float32/1/efficientnet_lite0.tflite',
    bytes: 18_500_000,
    sha256: null,
    license:
      'Apache License 2.0 (Google MediaPipe model card); trained on ImageNet, 1,000 classes.',
    gpu: null,
  },
]

/**
 * Origins the catalog downloads from; the CSP's `connect-src` allows these
 * by default (`ENCLAVE_MODEL_ORIGINS` replaces the list).
 */
export function catalogOrigins(): string[] {
  return [...new Set(MODEL_CATALOG.map((entry) => new URL(entry.url).origin))]
}
