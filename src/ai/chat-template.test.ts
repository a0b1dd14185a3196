import { describe, expect, it } from 'vitest'
import type { ChatMessage } from '../core/protocol'
import { fitPrompt, gemmaPrompt } from './chat-template'

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

const chat: ChatMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'one two three' },
  { role: 'assistant', content: 'four five six' },
  { role: 'user', content: 'seven eight' },
]

describe('gemmaPrompt', () => {
  it('writes user and model turns and ends with an open model turn', () => {
    expect(gemmaPrompt(chat)).toBe(
      '<start_of_turn>user\nBe brief.\n\none two three<end_of_turn>\n' +
        '<start_of_turn>model\nfour five six<end_of_turn>\n' +
        '<start_of_turn>user\nseven eight<end_of_turn>\n' +
        '<start_of_turn>model\n',
    )
  })
})

describe('fitPrompt', () => {
  it('keeps the whole conversation when it fits', () => {
    const built = fitPrompt(chat, words, 100)
    expect(built.droppedMessages).toBe(0)
    expect(built.text).toBe(gemmaPrompt(chat))
  })

  it('drops the oldest turns first and never opens with a model turn', () => {
    const built = fitPrompt(chat, words, 6)
    expect(built.droppedMessages).toBe(2)
    expect(built.text).toBe(
      '<start_of_turn>user\nBe brief.\n\nseven eight<end_of_turn>\n' +
        '<start_of_turn>model\n',
    )
    expect(built.tokens).toBeLessThanOrEqual(6)
  })

  it('keeps the newest message even when it alone is over the budget', () => {
    const built = fitPrompt(chat, words, 1)
    expect(built.text).toContain('seven eight')
    expect(built.droppedMessages).toBe(2)
  })
})
