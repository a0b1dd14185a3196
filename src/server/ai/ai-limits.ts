/**
 * Per-user limits on the cloud engine: how many generations a user may start
 * per minute, and how many may run at once. Kept in memory, which is right
 * for one server; behind a load balancer they move to a shared store.
 */

/** Why a generation may not start, and in how many seconds to try again. */
export type LimitRefusal =
  | { code: 'rate_limited'; retryAfterSeconds: number }
  | { code: 'too_many_streams'; retryAfterSeconds: number }

const WINDOW_MS = 60_000

// Streams end on their own time; there is no way to know when a slot frees
// up, so a short wait is suggested and the client may simply try again.
const STREAM_RETRY_SECONDS = 5

/** Counts starts per user in a sliding minute and running streams per user. */
export class AiLimits {
  private readonly starts = new Map<string, number[]>()
  private readonly running = new Map<string, number>()

  constructor(
    private readonly perMinute: number,
    private readonly maxStreams: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Take a slot for a new generation, or say why not. On success the caller
   * must call `release` once when the generation ends.
   */
  acquire(userId: string): LimitRefusal | null {
    const now = this.now()
    const recent = (this.starts.get(userId) ?? []).filter(
      (at) => now - at < WINDOW_MS,
    )

    if (recent.length >= this.perMinute) {
      const oldest = recent[0] ?? now
      this.starts.set(userId, recent)
      return {
        code: 'rate_limited',
        retryAfterSeconds: Math.max(
          1,
          Math.ceil((oldest + WINDOW_MS - now) / 1000),
        ),
      }
    }
    if ((this.running.get(userId) ?? 0) >= this.maxStreams) {
      this.starts.set(userId, recent)
      return {
        code: 'too_many_streams',
        retryAfterSeconds: STREAM_RETRY_SECONDS,
      }
    }

    recent.push(now)
    this.starts.set(userId, recent)
    this.running.set(userId, (this.running.get(userId) ?? 0) + 1)
    return null
  }

  /** Give back a running-stream slot. */
  release(userId: string): void {
    const count = (this.running.get(userId) ?? 0) - 1
    if (count > 0) {
      this.running.set(userId, count)
    } else {
      this.running.delete(userId)
    }
  }

  /** How many generations the user has running now. */
  runningFor(userId: string): number {
    return this.running.get(userId) ?? 0
  }
}
