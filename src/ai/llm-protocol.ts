/**
 * Messages between the page and the local engine's worker. Plain data
 * only; the model is read from storage by the worker, never sent over.
 */
import type { GpuNeeds } from '../../models/model-catalog'
import type { ChatMessage } from '../core/protocol'
import type { AdapterFacts } from './gpu-capability'
import type { LocalErrorCode } from './llm-errors'

/** What the page asks the worker. */
export type LlmRequest =
  | { type: 'check' }
  | {
      type: 'load'
      /** File name in the model store. */
      file: string
      needs: GpuNeeds | null
      /** The context window: prompt and answer together, in tokens. */
      contextTokens: number
    }
  | {
      type: 'generate'
      id: string
      messages: ChatMessage[]
      /** Tokens kept free for the answer. */
      answerTokens: number
    }
  | { type: 'cancel'; id: string }

/** What the worker answers. */
export type LlmReply =
  | { type: 'checked'; facts: AdapterFacts }
  | { type: 'loaded'; loadMs: number }
  | { type: 'load-failed'; code: LocalErrorCode; detail: string }
  | { type: 'token'; id: string; text: string }
  | {
      type: 'done'
      id: string
      droppedMessages: number
      promptTokens: number
    }
  | { type: 'failed'; id: string; code: LocalErrorCode; detail: string }
