/**
 * What a MediaPipe LLM failure means, from its message: the runtime throws
 * plain errors, so the words it uses (checked with tasks-genai 0.10.29) are
 * matched here, in one place, and become error codes the user can act on.
 */
import type { ErrorCode } from '../core/errors'

/** The local engine's failures. */
export type LocalErrorCode = Extract<
  ErrorCode,
  | 'webgpu_unavailable'
  | 'model_invalid'
  | 'model_load_timeout'
  | 'model_out_of_memory'
  | 'device_lost'
  | 'model_load_failed'
>

const PATTERNS: [RegExp, LocalErrorCode][] = [
  // "No model format matched." for a file that is not a model.
  [
    /no model format matched|invalid model|not a valid|flatbuffer/i,
    'model_invalid',
  ],
  // "Unable to request adapter from navigator.gpu; Ensure WebGPU is enabled."
  [/request adapter|webgpu is not|navigator\.gpu/i, 'webgpu_unavailable'],
  [/device (was )?lost|devicelost/i, 'device_lost'],
  [
    /out of memory|\boom\b|allocation failed|cannot enlarge memory/i,
    'model_out_of_memory',
  ],
]

/** The code for a failure message; `model_load_failed` when unknown. */
export function localErrorCode(message: string): LocalErrorCode {
  return (
    PATTERNS.find(([pattern]) => pattern.test(message))?.[1] ??
    'model_load_failed'
  )
}
