/**
 * Frames per second and per-frame latency of the live camera, over a
 * sliding window of recent frames, as plain numbers. A window (rather than
 * a running mean since start) lets the figures follow a change of delegate
 * or task within a second or two.
 */

/** What the live view shows under the video. */
export interface FrameSummary {
  /** Frames answered per second over the window; null until two frames. */
  fps: number | null
  /** Mean time from sending a frame to its answer, in ms; null at first. */
  latencyMs: number | null
  /** Frames answered since the start. */
  frames: number
  /** Frames skipped because the previous one was still being worked on. */
  dropped: number
}

/** Collects per-frame timings; `summary()` gives the figures to show. */
export class FrameStats {
  private readonly doneAt: number[] = []
  private readonly latencies: number[] = []
  private frames = 0
  private dropped = 0

  constructor(private readonly window = 30) {}

  /** A frame was answered at `at` (ms), `latencyMs` after it was sent. */
  add(at: number, latencyMs: number): void {
    this.frames++
    this.doneAt.push(at)
    this.latencies.push(latencyMs)
    if (this.doneAt.length > this.window) {
      this.doneAt.shift()
      this.latencies.shift()
    }
  }

  /** A frame was skipped because one was still in flight. */
  drop(): void {
    this.dropped++
  }

  /** The figures over the current window. */
  summary(): FrameSummary {
    const count = this.doneAt.length
    const first = this.doneAt[0] ?? 0
    const last = this.doneAt[count - 1] ?? 0
    const span = last - first
    return {
      fps: count >= 2 && span > 0 ? ((count - 1) * 1000) / span : null,
      latencyMs:
        count > 0 ? this.latencies.reduce((a, b) => a + b, 0) / count : null,
      frames: this.frames,
      dropped: this.dropped,
    }
  }
}
