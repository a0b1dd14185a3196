/**
 * The chat's state: the open conversation's messages, the answer being
 * generated and the actions on it (send, stop, regenerate). Messages are
 * written to IndexedDB as they change, so a reload reopens the chat.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Generation } from '../../ai/engine'
import type { EngineSetting } from '../../ai/engine-policy'
import type { ChatMessage } from '../../core/protocol'
import type { MessageRow } from '../../db/assistant-rows'
import { ConversationStore } from '../../db/conversations'
import type { ApiCall } from '../../net/chat-stream'
import { ask } from './ask'

const conversations = new ConversationStore()

// The answer depends on the turns before it; the last ones are enough and
// keep the request well under the server's body limit.
const CONTEXT_MESSAGES = 20

/** What the chat needs from the page around it. */
export interface ChatEnvironment {
  userId: string
  model: string
  online: boolean
  cloudPermitted: boolean
  setting: EngineSetting
  call: ApiCall
  /** Told when a new conversation is created, to refresh the list. */
  onConversationCreated: (id: string) => void
}

/**
 * The chat's state and actions for one conversation, opened once: the page
 * remounts the chat (with a new React key) to open another, so a
 * conversation created here by the first message keeps its live state.
 */
export function useChat(conversationId: string | null, env: ChatEnvironment) {
  const [messages, setMessages] = useState<MessageRow[]>([])
  const [activeId, setActiveId] = useState<string | null>(conversationId)
  const [busy, setBusy] = useState(false)
  const generation = useRef<Generation | null>(null)
  const envRef = useRef(env)
  useEffect(() => {
    envRef.current = env
  })

  useEffect(() => {
    if (conversationId === null) return
    let current = true
    void conversations.messages(conversationId).then((rows) => {
      if (current) setMessages(rows)
    })
    return () => {
      current = false
    }
  }, [conversationId])

  const update = useCallback((row: MessageRow) => {
    setMessages((rows) => {
      const index = rows.findIndex((item) => item.id === row.id)
      if (index === -1) return [...rows, row]
      const next = [...rows]
      next[index] = row
      return next
    })
  }, [])

  const generate = useCallback(
    async (
      chatId: string,
      prompt: string,
      context: ChatMessage[],
      reply: MessageRow,
      bypassCache: boolean,
    ) => {
      const current = envRef.current
      setBusy(true)
      update(reply)
      await conversations.save(reply)
      let row = reply
      const outcome = await ask(
        { ...current, prompt, context, bypassCache },
        (started, engine, reason) => {
          generation.current = started
          row = { ...row, engine, reason }
        },
        (token) => {
          row = { ...row, content: row.content + token }
          update(row)
        },
      )
      generation.current = null
      if (outcome.kind === 'answered') {
        const { summary } = outcome
        row = {
          ...row,
          content: outcome.text,
          status: summary.finishReason === 'aborted' ? 'stopped' : 'done',
          engine: summary.engine,
          model: summary.model,
          firstTokenMs: summary.firstTokenMs,
          tokensPerSecond: summary.tokensPerSecond,
          finishReason: summary.finishReason,
        }
      } else {
        row = {
          ...row,
          content: outcome.text,
          status: 'failed',
          error: outcome.code,
          retryAfterSeconds: outcome.retryAfterSeconds,
        }
      }
      update(row)
      await conversations.save({ ...row, conversationId: chatId })
      setBusy(false)
    },
    [update],
  )

  /** Send a new message and answer it. */
  const send = useCallback(
    async (prompt: string) => {
      const current = envRef.current
      let chatId = activeId
      if (chatId === null) {
        chatId = (await conversations.create(current.userId, prompt)).id
        setActiveId(chatId)
        current.onConversationCreated(chatId)
      }
      const seq = messages.length
      const question: MessageRow = {
        id: crypto.randomUUID(),
        conversationId: chatId,
        seq,
        role: 'user',
        content: prompt,
        status: 'done',
        createdAt: Date.now(),
      }
      update(question)
      await conversations.save(question)
      await generate(
        chatId,
        prompt,
        contextOf(messages),
        replyTo(chatId, seq + 1),
        false,
      )
    },
    [activeId, messages, update, generate],
  )

  /** Answer the last question again, skipping the cache. */
  const regenerate = useCallback(async () => {
    const last = messages.at(-1)
    const question = messages.at(-2)
    if (!activeId || last?.role !== 'assistant' || question?.role !== 'user') {
      return
    }
    const context = contextOf(messages.slice(0, -2))
    await generate(
      activeId,
      question.content,
      context,
      { ...replyTo(activeId, last.seq), id: last.id },
      true,
    )
  }, [activeId, messages, generate])

  /** Stop the answer being generated. */
  const stop = useCallback(() => {
    generation.current?.abort()
  }, [])

  return { conversationId: activeId, messages, busy, send, regenerate, stop }
}

function replyTo(conversationId: string, seq: number): MessageRow {
  return {
    id: crypto.randomUUID(),
    conversationId,
    seq,
    role: 'assistant',
    content: '',
    status: 'streaming',
    createdAt: Date.now(),
  }
}

function contextOf(rows: MessageRow[]): ChatMessage[] {
  return rows
    .filter((row) => row.status === 'done')
    .slice(-CONTEXT_MESSAGES)
    .map((row) => ({ role: row.role, content: row.content }))
}
