/**
 * The signed-in frame around every module: the menu of modules this user may
 * open, who is signed in, and Sign out. It renders nothing once the session
 * is gone, so a protected page never shows after sign-out, not even for the
 * moment before the guard redirects.
 */
import { Link, Outlet, useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { visibleModules } from '../core/modules'
import { useSession, useSessionStore } from '../auth/session-context'
import { OfflineBanner } from './offline-banner'
import { InstallButton } from './pwa/install-button'

/** The guarded layout route's component. */
export function Shell() {
  const state = useSession()
  const session = useSessionStore()
  const router = useRouter()
  const [signingOut, setSigningOut] = useState(false)

  if (state.status !== 'signed-in') {
    return null
  }
  const { user } = state

  async function signOut() {
    setSigningOut(true)
    await session.signOut()
    await router.navigate({ to: '/login', replace: true })
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <span className="brand">Enclave</span>
        <nav aria-label="Modules">
          <ul>
            {visibleModules(user.permissions).map((entry) => (
              <li key={entry.id}>
                <Link
                  to={entry.path}
                  activeOptions={{ exact: entry.path === '/' }}
                  activeProps={{ 'aria-current': 'page' }}
                >
                  {entry.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <InstallButton />
          <span className="account-name" title={user.roles.join(', ')}>
            {user.displayName}
            <span className="account-roles"> ({user.roles.join(', ')})</span>
          </span>
          <button
            type="button"
            onClick={() => void signOut()}
            disabled={signingOut}
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
