/**
 * Why an answer failed, in the catalog's words, announced to screen
 * readers. A rate limit also says when to try again.
 */
import { messageFor, type ErrorCode } from '../../core/errors'

/** The failure notice under a reply that did not finish. */
export function ChatFailure(props: {
  code: ErrorCode
  retryAfterSeconds: number | null | undefined
}) {
  const retry = props.retryAfterSeconds
  return (
    <p className="chat-failure" role="alert">
      {messageFor(props.code)}
      {retry ? ` Try again in ${formatWait(retry)}.` : ''}
    </p>
  )
}

/** A wait in words: "45 seconds", "2 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 90) {
    return `${seconds} second${seconds === 1 ? '' : 's'}`
  }
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minutes`
}
