/**
 * Where a signed-in user lands when they open a module their roles do not
 * allow. It names what is missing and what they have, so they know what to
 * ask an administrator for.
 */
import { Link, useSearch } from '@tanstack/react-router'
import { moduleById } from '../../core/modules'
import { useSession } from '../../auth/session-context'

/** The `/forbidden` route's component. */
export function ForbiddenPage() {
  const search = useSearch({ from: '/shell/forbidden' })
  const state = useSession()
  const entry = search.module ? moduleById(search.module) : null
  const needed =
    entry && entry.access.kind === 'any-of' ? entry.access.permissions : []
  const roles = state.status === 'signed-in' ? state.user.roles : []

  return (
    <section className="page">
      <h1>You do not have access to this page</h1>
      {entry ? (
        <p>
          Opening <strong>{entry.title}</strong> needs the permission{' '}
          {needed.map((permission, index) => (
            <span key={permission}>
              {index > 0 ? ' or ' : ''}
              <code>{permission}</code>
            </span>
          ))}
          .
        </p>
      ) : (
        <p>Your roles do not include the permission this page needs.</p>
      )}
      <p>
        Your roles: <strong>{roles.join(', ') || 'none'}</strong>. Ask an
        administrator to change your roles if you need this.
      </p>
      <Link to="/">Go to the dashboard</Link>
    </section>
  )
}
