/**
 * Why the engine policy picked the engine it did, in words shown under
 * each answer. Pure, beside the policy, so every row of the policy's table
 * has a sentence and the two cannot drift apart.
 */
import type { EngineId } from './engine'
import type { PolicyInput } from './engine-policy'

/**
 * The reason for a choice. `localProblem` says why the device could not
 * answer (such as "the installed model is not valid"), when it could not.
 */
export function decisionReason(
  input: PolicyInput,
  engine: EngineId,
  localProblem: string | null = null,
): string {
  if (engine === 'cache') {
    return 'a saved answer to the same question'
  }
  if (engine === 'local') {
    if (input.setting === 'local-only') {
      return 'your engine choice is Local only'
    }
    if (input.setting === 'auto' && !input.online) {
      return 'Auto, and offline: the on-device model answers'
    }
    return 'Auto: the on-device model is ready'
  }
  if (input.setting === 'cloud-only') {
    return 'your engine choice is Cloud only'
  }
  return `Auto: the on-device model is not ready (${localProblem ?? 'no model is installed'})`
}
