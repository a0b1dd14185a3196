/**
 * Where the user writes. Enter sends, Shift+Enter adds a line; while an
 * answer is being generated the Send button becomes Stop.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react'

/** The message box with Send and Stop. */
export function Composer(props: {
  busy: boolean
  onSend: (text: string) => void
  onStop: () => void
}) {
  const [text, setText] = useState('')

  function submit(event?: FormEvent) {
    event?.preventDefault()
    const prompt = text.trim()
    if (!prompt || props.busy) return
    setText('')
    props.onSend(prompt)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      submit(event)
    }
  }

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor="assistant-message" className="visually-hidden">
        Message
      </label>
      <textarea
        id="assistant-message"
        value={text}
        rows={2}
        placeholder="Ask the assistant…"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {props.busy ? (
        <button type="button" onClick={props.onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" disabled={!text.trim()}>
          Send
        </button>
      )}
    </form>
  )
}
