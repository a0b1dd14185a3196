/**
 * Failed-attempt throttling over a sliding window. The server keeps one
 * throttle for accounts and one for client addresses; a sign-in is refused
 * while either is over its limit.
 *
 * State is in memory, so a restart forgets it and several server processes
 * would each count alone. A shared store (Redis or the database) fixes that
 * when Enclave runs on more than one machine.
 */

/** The answer to "may this key try again?". */
export interface ThrottleVerdict {
  allowed: boolean
  /** Seconds until the oldest counted failure leaves the window. */
  retryAfterSeconds: number
}

/** Counts failures per key and refuses a key past its limit. */
export class Throttle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the key may try now. */
  check(key: string): ThrottleVerdict {
    const recent = this.recent(key)
    if (recent.length < this.maxFailures) {
      return { allowed: true, retryAfterSeconds: 0 }
    }
    const oldestCounted = recent[recent.length - this.maxFailures] ?? 0
    const waitMs = oldestCounted + this.windowMs - this.now()
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    }
  }

  /** Count one failure for the key. */
  fail(key: string): void {
    const recent = this.recent(key)
    recent.push(this.now())
    this.failures.set(key, recent)
    if (this.failures.size > 10_000) {
      this.prune()
    }
  }

  /** Take back the most recent failure (an attempt that turned out good). */
  forgiveOne(key: string): void {
    const recent = this.recent(key)
    recent.pop()
    if (recent.length === 0) {
      this.failures.delete(key)
    }
  }

  /** Forget the key's failures (after a successful sign-in). */
  reset(key: string): void {
    this.failures.delete(key)
  }

  /** Drop keys whose failures have all left the window. */
  prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) {
        this.failures.delete(key)
      }
    }
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since)
    if (kept.length === 0) {
      this.failures.delete(key)
    } else {
      this.failures.set(key, kept)
    }
    return kept
  }
}

/**
 * Decides which refused (throttled) attempts reach the audit log: the
 * first of each lockout, not every one, so a script hammering a locked
 * account writes one row per lockout instead of one per request. The
 * next row that is written says how many refusals went unrecorded.
 */
export class ThrottleRefusals {
  private readonly lockouts = new Map<
    string,
    { until: number; unrecorded: number }
  >()

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Note a refusal of `key` that may retry in `retryAfterSeconds`. Returns
   * null when it falls in a lockout already recorded (it is counted), or
   * the number of refusals left unrecorded before this one.
   */
  refused(key: string, retryAfterSeconds: number): number | null {
    const now = this.now()
    const known = this.lockouts.get(key)
    if (known && now < known.until) {
      known.unrecorded += 1
      return null
    }
    this.lockouts.set(key, {
      until: now + retryAfterSeconds * 1000,
      unrecorded: 0,
    })
    if (this.lockouts.size > 10_000) {
      for (const [other, lockout] of this.lockouts) {
        if (lockout.until <= now) this.lockouts.delete(other)
      }
    }
    return known?.unrecorded ?? 0
  }
}
