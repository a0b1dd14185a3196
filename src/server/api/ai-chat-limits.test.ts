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
let server: TestServer

function chatBody(prompt: string) {
  return {
    requestId: `req-${prompt.replace(/\W/g, '-')}-${Date.now()}`,
    messages: [{ role: 'user', content: prompt }],
  }
}

beforeAll(async () => {
  upstream = await startTestUpstream()
  server = await startTestServer({
    ENCLAVE_LLM_URL: upstream.url,
    ENCLAVE_AI_RATE_PER_MINUTE: '2',
    ENCLAVE_AI_MAX_STREAMS: '1',
    ENCLAVE_SSE_RESUME_SECONDS: '0.2',
    // Three seconds, so a token expires while a stream is held open; any
    // shorter and a loaded machine lets tokens lapse between two requests.
    ENCLAVE_ACCESS_TOKEN_MINUTES: '0.05',
  })
})

afterAll(async () => {
  await server.close()
  await upstream.close()
})

describe('cloud engine limits', () => {
  it('refuses a second concurrent stream, then the third start in a minute, with Retry-After', async () => {
    const token = (await signIn(server.url, 'admin')).session.accessToken
    upstream.reply('held', { tokens: ['a', 'b'], stallAfter: 1 })
    const held = await openChat(server.url, token, chatBody('held'))
    await held.next()

    const again = (await signIn(server.url, 'admin')).session.accessToken
    const second = await postJson(
      `${server.url}/api/ai/chat`,
      chatBody('second'),
      bearer(again),
    )
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await errorBody(second)).error.code).toBe('too_many_streams')

    upstream.release('held')
    await held.rest()
    const fresh = (await signIn(server.url, 'admin')).session.accessToken
    await (await openChat(server.url, fresh, chatBody('two'))).rest()
    const third = await postJson(
      `${server.url}/api/ai/chat`,
      chatBody('three'),
      bearer(fresh),
    )
    expect(third.status).toBe(429)
    expect((await errorBody(third)).error.code).toBe('rate_limited')
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it(
    'does not cut a stream when its access token expires while it runs',
    {
      timeout: 15_000,
    },
    async () => {
      const token = (await signIn(server.url, 'manager')).session.accessToken
      upstream.reply('long', { tokens: ['before ', 'after'], stallAfter: 1 })
      const stream = await openChat(server.url, token, chatBody('long'))
      await stream.next()

      // Wait for the token to be refused elsewhere, then let the answer go on.
      for (;;) {
        const me = await fetch(`${server.url}/api/me`, {
          headers: bearer(token),
        })
        if (me.status === 401) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      upstream.release('long')
      const events = await stream.rest()
      expect(textOf(events)).toBe('after')
      expect(events.at(-1)?.event).toBe('done')
    },
  )

  it('aborts the upstream when a dropped stream is not resumed in its grace period', async () => {
    const manager = (await signIn(server.url, 'manager')).session.accessToken
    upstream.reply('abandon', { tokens: ['a', 'b'], stallAfter: 1 })
    const stream = await openChat(server.url, manager, chatBody('abandon'))
    await stream.next()
    stream.drop()

    const record = await upstream.waitFor('abandon', (r) => r.aborted)
    expect(record.completed).toBe(false)
  })
})
