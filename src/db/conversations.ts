/**
 * The assistant's conversations and their messages in IndexedDB. Each
 * change is written at once, so a closed tab loses at most the tokens of an
 * answer still streaming; a message left `streaming` by a closed tab is
 * shown as stopped when the conversation is opened again.
 */
import type { ConversationRow, MessageRow } from './assistant-rows'
import { db as appDb, type EnclaveDatabase } from './database'

const TITLE_CHARS = 60

/** Reads and writes one user's conversations. */
export class ConversationStore {
  constructor(private readonly db: EnclaveDatabase = appDb) {}

  /** The user's conversations, most recently changed first. */
  list(userId: string): Promise<ConversationRow[]> {
    return this.db.conversations
      .where('[userId+updatedAt]')
      .between([userId, -Infinity], [userId, Infinity])
      .reverse()
      .toArray()
  }

  /** A new, empty conversation titled after its first message. */
  async create(userId: string, firstMessage: string): Promise<ConversationRow> {
    const now = Date.now()
    const row: ConversationRow = {
      id: crypto.randomUUID(),
      userId,
      title: titleOf(firstMessage),
      createdAt: now,
      updatedAt: now,
    }
    await this.db.conversations.add(row)
    return row
  }

  /** The messages of a conversation, in order; stale streams read as stopped. */
  async messages(conversationId: string): Promise<MessageRow[]> {
    const rows = await this.db.messages
      .where('[conversationId+seq]')
      .between([conversationId, -Infinity], [conversationId, Infinity])
      .toArray()
    return rows.map((row) =>
      row.status === 'streaming' ? { ...row, status: 'stopped' } : row,
    )
  }

  /** Add or replace a message, and mark the conversation as changed. */
  async save(message: MessageRow): Promise<void> {
    await this.db.transaction(
      'rw',
      this.db.messages,
      this.db.conversations,
      async () => {
        await this.db.messages.put(message)
        await this.db.conversations.update(message.conversationId, {
          updatedAt: Date.now(),
        })
      },
    )
  }

  /** Remove one message (a reply being regenerated). */
  async remove(messageId: string): Promise<void> {
    await this.db.messages.delete(messageId)
  }
}

/** A short one-line title from a message. */
export function titleOf(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim()
  return line.length > TITLE_CHARS
    ? `${line.slice(0, TITLE_CHARS - 1)}…`
    : line || 'New conversation'
}
