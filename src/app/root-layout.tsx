/**
 * The outermost layout: every page, signed in or not, renders inside it.
 * When the session ends while a protected page is open (sign-out in another
 * tab, a revoked session), it re-runs the guards so that page is replaced by
 * sign-in at once instead of staying on screen.
 */
import { useEffect } from 'react'
import { Outlet, useRouter } from '@tanstack/react-router'
import { useSessionStore } from '../auth/session-context'
import { AppNotices } from './pwa/app-notices'

/** The root route's component. */
export function RootLayout() {
  const router = useRouter()
  const session = useSessionStore()

  useEffect(() => {
    let previous = session.getState().status
    return session.subscribe(() => {
      const status = session.getState().status
      if (status !== previous) {
        previous = status
        void router.invalidate()
      }
    })
  }, [router, session])

  return (
    <>
      <Outlet />
      <AppNotices />
    </>
  )
}
