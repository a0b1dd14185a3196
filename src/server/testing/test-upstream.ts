/**
 * A stand-in for an OpenAI-compatible Chat Completions server, for tests and
 * benchmarks only. It speaks the streaming format (`data: {chunk}` lines,
 * then `data: [DONE]`) and can misbehave on purpose: cut its output at any
 * byte boundary, stall until released, fail mid-stream, or drop the
 * connection. It listens on 127.0.0.1 only and records every request, and
 * whether the caller aborted it.
 */
import { EventEmitter } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** How the upstream answers one prompt. */
export interface UpstreamReply {
  tokens: string[]
  /** Write the output in pieces of this many bytes (1: every byte apart). */
  chunkBytes?: number
  /** Wait this long between tokens. */
  tokenDelayMs?: number
  /** After this many tokens, hold until `release(prompt)` is called. */
  stallAfter?: number
  /** After this many tokens, send an error event and end. */
  failAfter?: number
  /** After this many tokens, destroy the connection without ending it. */
  dropAfter?: number
}

/** What the upstream saw of one request. */
export interface UpstreamRecord {
  prompt: string
  body: Record<string, unknown>
  tokensSent: number
  /** The caller went away before the answer was complete. */
  aborted: boolean
  completed: boolean
}

/** A running test upstream. */
export interface TestUpstream {
  /** The API base URL, ending in `/v1`, for ENCLAVE_LLM_URL. */
  url: string
  requests: UpstreamRecord[]
  /** Answer this prompt (the last user message) with this reply. */
  reply(prompt: string, reply: UpstreamReply): void
  /** Let a stalled answer to this prompt go on. */
  release(prompt: string): void
  /** Resolves when a request for this prompt matches the check. */
  waitFor(
    prompt: string,
    check: (record: UpstreamRecord) => boolean,
  ): Promise<UpstreamRecord>
  close(): Promise<void>
}

/** The answer given to a prompt nobody scripted. */
export function defaultReply(prompt: string): UpstreamReply {
  return { tokens: ['You ', 'asked: ', prompt] }
}

function chunkLine(token: string, index: number): string {
  const chunk = {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'test-model',
    choices: [
      {
        index: 0,
        delta:
          index === 0
            ? { role: 'assistant', content: token }
            : { content: token },
        finish_reason: null,
      },
    ],
  }
  return `data: ${JSON.stringify(chunk)}\n\n`
}

function finalLines(tokens: number): string {
  const finish = {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'test-model',
    choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
  }
  const usage = {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'test-model',
    choices: [],
    usage: {
      prompt_tokens: 5,
      completion_tokens: tokens,
      total_tokens: tokens + 5,
    },
  }
  return `data: ${JSON.stringify(finish)}\n\ndata: ${JSON.stringify(usage)}\n\ndata: [DONE]\n\n`
}

/** Start a test upstream on 127.0.0.1 and a free port. */
export async function startTestUpstream(): Promise<TestUpstream> {
  const replies = new Map<string, UpstreamReply>()
  const releases = new Map<string, () => void>()
  const requests: UpstreamRecord[] = []
  const changes = new EventEmitter()
  changes.setMaxListeners(0)

  const server = http.createServer((req, res) => {
    void answer(req, res)
  })

  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const raw: Buffer[] = []
    for await (const part of req) raw.push(part as Buffer)
    const body = JSON.parse(Buffer.concat(raw).toString('utf8')) as {
      messages?: { role: string; content: string }[]
    }
    const prompt =
      body.messages?.filter((message) => message.role === 'user').at(-1)
        ?.content ?? ''
    const record: UpstreamRecord = {
      prompt,
      body,
      tokensSent: 0,
      aborted: false,
      completed: false,
    }
    requests.push(record)
    const changed = () => changes.emit('change', record)
    res.on('close', () => {
      if (!record.completed) record.aborted = true
      changed()
    })
    changed()

    const script = replies.get(prompt) ?? defaultReply(prompt)
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    const write = async (text: string) => {
      const bytes = Buffer.from(text, 'utf8')
      const size = script.chunkBytes ?? bytes.length
      for (let at = 0; at < bytes.length; at += size) {
        if (res.destroyed) return
        // Waiting for each write to be flushed sends each piece on its own,
        // and makes sure it left before a deliberate drop.
        await new Promise<void>((resolve) =>
          res.write(bytes.subarray(at, at + size), () => resolve()),
        )
      }
    }

    for (const [index, token] of script.tokens.entries()) {
      if (res.destroyed) return
      if (index === script.stallAfter) {
        await new Promise<void>((resolve) => {
          releases.set(prompt, resolve)
          res.on('close', () => resolve())
        })
        if (res.destroyed) return
      }
      if (index === script.failAfter) {
        await write(
          `data: ${JSON.stringify({ error: { message: 'test upstream failed on purpose', type: 'server_error' } })}\n\n`,
        )
        record.completed = true
        res.end()
        changed()
        return
      }
      if (index === script.dropAfter) {
        res.socket?.destroy()
        return
      }
      if (script.tokenDelayMs && index > 0) {
        await new Promise((r) => setTimeout(r, script.tokenDelayMs))
      }
      await write(chunkLine(token, index))
      record.tokensSent += 1
      changed()
    }
    if (res.destroyed) return
    await write(finalLines(script.tokens.length))
    record.completed = true
    res.end()
    changed()
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (prompt, reply) => replies.set(prompt, reply),
    release: (prompt) => releases.get(prompt)?.(),
    waitFor: (prompt, check) =>
      new Promise((resolve) => {
        const found = requests.find((r) => r.prompt === prompt && check(r))
        if (found) return resolve(found)
        const listener = (record: UpstreamRecord) => {
          if (record.prompt === prompt && check(record)) {
            changes.off('change', listener)
            resolve(record)
          }
        }
        changes.on('change', listener)
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
