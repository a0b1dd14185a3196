/**
 * Confirms the account with the server each time Settings opens, so what
 * the page shows is what the server holds now, not only what the last token
 * said. It is also how a change an administrator made reaches this session:
 * a disabled account is refused here and the app goes to sign-in with the
 * reason; changed roles arrive with the refreshed token.
 */
import { useEffect, useState } from 'react'
import type { MeResponse } from '../../core/protocol'
import { useSessionStore } from '../../auth/session-context'
import { useOffline } from '../../app/offline-banner'
import { ApiRequestError } from '../../net/api-client'

type Check =
  | { status: 'checking' }
  | { status: 'confirmed'; at: number }
  | { status: 'failed'; message: string }

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

/** One line saying whether the server confirmed the account. */
export function AccountCheck() {
  const session = useSessionStore()
  const online = !useOffline()
  const [check, setCheck] = useState<Check>({ status: 'checking' })

  useEffect(() => {
    if (!online) {
      return
    }
    const controller = new AbortController()
    session.request<MeResponse>('me', { signal: controller.signal }).then(
      () => setCheck({ status: 'confirmed', at: Date.now() }),
      (caught: unknown) => {
        if (caught instanceof DOMException && caught.name === 'AbortError') {
          return
        }
        setCheck({
          status: 'failed',
          message:
            caught instanceof ApiRequestError
              ? caught.message
              : 'The account could not be checked.',
        })
      },
    )
    return () => controller.abort()
  }, [online, session])

  if (!online) {
    return (
      <p className="account-check" role="status">
        Offline: showing the account as of your last sign-in. Checking it with
        the server needs a connection.
      </p>
    )
  }
  if (check.status === 'failed') {
    return (
      <p className="form-error" role="alert">
        {check.message}
      </p>
    )
  }
  return (
    <p className="account-check" role="status">
      {check.status === 'checking'
        ? 'Checking your account with the server…'
        : `The server confirmed your account at ${TIME_FORMAT.format(check.at)}.`}
    </p>
  )
}
