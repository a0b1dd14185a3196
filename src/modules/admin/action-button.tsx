/**
 * A button for an action the server must carry out. Offline it is disabled
 * and says "needs a connection" beside itself, so nobody wonders why it does
 * nothing; while its request runs it shows a busy label.
 */
import { useId, type ButtonHTMLAttributes, type Ref } from 'react'
import { useOffline } from '../../app/offline-banner'

/** Props of an ActionButton: a button's, plus the busy state. */
export interface ActionButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy?: boolean
  busyLabel?: string
  ref?: Ref<HTMLButtonElement>
}

/** A button that needs the server. */
export function ActionButton(props: ActionButtonProps) {
  const { busy = false, busyLabel, children, disabled, ...rest } = props
  const online = !useOffline()
  const noteId = useId()

  return (
    <span className="action">
      <button
        type="button"
        {...rest}
        disabled={!online || busy || disabled}
        aria-describedby={online ? rest['aria-describedby'] : noteId}
      >
        {busy && busyLabel ? busyLabel : children}
      </button>
      {online ? null : (
        <span id={noteId} className="needs-connection">
          needs a connection
        </span>
      )}
    </span>
  )
}
