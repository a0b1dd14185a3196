/**
 * One cloud generation on the server, independent of the HTTP connection
 * that asked for it. It pulls the upstream's stream once, numbers every
 * event and keeps them, so a client that lost its connection can come back
 * with the last id it saw and get exactly what it missed. With nobody
 * attached it waits a grace period, then aborts the upstream (if still
 * running) and asks to be forgotten. An upstream that goes quiet mid-answer
 * for longer than its idle limit is aborted and reported as stalled.
 */
import type {
  ChatDoneEvent,
  ChatErrorEvent,
  FinishReason,
} from '../../core/protocol'
import { messageFor } from '../../core/errors'
import { eventsAfter, type SseEvent } from './sse-frame'

/** One piece of an upstream's answer. */
export type UpstreamChunk =
  | { kind: 'token'; text: string }
  | { kind: 'usage'; promptTokens: number; completionTokens: number }
  | { kind: 'finish'; reason: FinishReason }

/** Starts the upstream request; aborting the signal must stop it at once. */
export type Upstream = (signal: AbortSignal) => AsyncIterable<UpstreamChunk>

/** Why the upstream was aborted. */
export type AbortCause = 'stopped' | 'abandoned' | 'stalled'

/** What a generation needs from whoever runs it. */
export interface LiveGenerationOptions {
  model: string
  graceMs: number
  /**
   * Longest wait between two pieces of the answer once it has begun; the
   * wait for the first piece is the upstream client's own timeout.
   */
  idleMs: number
  now?: () => number
  /** Called once when the upstream is done, however it ended. */
  onEnd?: (outcome: FinishReason, cause: AbortCause | null) => void
  /** Called once when nothing may resume it any more. */
  onForget?: () => void
}

type Listener = (event: SseEvent) => void

/** A running or recently finished generation and its numbered events. */
export class LiveGeneration {
  private readonly events: SseEvent[] = []
  private readonly listeners = new Set<Listener>()
  private readonly controller = new AbortController()
  private readonly now: () => number
  private graceTimer: ReturnType<typeof setTimeout> | null = null
  private abortCause: AbortCause | null = null
  private ended = false
  private forgotten = false

  constructor(private readonly options: LiveGenerationOptions) {
    this.now = options.now ?? Date.now
    // Nobody is attached until the first connection subscribes.
    this.startGrace()
  }

  /** Whether the upstream has finished, failed or been aborted. */
  get finished(): boolean {
    return this.ended
  }

  /** Pull the upstream to its end; call once. */
  async run(upstream: Upstream): Promise<void> {
    const started = this.now()
    let firstTokenAt: number | null = null
    let tokens = 0
    let usage: { promptTokens: number; completionTokens: number } | null = null
    let reason: FinishReason = 'stop'

    let idleTimer: ReturnType<typeof setTimeout> | undefined
    const stillAnswering = () => {
      clearTimeout(idleTimer)
      idleTimer = setTimeout(() => this.abort('stalled'), this.options.idleMs)
    }

    try {
      for await (const chunk of upstream(this.controller.signal)) {
        stillAnswering()
        if (chunk.kind === 'token') {
          firstTokenAt ??= this.now()
          tokens += 1
          this.emit('token', { text: chunk.text })
        } else if (chunk.kind === 'usage') {
          usage = chunk
        } else {
          reason = chunk.reason
        }
      }
      if (this.abortCause) {
        reason = 'aborted'
      }
    } catch {
      // The upstream's own message may carry its internals; the client gets
      // the catalog's words. An abort we asked for is not an error.
      reason = this.abortCause ? 'aborted' : 'error'
    } finally {
      clearTimeout(idleTimer)
    }
    if (reason === 'error' || this.abortCause === 'stalled') {
      reason = 'error'
      const code =
        this.abortCause === 'stalled' ? 'upstream_stalled' : 'upstream_error'
      const error: ChatErrorEvent = { code, message: messageFor(code) }
      this.emit('error', error)
    }

    if (reason !== 'error') {
      const done: ChatDoneEvent = {
        model: this.options.model,
        finishReason: reason,
        usage: {
          promptTokens: usage?.promptTokens ?? null,
          completionTokens: usage?.completionTokens ?? tokens,
        },
        timings: {
          firstTokenMs: firstTokenAt === null ? null : firstTokenAt - started,
          totalMs: this.now() - started,
        },
      }
      this.emit('done', done)
    }
    this.ended = true
    this.options.onEnd?.(reason, this.abortCause)
    if (this.listeners.size === 0) {
      this.startGrace()
    }
  }

  /** The events after `lastEventId`, for a connection that (re)attaches. */
  missedSince(lastEventId: number | null): SseEvent[] {
    return eventsAfter(this.events, lastEventId)
  }

  /**
   * Receive each new event; returns the detach function. Take the missed
   * events first, in the same turn, so that none falls between the two.
   */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    this.stopGrace()
    let attached = true
    return () => {
      if (!attached) {
        return
      }
      attached = false
      this.listeners.delete(listener)
      if (this.listeners.size === 0) {
        this.startGrace()
      }
    }
  }

  /** Abort the upstream now; attached clients get a `done` (aborted). */
  abort(cause: AbortCause): void {
    if (this.ended || this.abortCause) {
      return
    }
    this.abortCause = cause
    this.controller.abort(new Error(`generation ${cause}`))
  }

  /** Drop timers and ask to be forgotten; nothing can resume it after. */
  forget(): void {
    if (this.forgotten) {
      return
    }
    this.forgotten = true
    this.stopGrace()
    this.abort('abandoned')
    this.options.onForget?.()
  }

  private emit(event: SseEvent['event'], data: unknown): void {
    const framed: SseEvent = { id: this.events.length + 1, event, data }
    this.events.push(framed)
    for (const listener of [...this.listeners]) {
      listener(framed)
    }
  }

  private startGrace(): void {
    this.stopGrace()
    this.graceTimer = setTimeout(() => this.forget(), this.options.graceMs)
    // A pending grace period must not keep a stopping server alive.
    this.graceTimer.unref?.()
  }

  private stopGrace(): void {
    if (this.graceTimer) {
      clearTimeout(this.graceTimer)
      this.graceTimer = null
    }
  }
}
