/**
 * Settings: the account as the server sees it. Models, engine policy,
 * storage, privacy and appearance are not built yet.
 */
import { useSession } from '../../auth/session-context'
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'

/** The `/settings` route's component. */
export default function SettingsPage() {
  const state = useSession()
  if (state.status !== 'signed-in') {
    return null
  }
  const { user } = state

  return (
    <section className="page">
      <PageHeader module="settings" />
      <h2>Account</h2>
      <dl className="facts">
        <dt>Username</dt>
        <dd>{user.username}</dd>
        <dt>Name</dt>
        <dd>{user.displayName}</dd>
        <dt>Roles</dt>
        <dd>{user.roles.join(', ')}</dd>
        <dt>Permissions</dt>
        <dd>
          {user.permissions.map((permission) => (
            <code key={permission}>{permission} </code>
          ))}
        </dd>
      </dl>
      <NotBuiltYet>
        Here you will install and remove on-device models, choose which engine
        answers, see and free storage, and set privacy and appearance options.
      </NotBuiltYet>
    </section>
  )
}
