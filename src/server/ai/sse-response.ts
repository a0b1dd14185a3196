/**
 * The HTTP side of a chat stream: one connection attached to a live
 * generation. It writes what the client missed, then each new event as it
 * comes, a heartbeat comment while the stream is quiet, and closes after the
 * last event. When the client goes away only this connection detaches; the
 * generation keeps running for its grace period.
 */
import type { LiveGeneration } from './live-generation'
import { frameComment, frameEvent, type SseEvent } from './sse-frame'

/** Headers that keep every proxy from caching, buffering or compressing. */
export const SSE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  // Never compressed or buffered: a compressing or buffering proxy holds
  // bytes back to fill blocks, which would delay every token. `no-transform`
  // also tells compressing middleware (Hono's included) to leave it alone.
  'X-Accel-Buffering': 'no',
}

const encoder = new TextEncoder()

function isLast(event: SseEvent): boolean {
  return event.event === 'done' || event.event === 'error'
}

/** A `text/event-stream` response attached to a generation. */
export function sseResponse(
  generation: LiveGeneration,
  lastEventId: number | null,
  heartbeatMs: number,
): Response {
  let cleanup: () => void = () => undefined

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true
      let detach: () => void = () => undefined
      let heartbeat: ReturnType<typeof setInterval> | null = null

      const close = () => {
        if (!open) return
        open = false
        if (heartbeat) clearInterval(heartbeat)
        detach()
        try {
          controller.close()
        } catch {
          // Already closed by a cancel from the other side.
        }
      }
      cleanup = () => {
        open = false
        if (heartbeat) clearInterval(heartbeat)
        detach()
      }

      const write = (event: SseEvent) => {
        if (!open) return
        controller.enqueue(encoder.encode(frameEvent(event)))
        if (isLast(event)) close()
      }

      // Missed events and the subscription are taken in one turn, so no
      // event can fall between them.
      const missed = generation.missedSince(lastEventId)
      detach = generation.subscribe(write)
      // An opening comment sends the headers and a first byte at once, so
      // the client knows it is connected before the first token.
      controller.enqueue(encoder.encode(frameComment('connected')))
      for (const event of missed) {
        write(event)
      }
      if (!open) return
      if (generation.finished && !missed.some(isLast)) {
        // The client already saw the end; nothing more will come.
        close()
        return
      }
      heartbeat = setInterval(() => {
        if (open) controller.enqueue(encoder.encode(frameComment('ping')))
      }, heartbeatMs)
    },
    cancel() {
      cleanup()
    },
  })

  return new Response(body, { status: 200, headers: SSE_HEADERS })
}
