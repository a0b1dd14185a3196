/**
 * Settings: the account as the server sees it, the engine choice and the
 * local engine's status, models, storage and the version. Privacy and
 * appearance are not built yet.
 */
import { useSession } from '../../auth/session-context'
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'
import { AccountCheck } from './account-check'
import { APP_VERSION, BUILD_ID } from '../../app/build-info'
import { StorageSection } from './storage-section'
import { EngineSection } from './engine-section'
import { ModelsSection } from './models-section'
import { PERMISSIONS } from '../../core/permissions'

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
      <EngineSection
        userId={user.id}
        cloudPermitted={user.permissions.includes(PERMISSIONS.assistantCloud)}
      />
      <ModelsSection />
      <StorageSection />
      <h2>About</h2>
      <p>
        Enclave {APP_VERSION}, build {BUILD_ID}.
      </p>
      <NotBuiltYet>
        Here you will also set privacy and appearance options.
      </NotBuiltYet>
    </section>
  )
}
