import { describe, expect, it } from 'vitest'
import { readSse, type SseMessage } from './sse-reader'

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
}

const bytes = (text: string) => new TextEncoder().encode(text)

async function collect(chunks: Uint8Array[]): Promise<SseMessage[]> {
  const events: SseMessage[] = []
  for await (const event of readSse(streamOf(chunks))) events.push(event)
  return events
}

/** Cut bytes at the given offsets. */
function cut(all: Uint8Array, at: number[]): Uint8Array[] {
  const edges = [0, ...at, all.length]
  return edges.slice(1).map((end, i) => all.subarray(edges[i], end))
}

describe('readSse', () => {
  it('reads one event split across chunks', async () => {
    const all = bytes('id: 1\nevent: token\ndata: {"text":"hi"}\n\n')
    const events = await collect(cut(all, [3, 9, 20, 30]))
    expect(events).toEqual([{ id: '1', event: 'token', data: '{"text":"hi"}' }])
  })

  it('reads several events from one chunk', async () => {
    const events = await collect([
      bytes('id: 1\nevent: token\ndata: a\n\nid: 2\nevent: done\ndata: b\n\n'),
    ])
    expect(events.map((event) => [event.id, event.event, event.data])).toEqual([
      ['1', 'token', 'a'],
      ['2', 'done', 'b'],
    ])
  })

  it('reads CRLF line ends', async () => {
    const events = await collect([
      bytes('id: 7\r\nevent: token\r\ndata: x\r\n\r\n'),
    ])
    expect(events).toEqual([{ id: '7', event: 'token', data: 'x' }])
  })

  it('joins a multi-byte character split between chunks', async () => {
    const all = bytes('event: token\ndata: {"text":"€😀"}\n\n')
    const euro = all.indexOf(0xe2)
    const emoji = all.indexOf(0xf0)
    const events = await collect(cut(all, [euro + 1, euro + 2, emoji + 3]))
    expect(JSON.parse(events[0]?.data ?? '{}')).toEqual({ text: '€😀' })
  })

  it('reads the same events whatever byte the stream is cut at', async () => {
    const text =
      ': connected\n\nid: 1\nevent: token\ndata: {"text":"Grüße 東京"}\n\n' +
      'id: 2\r\nevent: done\r\ndata: {}\r\n\r\n'
    const all = bytes(text)
    const whole = await collect([all])
    for (let at = 1; at < all.length; at += 1) {
      expect(await collect(cut(all, [at]))).toEqual(whole)
    }
    expect(whole).toHaveLength(2)
  })

  it('skips comments and drops an event left without its blank line', async () => {
    const events = await collect([
      bytes(': ping\n\nevent: token\ndata: a\n\nevent: token\ndata: cut'),
    ])
    expect(events.map((event) => event.data)).toEqual(['a'])
  })

  it('throws when the stream fails, after the events that came whole', async () => {
    let pulls = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1
        if (pulls === 1) {
          controller.enqueue(bytes('event: token\ndata: a\n\nevent: tok'))
        } else {
          controller.error(new TypeError('network error'))
        }
      },
    })
    const seen: string[] = []
    await expect(async () => {
      for await (const event of readSse(body)) seen.push(event.data)
    }).rejects.toThrow('network error')
    expect(seen).toEqual(['a'])
  })
})
