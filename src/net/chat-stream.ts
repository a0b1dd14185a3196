/**
 * The cloud engine's connection: `POST /api/ai/chat` read as an event
 * stream, and `DELETE /api/ai/chat/:id` to stop it. A connection that drops
 * mid-answer is reopened with the same body and the last event id, and the
 * server replays exactly what was missed, so the caller sees each token
 * once. The API call is passed in (the session's `request`), which brings
 * the access token and its one refresh on 401.
 */
import { messageFor } from '../core/errors'
import {
  type ChatDoneEvent,
  type ChatErrorEvent,
  type ChatRequest,
  type ChatTokenEvent,
} from '../core/protocol'
import { ApiRequestError, type RequestOptions } from './api-client'
import { readSse } from './sse-reader'

/** Calls the API as the signed-in user. */
export type ApiCall = <T>(path: string, options?: RequestOptions) => Promise<T>

// Enough tries to ride out a short outage, all well inside the server's
// default 15 s grace period, after which there is nothing left to resume.
const RECONNECT_DELAYS_MS = [200, 500, 1000, 2000, 4000]

/**
 * Stream one cloud generation, calling `onToken` for each piece. Resolves
 * with the `done` event; rejects with ApiRequestError for a refusal or an
 * upstream failure, and with an AbortError when `signal` aborts.
 */
export async function streamChat(
  call: ApiCall,
  request: ChatRequest,
  onToken: (text: string) => void,
  signal: AbortSignal,
): Promise<ChatDoneEvent> {
  let lastEventId: number | null = null
  let connected = false
  let failures = 0

  for (;;) {
    try {
      const response: Response = await call<Response>('ai/chat', {
        method: 'POST',
        body: request,
        as: 'response',
        signal,
        ...(lastEventId === null
          ? {}
          : { headers: { 'Last-Event-ID': String(lastEventId) } }),
      })
      connected = true
      if (!response.body) {
        throw new ApiRequestError('server_error', response.status)
      }
      for await (const message of readSse(response.body)) {
        failures = 0
        if (message.id) {
          lastEventId = Number(message.id)
        }
        if (message.event === 'token') {
          onToken((JSON.parse(message.data) as ChatTokenEvent).text)
        } else if (message.event === 'done') {
          return JSON.parse(message.data) as ChatDoneEvent
        } else if (message.event === 'error') {
          const error = JSON.parse(message.data) as ChatErrorEvent
          throw new ApiRequestError(error.code, 200, messageFor(error.code))
        }
      }
      // The stream ended without its last event: the connection was cut.
    } catch (error) {
      if (signal.aborted || error instanceof ApiRequestError) {
        if (
          !signal.aborted &&
          error instanceof ApiRequestError &&
          error.code === 'network_unavailable' &&
          connected
        ) {
          // A reconnect that found no network: keep trying below.
        } else {
          throw error
        }
      }
      // Anything else is the body's read failing: a dropped connection.
    }

    const delay = RECONNECT_DELAYS_MS[failures]
    failures += 1
    if (delay === undefined) {
      throw new ApiRequestError('network_unavailable', 0)
    }
    await wait(delay, signal)
  }
}

/** Ask the server to stop a generation; quiet when it has already ended. */
export async function stopChat(
  call: ApiCall,
  requestId: string,
): Promise<void> {
  try {
    await call<undefined>(`ai/chat/${encodeURIComponent(requestId)}`, {
      method: 'DELETE',
    })
  } catch {
    // Finished, unknown, or offline: there is nothing left to stop.
  }
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms)
    function done() {
      signal.removeEventListener('abort', aborted)
      resolve()
    }
    function aborted() {
      clearTimeout(timer)
      reject(new DOMException('Aborted', 'AbortError'))
    }
    signal.addEventListener('abort', aborted, { once: true })
  })
}
