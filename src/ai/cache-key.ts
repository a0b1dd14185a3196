/**
 * The response cache's key: a SHA-256 over everything an answer depends
 * on. The prompt is normalised first (case, runs of whitespace, trailing
 * punctuation), so "What is RBAC?" and "what is  rbac" share an answer;
 * the earlier turns of the conversation, the model and the parameters are
 * not, since any change in them can change the answer.
 *
 * Bumping CACHE_VERSION changes every key, which invalidates every entry
 * at once; do it whenever what a key covers or how it is computed changes.
 */
import type { ChatMessage } from '../core/protocol'

/** Part of every key; bump to invalidate every cached answer. */
export const CACHE_VERSION = 1

/** What an answer depends on. */
export interface CacheKeyInput {
  /** The user's new message. */
  prompt: string
  /** The earlier turns the answer was generated with. */
  context: readonly ChatMessage[]
  model: string
  params: { temperature?: number; maxTokens?: number }
  version?: number
}

// Trailing marks that do not change what is asked: ASCII, CJK and
// typographic sentence ends, and closing quotes.
const TRAILING_PUNCTUATION = /[\s.!?,;:…。！？、"'”’)]+$/u

/** The prompt folded to what matters for a cache lookup. */
export function normalisePrompt(prompt: string): string {
  return prompt
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(TRAILING_PUNCTUATION, '')
}

/** The exact text that is hashed; stable for equal inputs. */
export function cacheKeyMaterial(input: CacheKeyInput): string {
  return JSON.stringify([
    input.version ?? CACHE_VERSION,
    normalisePrompt(input.prompt),
    input.context.map((message) => [message.role, message.content]),
    input.model,
    input.params.temperature ?? null,
    input.params.maxTokens ?? null,
  ])
}

/** The key: lowercase hex SHA-256 of the material. */
export async function cacheKey(input: CacheKeyInput): Promise<string> {
  const bytes = new TextEncoder().encode(cacheKeyMaterial(input))
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return Array.from(new Uint8Array(digest), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('')
}
