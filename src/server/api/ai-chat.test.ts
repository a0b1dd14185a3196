import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream'
import { openChat, textOf } from './sse-client'
import {
  bearer,
  errorBody,
  postJson,
  signIn,
  startTestServer,
  type TestServer,
} from './test-server'

let upstream: TestUpstream
let cloud: TestServer
let bare: TestServer
let managerToken: string

let counter = 0
function chatBody(prompt: string, extra: Record<string, unknown> = {}) {
  counter += 1
  return {
    requestId: `req-${Date.now()}-${counter}`,
    messages: [{ role: 'user', content: prompt }],
    ...extra,
  }
}

beforeAll(async () => {
  upstream = await startTestUpstream()
  ;[cloud, bare] = await Promise.all([
    startTestServer({
      ENCLAVE_LLM_URL: upstream.url,
      ENCLAVE_LLM_MODEL: 'test-model',
      ENCLAVE_SSE_HEARTBEAT_SECONDS: '0.05',
      ENCLAVE_AI_RATE_PER_MINUTE: '1000',
      ENCLAVE_AI_MAX_STREAMS: '1000',
    }),
    startTestServer(),
  ])
  managerToken = (await signIn(cloud.url, 'manager')).session.accessToken
})

afterAll(async () => {
  await Promise.all([cloud.close(), bare.close()])
  await upstream.close()
})

