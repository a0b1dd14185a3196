/**
 * The dashboard: the modules this user may open, the connection state and
 * the local engine's status. Storage and recent activity are not built
 * yet.
 */
import { Link } from '@tanstack/react-router'
import { visibleModules } from '../../core/modules'
import { useSession } from '../../auth/session-context'
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'
import { useOnline } from '../../app/use-online'
import { LocalEngineLine } from '../settings/local-engine-line'

/** The `/` route's component. */
export default function DashboardPage() {
  const state = useSession()
  const online = useOnline()
  if (state.status !== 'signed-in') {
    return null
  }
  const modules = visibleModules(state.user.permissions).filter(
    (entry) => entry.id !== 'dashboard',
  )

  return (
    <section className="page">
      <PageHeader module="dashboard" />
      <p>
        Signed in as <strong>{state.user.displayName}</strong>. Connection:{' '}
        <strong>{online ? 'online' : 'offline'}</strong>.
      </p>
      <LocalEngineLine />
      <h2>Your modules</h2>
      <ul className="module-cards">
        {modules.map((entry) => (
          <li key={entry.id}>
            <Link to={entry.path}>{entry.title}</Link>
            <p>{entry.summary}</p>
          </li>
        ))}
      </ul>
      <NotBuiltYet>
        This page will also show how much storage Enclave uses and your recent
        activity.
      </NotBuiltYet>
    </section>
  )
}
