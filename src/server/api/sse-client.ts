/**
 * A small event-stream reader for the API tests: POSTs a chat request and
 * hands back each event and comment as it arrives, so a test can stop
 * reading, drop the connection or wait for a heartbeat.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser'
import { bearer } from './test-server'

/** An open chat stream in a test. */
export interface TestStream {
  response: Response
  /** The next event; rejects when the stream ends first. */
  next(): Promise<EventSourceMessage>
  /** Resolves at the next comment line (a heartbeat). */
  nextComment(): Promise<string>
  /** Read to the end; resolves to every event left. */
  rest(): Promise<EventSourceMessage[]>
  /** Drop the connection, as a closed tab or a lost network would. */
  drop(): void
}

/** Start (or resume, with `lastEventId`) a chat stream. */
export async function openChat(
  base: string,
  token: string,
  body: unknown,
  lastEventId?: number,
): Promise<TestStream> {
  const controller = new AbortController()
  const response = await fetch(`${base}/api/ai/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-encoding': 'gzip, br',
      ...bearer(token),
      ...(lastEventId === undefined
        ? {}
        : { 'last-event-id': String(lastEventId) }),
    },
    body: JSON.stringify(body),
    signal: controller.signal,
  })

  const events: EventSourceMessage[] = []
  const comments: string[] = []
  let ended = false
  let wake: () => void = () => undefined
  const parser = createParser({
    onEvent: (event) => events.push(event),
    onComment: (comment) => comments.push(comment),
  })
  void (async () => {
    try {
      const decoder = new TextDecoder()
      for await (const chunk of response.body ?? []) {
        parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }))
        wake()
      }
    } catch {
      // Dropped on purpose, or by the server.
    }
    ended = true
    wake()
  })()

  async function until<T>(take: () => T | undefined): Promise<T> {
    for (;;) {
      const value = take()
      if (value !== undefined) return value
      if (ended) throw new Error('the stream ended')
      await new Promise<void>((resolve) => (wake = resolve))
    }
  }

  return {
    response,
    next: () => until(() => events.shift()),
    nextComment: () => until(() => comments.shift()),
    rest: async () => {
      await until(() => (ended ? true : undefined)).catch(() => undefined)
      return events.splice(0)
    },
    drop: () => controller.abort(),
  }
}

/** The text of every token event, joined. */
export function textOf(events: EventSourceMessage[]): string {
  return events
    .filter((event) => event.event === 'token')
    .map((event) => (JSON.parse(event.data) as { text: string }).text)
    .join('')
}
