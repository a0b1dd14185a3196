/**
 * Reads a `text/event-stream` body into events. The bytes go through one
 * streaming UTF-8 decoder, so a character split between network chunks
 * comes out whole, and then through `eventsource-parser`, which handles
 * events split across chunks, several in one chunk and CRLF line ends.
 * Works on any ReadableStream, so it is tested in Node without a server.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser'

/** One event of the stream: its id, name and raw data text. */
export type SseMessage = EventSourceMessage

/**
 * Yield each event as it completes. Ends when the stream ends; throws what
 * the stream throws (a dropped connection, an abort).
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder('utf-8')
  const ready: SseMessage[] = []
  const parser = createParser({ onEvent: (event) => ready.push(event) })
  const reader = body.getReader()

  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) {
        parser.feed(decoder.decode())
        // An event without its closing blank line is incomplete: the
        // format says to drop it, and the parser does.
        yield* ready.splice(0)
        return
      }
      parser.feed(decoder.decode(value, { stream: true }))
      yield* ready.splice(0)
    }
  } finally {
    reader.releaseLock()
  }
}
