/**
 * Every live cloud generation on this server, by user and request id. A
 * user can only ever reach their own: the key holds the user id, so one
 * user guessing another's request id finds nothing.
 */
import type { FinishReason } from '../../core/protocol'
import {
  LiveGeneration,
  type AbortCause,
  type Upstream,
} from './live-generation'

/** How a new generation is started. */
export interface StartOptions {
  model: string
  upstream: Upstream
  /** Called once when the upstream is done, however it ended. */
  onEnd?: (outcome: FinishReason, cause: AbortCause | null) => void
}

/** Holds live generations until their grace period runs out. */
export class GenerationHub {
  private readonly live = new Map<string, LiveGeneration>()

  constructor(
    private readonly graceMs: number,
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user's generation with this id, running or recently finished. */
  get(userId: string, requestId: string): LiveGeneration | undefined {
    return this.live.get(keyOf(userId, requestId))
  }

  /** Start a generation; the caller has already checked the limits. */
  start(
    userId: string,
    requestId: string,
    options: StartOptions,
  ): LiveGeneration {
    const key = keyOf(userId, requestId)
    const generation = new LiveGeneration({
      model: options.model,
      graceMs: this.graceMs,
      idleMs: this.idleMs,
      now: this.now,
      ...(options.onEnd ? { onEnd: options.onEnd } : {}),
      onForget: () => {
        if (this.live.get(key) === generation) {
          this.live.delete(key)
        }
      },
    })
    this.live.set(key, generation)
    void generation.run(options.upstream)
    return generation
  }

  /** Stop the user's generation now; false when there is none running. */
  stop(userId: string, requestId: string): boolean {
    const generation = this.get(userId, requestId)
    if (!generation || generation.finished) {
      return false
    }
    generation.abort('stopped')
    return true
  }

  /** How many generations are kept, running or waiting for a resume. */
  get size(): number {
    return this.live.size
  }

  /** Abort everything; for shutting the server down. */
  closeAll(): void {
    for (const generation of [...this.live.values()]) {
      generation.forget()
    }
  }
}

function keyOf(userId: string, requestId: string): string {
  return `${userId}\u0000${requestId}`
}
