/**
 * The shapes of the assistant's IndexedDB rows. The tables themselves are
 * declared in `database.ts` (version 2); changing a field's meaning here
 * needs a new database version with an upgrade, or old rows will be misread.
 */
import type { EngineId } from '../ai/engine'
import type { ErrorCode } from '../core/errors'
import type { FinishReason } from '../core/protocol'

/** One cached answer of one user. */
export interface ResponseRow {
  /** `<userId>:<cache key>`. */
  id: string
  userId: string
  key: string
  answer: string
  model: string
  /** The cache version the key was made under. */
  version: number
  createdAt: number
  lastUsedAt: number
  hits: number
  /** UTF-8 bytes of the answer and prompt, for the byte cap. */
  bytes: number
}

/** One conversation of one user. */
export interface ConversationRow {
  id: string
  userId: string
  title: string
  createdAt: number
  updatedAt: number
}

/** How far a message got. */
export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'failed'

/** One message of a conversation. */
export interface MessageRow {
  id: string
  conversationId: string
  /** Order within the conversation, from 0. */
  seq: number
  role: 'user' | 'assistant'
  content: string
  status: MessageStatus
  createdAt: number
  engine?: EngineId
  /** Why the engine policy chose that engine, in words. */
  reason?: string
  model?: string
  firstTokenMs?: number | null
  tokensPerSecond?: number | null
  finishReason?: FinishReason
  error?: ErrorCode
  /** When the error is a rate limit: seconds to wait. */
  retryAfterSeconds?: number | null
}

/** One generation's measured figures; never its text. */
export interface MetricRow {
  id?: number
  userId: string
  at: number
  engine: EngineId
  /** Cold: the engine's first generation since the page opened. */
  warmth: 'cold' | 'warm'
  firstTokenMs: number | null
  totalMs: number
  tokens: number
  cacheHit: boolean
  /** True when the generation ended in an error rather than an answer. */
  failed?: boolean
}

/** One small per-device value. */
export interface SettingRow {
  key: string
  value: string
}
