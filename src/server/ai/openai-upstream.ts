/**
 * The cloud engine's upstream: an OpenAI-compatible Chat Completions server
 * (Ollama, vLLM, llama.cpp server or a hosted API) reached with the official
 * `openai` SDK. The SDK is pointed only at the configured URL; nothing here
 * has a default host.
 */
import OpenAI from 'openai'
import type { ChatMessage, FinishReason } from '../../core/protocol'
import type { LlmConfig } from '../config'
import type { Upstream, UpstreamChunk } from './live-generation'

/** What one generation asks of the upstream. */
export interface UpstreamRequest {
  messages: ChatMessage[]
  model: string
  temperature?: number | undefined
  maxTokens?: number | undefined
}

/** Builds upstream calls for one configured server. */
export class OpenAiUpstream {
  private readonly client: OpenAI

  constructor(config: LlmConfig) {
    this.client = new OpenAI({
      baseURL: config.url,
      // Local servers accept any key; the SDK insists on one being set.
      apiKey: config.key ?? 'none',
      // A retry would ask the upstream twice for one answer, and a resumed
      // stream must never do that; the client decides whether to try again.
      maxRetries: 0,
      // Until the first byte of the answer; the stream itself has no limit,
      // since the user can stop it.
      timeout: 120_000,
    })
  }

  /** An upstream for one request, ready to hand to a live generation. */
  for(request: UpstreamRequest): Upstream {
    const client = this.client
    return async function* stream(
      signal: AbortSignal,
    ): AsyncGenerator<UpstreamChunk> {
      const completion = await client.chat.completions.create(
        {
          model: request.model,
          messages: request.messages,
          stream: true,
          stream_options: { include_usage: true },
          ...(request.temperature === undefined
            ? {}
            : { temperature: request.temperature }),
          ...(request.maxTokens === undefined
            ? {}
            : { max_tokens: request.maxTokens }),
        },
        { signal },
      )
      for await (const chunk of completion) {
        const choice = chunk.choices[0]
        const text = choice?.delta.content
        if (text) {
          yield { kind: 'token', text }
        }
        if (choice?.finish_reason) {
          yield { kind: 'finish', reason: finishReasonOf(choice.finish_reason) }
        }
        if (chunk.usage) {
          yield {
            kind: 'usage',
            promptTokens: chunk.usage.prompt_tokens,
            completionTokens: chunk.usage.completion_tokens,
          }
        }
      }
    }
  }
}

function finishReasonOf(reason: string): FinishReason {
  if (reason === 'stop' || reason === 'length') {
    return reason
  }
  return 'other'
}
