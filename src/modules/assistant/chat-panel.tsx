/**
 * The open chat: its messages and the message box. Mounted once per opened
 * conversation (the page gives it a new key to open another one).
 */
import type { ChatEnvironment } from './use-chat'
import { useChat } from './use-chat'
import { Composer } from './composer'
import { MessageList } from './message-list'

/** One conversation's chat. */
export function ChatPanel(props: {
  conversationId: string | null
  env: ChatEnvironment
  ready: boolean
}) {
  const chat = useChat(props.conversationId, props.env)

  return (
    <div className="assistant-chat">
      {chat.messages.length === 0 ? (
        <p className="muted">
          Ask anything. Answers you have had before come from this device, also
          offline.
        </p>
      ) : null}
      <MessageList
        messages={chat.messages}
        busy={chat.busy}
        onRegenerate={() => void chat.regenerate()}
      />
      {props.ready ? (
        <Composer
          busy={chat.busy}
          onSend={(text) => void chat.send(text)}
          onStop={chat.stop}
        />
      ) : (
        <p role="status">Getting the assistant ready…</p>
      )}
    </div>
  )
}
