/**
 * The local engine's failure as an error with a code, so the chat shows
 * the catalog's message for it like any other engine's failure.
 */
import type { LocalErrorCode } from './llm-errors'

/** A local-engine failure; `detail` is the runtime's own words. */
export class LocalEngineError extends Error {
  constructor(
    readonly code: LocalErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`)
    this.name = 'LocalEngineError'
  }
}

/** Whether a value is a LocalEngineError. */
export function isLocalEngineError(value: unknown): value is LocalEngineError {
  return value instanceof LocalEngineError
}

/** A few words for each failure, shown in an answer's reason. */
export const LOCAL_PROBLEMS: Record<LocalErrorCode, string> = {
  webgpu_unavailable: 'no usable WebGPU',
  model_invalid: 'the installed file is not a valid model',
  model_load_timeout: 'the model took too long to load',
  model_out_of_memory: 'the device ran out of memory loading the model',
  device_lost: 'the graphics device was lost',
  model_load_failed: 'the model could not be loaded',
}
