/**
 * One message of the chat. A reply renders its Markdown as it streams, a
 * skeleton until the first token, and under it which engine answered, the
 * time to first token and tokens per second (or "from cache"), with Copy
 * and, on the last reply, Regenerate.
 *
 * Markdown goes through react-markdown without any raw-HTML plugin, so HTML
 * in an answer is never turned into elements and a `<script>` never runs;
 * its default URL filter drops `javascript:` links. Keep it that way.
 */
import { useState } from 'react'
import Markdown from 'react-markdown'
import type { MessageRow } from '../../db/assistant-rows'
import { ChatFailure } from './chat-failure'

const ENGINE_LABELS = {
  cache: 'from cache',
  cloud: 'cloud model',
  local: 'this device',
} as const

/** A message bubble with its figures and actions. */
export function MessageView(props: {
  message: MessageRow
  isLast: boolean
  busy: boolean
  onRegenerate: () => void
}) {
  const { message } = props
  const [copied, setCopied] = useState(false)

  if (message.role === 'user') {
    return (
      <article className="message message-user" aria-label="You said">
        <p>{message.content}</p>
      </article>
    )
  }

  async function copy() {
    await navigator.clipboard.writeText(message.content)
    setCopied(true)
  }

  const streaming = message.status === 'streaming'
  return (
    <article
      className="message message-assistant"
      aria-label="Assistant replied"
      aria-busy={streaming}
    >
      {message.content === '' && streaming ? (
        <div className="skeleton" role="status" aria-label="Answering…">
          <span />
          <span />
          <span />
        </div>
      ) : (
        <div className="markdown">
          <Markdown>{message.content}</Markdown>
        </div>
      )}
      {message.status === 'failed' && message.error ? (
        <ChatFailure
          code={message.error}
          retryAfterSeconds={message.retryAfterSeconds}
        />
      ) : null}
      {message.status === 'stopped' ? (
        <p className="message-note">Stopped.</p>
      ) : null}
      <footer className="message-meta">
        <Figures message={message} />
        {!streaming && message.content ? (
          <button type="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        ) : null}
        {props.isLast && !props.busy ? (
          <button type="button" onClick={props.onRegenerate}>
            Regenerate
          </button>
        ) : null}
      </footer>
    </article>
  )
}

function Figures(props: { message: MessageRow }) {
  const { engine, status, firstTokenMs, tokensPerSecond } = props.message
  if (!engine || status === 'streaming' || status === 'failed') {
    return null
  }
  const { reason } = props.message
  if (engine === 'cache') {
    return (
      <span className="figures">From cache{reason ? ` · ${reason}` : ''}</span>
    )
  }
  const parts: string[] = [ENGINE_LABELS[engine]]
  if (firstTokenMs !== null && firstTokenMs !== undefined) {
    parts.push(`first token ${Math.round(firstTokenMs)} ms`)
  }
  if (tokensPerSecond !== null && tokensPerSecond !== undefined) {
    parts.push(`${tokensPerSecond.toFixed(1)} tokens/s`)
  }
  if (reason) {
    parts.push(`why: ${reason}`)
  }
  return <span className="figures">{parts.join(' · ')}</span>
}
