/**
 * The sign-in page. It is part of the main bundle, not a lazy chunk, because
 * it is the first thing a signed-out visitor needs. After a good sign-in it
 * opens the page that was asked for, when that page is on this site.
 */
import { useState, type FormEvent } from 'react'
import { useRouter, useSearch } from '@tanstack/react-router'
import { messageFor } from '../../core/errors'
import { useSession, useSessionStore } from '../../auth/session-context'
import { safeRedirect } from '../../auth/safe-redirect'
import { ApiRequestError } from '../../net/api-client'
import { APP_VERSION, BUILD_ID } from '../../app/build-info'

/** The `/login` route's component. */
export function LoginPage() {
  const session = useSessionStore()
  const state = useSession()
  const router = useRouter()
  const search = useSearch({ from: '/login' })
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const notice =
    state.status === 'signed-out' && state.reason
      ? messageFor(state.reason)
      : null

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!username.trim() || !password) {
      setError('Enter your username and password.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await session.signIn({ username: username.trim(), password })
      await router.navigate({
        href: safeRedirect(search.redirect, window.location.origin),
        replace: true,
      })
    } catch (caught) {
      setPassword('')
      setError(describe(caught))
      setBusy(false)
    }
  }

  return (
    <main className="centered-page login" id="main">
      <h1>Sign in to Enclave</h1>
      {notice && !error ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="login-username">Username</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          disabled={busy}
          autoFocus
          required
        />
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          disabled={busy}
          required
        />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="app-footer">
        Enclave {APP_VERSION} · build{' '}
        <span data-testid="build-id">{BUILD_ID}</span>
      </p>
    </main>
  )
}

function describe(error: unknown): string {
  if (!(error instanceof ApiRequestError)) {
    return messageFor('server_error')
  }
  if (error.code === 'too_many_attempts' && error.retryAfterSeconds) {
    const minutes = Math.ceil(error.retryAfterSeconds / 60)
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  }
  return error.message
}
