/**
 * The delegate policy, apart from MediaPipe so it can be tested in Node:
 * try the GPU when it is wanted, and on any GPU failure, at start or during
 * a run, redo the work on the CPU and say why.
 */
import type { Delegate, DelegateChoice } from './vision-protocol'

/** The delegates to try, in order, for a choice. */
export function delegatesFor(choice: DelegateChoice): Delegate[] {
  return choice === 'CPU' ? ['CPU'] : ['GPU', 'CPU']
}

/** The result of work that may have moved from the GPU to the CPU. */
export interface FallbackResult<T> {
  value: T
  delegate: Delegate
  gpuFailure?: string
}

/**
 * Run `work` on the first delegate of `choice` that succeeds. A CPU failure
 * is thrown as it is; a GPU failure is kept as the reason for moving on.
 */
export async function withGpuFallback<T>(
  choice: DelegateChoice,
  work: (delegate: Delegate) => Promise<T>,
): Promise<FallbackResult<T>> {
  let gpuFailure: string | undefined
  for (const delegate of delegatesFor(choice)) {
    try {
      const value = await work(delegate)
      return gpuFailure === undefined
        ? { value, delegate }
        : { value, delegate, gpuFailure }
    } catch (error) {
      if (delegate === 'CPU') {
        throw error
      }
      gpuFailure = error instanceof Error ? error.message : String(error)
    }
  }
  throw new Error('No delegate to run on.')
}
