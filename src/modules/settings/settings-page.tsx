/**
 * Settings: the account as the server sees it, storage and the version.
 * Models, engine policy, privacy and appearance are not built yet.
 */
import { useSession } from '../../auth/session-context'
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'
import { AccountCheck } from './account-check'
import { APP_VERSION, BUILD_ID } from '../../app/build-info'
import { StorageSection } from './storage-section'

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
      <AccountCheck />
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
      <StorageSection />
      <h2>About</h2>
      <p>
        Enclave {APP_VERSION}, build {BUILD_ID}.
      </p>
      <NotBuiltYet>
        Here you will install and remove on-device models, choose which engine
        answers, free storage, and set privacy and appearance options.
      </NotBuiltYet>
    </section>
  )
}
