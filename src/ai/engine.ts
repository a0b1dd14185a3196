/**
 * The one interface every engine speaks: the response cache, the local
 * model and the cloud model. A generation is an abortable stream of tokens
 * with a summary at the end, so the chat treats all three the same.
 */
import type { ChatMessage, FinishReason } from '../core/protocol'

/** Which engine answered. */
export type EngineId = 'cache' | 'local' | 'cloud'

/** What a generation is asked to do. */
export interface GenerationRequest {
  /** Names this generation; the cloud engine resumes by it. */
  requestId: string
  /** The conversation so far, ending with the user's new message. */
  messages: ChatMessage[]
  temperature?: number
  maxTokens?: number
}

/** How a generation went, once it has ended. */
export interface GenerationSummary {
  engine: EngineId
  model: string
  /** Time to first token, ms from the start; null when none came. */
  firstTokenMs: number | null
  totalMs: number
  tokens: number
  /** Tokens per second after the first one; null when too few to say. */
  tokensPerSecond: number | null
  finishReason: FinishReason
}

/** One answer being produced. */
export interface Generation {
  /** Each token as it arrives; ends when the generation ends. */
  tokens: AsyncIterable<string>
  /**
   * Settles once the last token is out: how it went. Rejects with the
   * engine's error; an abort is not an error, it resolves as `aborted`.
   */
  summary: Promise<GenerationSummary>
  /** Stop now. */
  abort(): void
}

/** Something that answers generations. */
export interface Engine {
  id: EngineId
  generate(request: GenerationRequest): Generation
}
