/**
 * Where the MediaPipe GenAI runtime (the local language model's wasm) is
 * served from. The build copies it out of the npm package under a path
 * that names the version and fails when the installed package differs, so
 * a new version gets a new path and a fresh cache entry instead of mixing
 * a new loader with an old binary.
 */
import { RUNTIMES_PATH } from './asset-paths'

/** Version of `@mediapipe/tasks-genai` whose wasm the build copies. */
export const TASKS_GENAI_VERSION = '0.10.29'

/** Folder (URL) of the tasks-genai wasm loaders and binaries. */
export const TASKS_GENAI_RUNTIME = `${RUNTIMES_PATH}tasks-genai-${TASKS_GENAI_VERSION}`
