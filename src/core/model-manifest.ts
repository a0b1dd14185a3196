/**
 * The shape of `/models/manifest.json`, the list of models shipped with the
 * build, and where the MediaPipe Tasks runtime is served. The build writes
 * the manifest (models/prepare.ts); the vision worker reads it to find each
 * model and check its SHA-256 before use.
 */
import { MODELS_PATH, RUNTIMES_PATH } from './asset-paths'

/** A vision task a model can serve. */
export type VisionTask = 'face-detection' | 'segmentation'

/** One shipped model file and where it came from. */
export interface ShippedModel {
  /** Stable id, such as `face-detection-short-range`. */
  id: string
  task: VisionTask
  /** File name under `/models/`. */
  file: string
  bytes: number
  /** Lower-case hex SHA-256 of the file as served. */
  sha256: string
  source: { package: string; version: string; file: string }
  license: string
}

/** The manifest file's content. */
export interface ModelManifest {
  /** Bump when the shape changes; readers refuse other versions. */
  formatVersion: 1
  models: ShippedModel[]
}

/** URL of the shipped-model manifest. */
export const MODEL_MANIFEST_URL = `${MODELS_PATH}manifest.json`

/**
 * Version of `@mediapipe/tasks-vision` whose wasm the build copies. The
 * build fails when the installed package differs, so the path below always
 * names the files it serves, and a new version gets a new path (and a fresh
 * cache entry) instead of mixing a new loader with an old binary.
 */
export const TASKS_VISION_VERSION = '1.1.0'

/** Folder (URL) of the tasks-vision wasm loader and binary. */
export const TASKS_VISION_RUNTIME = `${RUNTIMES_PATH}tasks-vision-${TASKS_VISION_VERSION}`

/** Whether a parsed JSON value is a manifest this app can read. */
export function isModelManifest(value: unknown): value is ModelManifest {
  const candidate = value as Partial<ModelManifest> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.formatVersion === 1 &&
    Array.isArray(candidate.models)
  )
}
