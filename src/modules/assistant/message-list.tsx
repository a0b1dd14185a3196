/**
 * The open conversation's messages, virtualized with TanStack Virtual so a
 * long chat renders only what is on screen. Rows are measured as they
 * render (answers grow while streaming), and the list follows the newest
 * message while the reader is at the bottom.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { MessageRow } from '../../db/assistant-rows'
import { MessageView } from './message-view'

/** The scrolling list of messages. */
export function MessageList(props: {
  messages: MessageRow[]
  busy: boolean
  onRegenerate: () => void
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const { messages } = props
  // The virtualizer's functions change every render by design; this
  // component does not memoise them, so the compiler's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (index) => messages[index]?.id ?? index,
  })

  const last = messages.at(-1)
  useEffect(() => {
    if (atBottom.current && messages.length > 0) {
      virtualizer.scrollToIndex(messages.length - 1, { align: 'end' })
    }
  }, [messages.length, last?.content, virtualizer])

  return (
    <div
      className="message-list"
      ref={scroller}
      role="log"
      aria-label="Conversation"
      aria-live="polite"
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget
        atBottom.current =
          element.scrollHeight - element.scrollTop - element.clientHeight < 48
      }}
    >
      <div
        className="message-list-inner"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const message = messages[item.index]
          if (!message) return null
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="message-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <MessageView
                message={message}
                isLast={item.index === messages.length - 1}
                busy={props.busy}
                onRegenerate={props.onRegenerate}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}
