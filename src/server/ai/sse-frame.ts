/**
 * Server-Sent Events framing: turning an event into the bytes of the
 * `text/event-stream` format. Pure, so the rules that a client depends on
 * (one `data:` line per line of data, an `id:` on every event, a blank line
 * to end it) are tested without a server.
 */

/** One event of a chat stream, as the server keeps and replays it. */
export interface SseEvent {
  /** Position in the generation, from 1; the client sends it back to resume. */
  id: number
  event: 'token' | 'done' | 'error'
  data: unknown
}

const LINE_BREAK = /\r\n|\r|\n/

/** The text of one event, ending with the blank line that dispatches it. */
export function frameEvent(event: SseEvent): string {
  // JSON.stringify never emits a raw line break, but splitting anyway keeps
  // the framing right whatever a future event carries.
  const data = JSON.stringify(event.data)
    .split(LINE_BREAK)
    .map((line) => `data: ${line}\n`)
    .join('')
  return `id: ${event.id}\nevent: ${event.event}\n${data}\n`
}

/**
 * A comment line. Clients ignore it; proxies and load balancers see bytes
 * flow and keep an idle stream open.
 */
export function frameComment(text: string): string {
  return `: ${text.replace(LINE_BREAK, ' ')}\n\n`
}

/**
 * The id to resume after, from a `Last-Event-ID` header: null when there is
 * none, and also when it is not a whole number, which no server of this app
 * sends.
 */
export function parseLastEventId(header: string | undefined): number | null {
  if (header === undefined || !/^\d{1,15}$/.test(header.trim())) {
    return null
  }
  return Number(header.trim())
}

/** The events a reconnecting client has not seen yet, in order. */
export function eventsAfter(
  events: readonly SseEvent[],
  lastEventId: number | null,
): SseEvent[] {
  if (lastEventId === null) {
    return [...events]
  }
  return events.filter((event) => event.id > lastEventId)
}
