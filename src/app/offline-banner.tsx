/**
 * Tells a signed-in user that the server cannot be reached and what that
 * means: what is on this device keeps working; what needs the server says
 * so where it is.
 */
import { useSession } from '../auth/session-context'
import { useOnline } from './use-online'

/** Whether the app is working without the server right now. */
export function useOffline(): boolean {
  const online = useOnline()
  const state = useSession()
  return !online || (state.status === 'signed-in' && state.offline)
}

/** The banner under the shell header, shown only while offline. */
export function OfflineBanner() {
  const offline = useOffline()
  if (!offline) {
    return null
  }
  return (
    <p className="offline-banner" role="status">
      You are offline. Enclave keeps working with what is on this device;
      actions that need the server are unavailable until you reconnect.
    </p>
  )
}
