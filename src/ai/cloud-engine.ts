/**
 * The cloud engine: the server's `POST /api/ai/chat` stream, which relays
 * the configured upstream. Stop both tells the server (so the upstream is
 * aborted at once, not after the grace period) and aborts the fetch.
 */
import type { ChatDoneEvent } from '../core/protocol'
import { streamChat, stopChat, type ApiCall } from '../net/chat-stream'
import type { Engine, GenerationRequest } from './engine'
import { createGeneration } from './generation'

/** Make the cloud engine around the session's API call. */
export function cloudEngine(call: ApiCall): Engine {
  return {
    id: 'cloud',
    generate(request: GenerationRequest) {
      return createGeneration('cloud', async (push, signal) => {
        signal.addEventListener(
          'abort',
          () => void stopChat(call, request.requestId),
          { once: true },
        )
        const done: ChatDoneEvent = await streamChat(
          call,
          {
            requestId: request.requestId,
            messages: request.messages,
            ...(request.temperature === undefined
              ? {}
              : { temperature: request.temperature }),
            ...(request.maxTokens === undefined
              ? {}
              : { maxTokens: request.maxTokens }),
          },
          push,
          signal,
        )
        return {
          model: done.model,
          finishReason: done.finishReason,
          tokens: done.usage.completionTokens,
        }
      })
    },
  }
}
