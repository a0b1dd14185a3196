/**
 * The user's conversations, newest first, virtualized so hundreds of them
 * scroll smoothly. Choosing one opens it; "New chat" starts an empty one.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { ConversationRow } from '../../db/assistant-rows'

const ROW_HEIGHT = 40

/** The conversation sidebar. */
export function ConversationList(props: {
  conversations: ConversationRow[]
  openId: string | null
  onOpen: (id: string | null) => void
}) {
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer's functions change every render by design; this
  // component does not memoise them, so the compiler's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })

  return (
    <nav className="conversation-list" aria-label="Conversations">
      <button type="button" onClick={() => props.onOpen(null)}>
        New chat
      </button>
      {props.conversations.length === 0 ? (
        <p className="muted">No conversations yet.</p>
      ) : null}
      <div className="conversation-scroller" ref={scroller}>
        <ul style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const conversation = props.conversations[item.index]
            if (!conversation) return null
            const open = conversation.id === props.openId
            return (
              <li
                key={conversation.id}
                style={{
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <button
                  type="button"
                  aria-current={open ? 'true' : undefined}
                  onClick={() => props.onOpen(conversation.id)}
                >
                  {conversation.title}
                </button>
              </li>
            )
          })}
        </ul>
      </div>
    </nav>
  )
}
