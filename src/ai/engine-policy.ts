/**
 * Which engine answers: a pure function of what is true right now, so the
 * whole table is tested without a browser. The cache is asked first
 * (cache-aside); only on a miss, or when the user asked to regenerate, does
 * the policy pick between the device and the cloud, or say why neither can
 * answer.
 */
import type { ErrorCode } from '../core/errors'
import type { EngineId } from './engine'

/** The user's engine choice. */
export type EngineSetting =
  /** The device when its model is ready, else the cloud. */
  | 'auto'
  /** Never send anything to the cloud. */
  | 'local-only'
  /** Only the cloud (the cache still answers a repeated question). */
  | 'cloud-only'

/** Everything the choice depends on. */
export interface PolicyInput {
  online: boolean
  /** The role holds `assistant.cloud`. */
  cloudPermitted: boolean
  /** A local model is installed and loads on this device. */
  localReady: boolean
  setting: EngineSetting
  /** The response cache holds a fresh answer to this request. */
  cacheHit: boolean
  /** Regenerate: ask an engine even if the cache has an answer. */
  bypassCache: boolean
}

/** The engine to use, or the reason none can answer. */
export type PolicyDecision =
  | { engine: EngineId }
  | {
      refused: Extract<
        ErrorCode,
        'offline_no_cache' | 'cloud_not_permitted' | 'local_not_ready'
      >
    }

/** Pick the engine for one request. */
export function chooseEngine(input: PolicyInput): PolicyDecision {
  if (input.cacheHit && !input.bypassCache) {
    return { engine: 'cache' }
  }

  const cloudUsable = input.online && input.cloudPermitted
  if (input.setting === 'local-only') {
    return input.localReady
      ? { engine: 'local' }
      : { refused: 'local_not_ready' }
  }
  if (input.setting !== 'cloud-only' && input.localReady) {
    return { engine: 'local' }
  }
  if (cloudUsable) {
    return { engine: 'cloud' }
  }
  // Offline is the reason to give first: the role only matters once the
  // cloud can be reached at all.
  return { refused: input.online ? 'cloud_not_permitted' : 'offline_no_cache' }
}
