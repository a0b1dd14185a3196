import { describe, expect, it } from 'vitest'
import type { RequestOptions } from './api-client'
import { ApiRequestError } from './api-client'
import { streamChat, type ApiCall } from './chat-stream'

const encoder = new TextEncoder()

/** A response whose body sends `text`, then fails when `cut` is set. */
function sseResponse(text: string, cut = false): Response {
  let sent = false
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true
        controller.enqueue(encoder.encode(text))
      } else if (cut) {
        controller.error(new TypeError('network error'))
      } else {
        controller.close()
      }
    },
  })
  return new Response(body)
}

const token = (id: number, text: string) =>
  `id: ${id}\nevent: token\ndata: ${JSON.stringify({ text })}\n\n`
const done = (id: number) =>
  `id: ${id}\nevent: done\ndata: ${JSON.stringify({ finishReason: 'stop' })}\n\n`

const request = {
  requestId: 'request-1',
  messages: [{ role: 'user' as const, content: 'hi' }],
}

describe('streamChat', () => {
  it('reconnects after a drop with the last event id and shows each token once', async () => {
    const calls: RequestOptions[] = []
    const answers = [
      sseResponse(token(1, 'Hel') + token(2, 'lo'), true),
      sseResponse(token(3, ', world') + done(4)),
    ]
    const call = (async (_path: string, options: RequestOptions = {}) => {
      calls.push(options)
      return answers.shift()
    }) as ApiCall

    const tokens: string[] = []
    const summary = await streamChat(
      call,
      request,
      (text) => tokens.push(text),
      new AbortController().signal,
    )

    expect(tokens.join('')).toBe('Hello, world')
    expect(summary.finishReason).toBe('stop')
    expect(calls.map((options) => options.headers?.['Last-Event-ID'])).toEqual([
      undefined,
      '2',
    ])
  })

  it('rejects with the code of an error event', async () => {
    const call = (async () =>
      sseResponse(
        token(1, 'a') +
          'id: 2\nevent: error\ndata: {"code":"upstream_error","message":"x"}\n\n',
      )) as ApiCall
    await expect(
      streamChat(call, request, () => undefined, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'upstream_error' })
  })

  it('does not retry a refusal', async () => {
    let count = 0
    const call = (async () => {
      count += 1
      throw new ApiRequestError('rate_limited', 429, 'x', [], 30)
    }) as ApiCall
    await expect(
      streamChat(call, request, () => undefined, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 })
    expect(count).toBe(1)
  })
})