describe('POST /api/ai/chat', () => {
  it('answers 503 cloud_unavailable when no upstream is configured', async () => {
    const { session } = await signIn(bare.url, 'manager')
    const response = await postJson(
      `${bare.url}/api/ai/chat`,
      chatBody('hello'),
      bearer(session.accessToken),
    )
    expect(response.status).toBe(503)
    expect((await errorBody(response)).error.code).toBe('cloud_unavailable')
  })

  it('refuses roles without assistant.cloud with 403', async () => {
    for (const role of ['viewer', 'editor']) {
      const { session } = await signIn(cloud.url, role)
      const response = await postJson(
        `${cloud.url}/api/ai/chat`,
        chatBody('hello'),
        bearer(session.accessToken),
      )
      expect(response.status).toBe(403)
    }
    expect(upstream.requests.some((r) => r.prompt === 'hello')).toBe(false)
  })

  it('streams tokens and a done event with unbuffered, uncompressed headers', async () => {
    const stream = await openChat(cloud.url, managerToken, chatBody('hi there'))
    expect(stream.response.headers.get('content-type')).toMatch(
      /^text\/event-stream/,
    )
    expect(stream.response.headers.get('cache-control')).toBe(
      'no-cache, no-transform',
    )
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no')
    expect(stream.response.headers.get('content-encoding')).toBeNull()

    const events = await stream.rest()
    expect(textOf(events)).toBe('You asked: hi there')
    const done = events.at(-1)
    expect(done?.event).toBe('done')
    expect(JSON.parse(done?.data ?? '{}')).toMatchObject({
      model: 'test-model',
      finishReason: 'stop',
      usage: { completionTokens: 3 },
    })
    expect(events.map((event) => Number(event.id))).toEqual([1, 2, 3, 4])
  })

  it('relays an upstream cut at every byte boundary without changing a character', async () => {
    const tokens = ['Grüße ', 'aus ', '東京 ', '😀!\n', 'fin']
    upstream.reply('bytes', { tokens, chunkBytes: 1 })
    const stream = await openChat(cloud.url, managerToken, chatBody('bytes'))
    expect(textOf(await stream.rest())).toBe(tokens.join(''))
  })

  it('turns an upstream failure mid-stream into an error event and a clean close', async () => {
    upstream.reply('fail', { tokens: ['a', 'b', 'c'], failAfter: 2 })
    const events = await (
      await openChat(cloud.url, managerToken, chatBody('fail'))
    ).rest()
    expect(textOf(events)).toBe('ab')
    expect(events.at(-1)?.event).toBe('error')
    expect(JSON.parse(events.at(-1)?.data ?? '{}').code).toBe('upstream_error')
  })

  it('turns a dropped upstream connection into an error event', async () => {
    upstream.reply('drop', { tokens: ['a', 'b', 'c'], dropAfter: 1 })
    const events = await (
      await openChat(cloud.url, managerToken, chatBody('drop'))
    ).rest()
    expect(events.map((event) => event.event)).toEqual(['token', 'error'])
  })

  it('sends a heartbeat comment while the upstream is quiet', async () => {
    upstream.reply('quiet', { tokens: ['a', 'b'], stallAfter: 1 })
    const stream = await openChat(cloud.url, managerToken, chatBody('quiet'))
    await stream.next()
    expect(await stream.nextComment()).toBe('connected')
    expect(await stream.nextComment()).toBe('ping')
    upstream.release('quiet')
    expect(textOf(await stream.rest())).toBe('b')
  })

  it('stops the upstream at once on DELETE', async () => {
    upstream.reply('stop me', { tokens: ['a', 'b'], stallAfter: 1 })
    const body = chatBody('stop me')
    const stream = await openChat(cloud.url, managerToken, body)
    await stream.next()

    const response = await fetch(`${cloud.url}/api/ai/chat/${body.requestId}`, {
      method: 'DELETE',
      headers: bearer(managerToken),
    })
    expect(response.status).toBe(204)
    await upstream.waitFor('stop me', (record) => record.aborted)
    const events = await stream.rest()
    expect(JSON.parse(events.at(-1)?.data ?? '{}').finishReason).toBe('aborted')
  })

  it('resumes after a dropped connection with exactly the missed events and one upstream request', async () => {
    const tokens = ['one ', 'two ', 'three ', 'four']
    upstream.reply('resume', { tokens, stallAfter: 2 })
    const body = chatBody('resume')
    const first = await openChat(cloud.url, managerToken, body)
    const seen = [await first.next(), await first.next()]
    first.drop()
    upstream.release('resume')
    await upstream.waitFor('resume', (record) => record.completed)

    const again = await openChat(cloud.url, managerToken, body, 2)
    const rest = await again.rest()
    expect(textOf([...seen, ...rest])).toBe(tokens.join(''))
    expect(rest[0]?.id).toBe('3')
    expect(upstream.requests.filter((r) => r.prompt === 'resume')).toHaveLength(
      1,
    )
  })

  it('answers 410 generation_gone to a resume of an unknown generation', async () => {
    const stream = postJson(
      `${cloud.url}/api/ai/chat`,
      chatBody('never started'),
      { ...bearer(managerToken), 'last-event-id': '4' },
    )
    const response = await stream
    expect(response.status).toBe(410)
    expect((await errorBody(response)).error.code).toBe('generation_gone')
  })

  it('refuses a malformed body with 400', async () => {
    const response = await postJson(
      `${cloud.url}/api/ai/chat`,
      { requestId: 'short', messages: [] },
      bearer(managerToken),
    )
    expect(response.status).toBe(400)
  })

  it('records the cloud use in the audit log without the prompt', async () => {
    const secret = 'my secret question 4711'
    await (await openChat(cloud.url, managerToken, chatBody(secret))).rest()
    const page = cloud.server.services.audit.list({
      action: 'assistant.cloud_used',
      limit: 500,
    })
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items[0]?.actor).toBe('manager')
    expect(JSON.stringify(page.items)).not.toContain('4711')
  })
  // Last: undici may reuse the connection the 413 closed before the body
  // was sent, which would fail whatever test came next.
  it('accepts a body over the general limit and refuses one over its own with 413', async () => {
    const long = 'x'.repeat(30_000)
    const messages = Array.from({ length: 4 }, () => ({
      role: 'user',
      content: long,
    }))
    const big = await openChat(cloud.url, managerToken, {
      ...chatBody('ignored'),
      messages,
    })
    expect(big.response.status).toBe(200)
    await big.rest()

    const huge = await postJson(
      `${cloud.url}/api/ai/chat`,
      { ...chatBody('x'), messages: Array(40).fill(messages[0]) },
      bearer(managerToken),
    )
    expect(huge.status).toBe(413)
  })
})
