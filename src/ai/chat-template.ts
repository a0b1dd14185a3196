/**
 * Turns a conversation into one prompt in the model family's chat format,
 * dropping the oldest turns until it fits the context window. Pure: the
 * token count is passed in (the worker passes the engine's `sizeInTokens`),
 * so trimming is tested without a model.
 */
import type { ChatMessage } from '../core/protocol'

/** Counts the tokens of a prompt with the model's own tokenizer. */
export type TokenCounter = (text: string) => number

/** A prompt ready for the engine, and how many turns it had to drop. */
export interface BuiltPrompt {
  text: string
  droppedMessages: number
  tokens: number
}

/**
 * Gemma's turn format: roles `user` and `model`, no system role, so
 * system text leads the first user turn; the prompt ends with an open
 * model turn for the answer.
 */
export function gemmaPrompt(messages: ChatMessage[]): string {
  const system = messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content)
    .join('\n\n')
  let lead = system
  let text = ''
  for (const message of messages) {
    if (message.role === 'system') continue
    const role = message.role === 'assistant' ? 'model' : 'user'
    let content = message.content
    if (role === 'user' && lead) {
      content = `${lead}\n\n${content}`
      lead = ''
    }
    text += `<start_of_turn>${role}\n${content}<end_of_turn>\n`
  }
  return `${text}<start_of_turn>model\n`
}

/**
 * The longest recent part of the conversation whose prompt fits `budget`
 * tokens. System messages and the newest message are always kept: without
 * the question there is nothing to answer, and a question too long on its
 * own is left for the engine to refuse.
 */
export function fitPrompt(
  messages: ChatMessage[],
  count: TokenCounter,
  budget: number,
): BuiltPrompt {
  const system = messages.filter((message) => message.role === 'system')
  const turns = messages.filter((message) => message.role !== 'system')
  for (let dropped = 0; dropped < turns.length; dropped++) {
    let kept = turns.slice(dropped)
    // A conversation in Gemma's format opens with a user turn.
    while (kept.length > 1 && kept[0]?.role === 'assistant') {
      kept = kept.slice(1)
    }
    const text = gemmaPrompt([...system, ...kept])
    const tokens = count(text)
    if (tokens <= budget || kept.length === 1) {
      return { text, tokens, droppedMessages: turns.length - kept.length }
    }
  }
  const text = gemmaPrompt(system)
  return { text, tokens: count(text), droppedMessages: turns.length }
}
