/**
 * The admin module: the user list for `users.manage` and the audit log for
 * `audit.read`, read-only for now. Creating and changing users, filters and
 * export are not built yet.
 */
import { PERMISSIONS } from '../../core/permissions'
import type { AuditRecord, UserRecord } from '../../core/protocol'
import { Can, useCan } from '../../auth/session-context'
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'
import { usePagedList, type PagedList } from './use-paged-list'

/** The `/admin` route's component. */
export default function AdminPage() {
  const canManage = useCan(PERMISSIONS.usersManage)
  const canAudit = useCan(PERMISSIONS.auditRead)
  const users = usePagedList<UserRecord>('users', canManage)
  const audit = usePagedList<AuditRecord>('audit', canAudit)

  return (
    <section className="page">
      <PageHeader module="admin" />
      <NotBuiltYet>
        Creating users, changing roles, resetting passwords, disabling accounts,
        and filtering or exporting the audit log will be here.
      </NotBuiltYet>

      <Can permission={PERMISSIONS.usersManage}>
        <h2>Users</h2>
        <ListStatus list={users} noun="users" />
        <table>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((user) => (
              <tr key={user.id}>
                <td>{user.username}</td>
                <td>{user.displayName}</td>
                <td>{user.roles.join(', ')}</td>
                <td>{user.disabled ? 'disabled' : 'active'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <MoreButton list={users} />
      </Can>

      <Can permission={PERMISSIONS.auditRead}>
        <h2>Audit log</h2>
        <ListStatus list={audit} noun="audit events" />
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {audit.items.map((event) => (
              <tr key={event.id}>
                <td>
                  <time dateTime={new Date(event.at).toISOString()}>
                    {new Date(event.at).toLocaleString()}
                  </time>
                </td>
                <td>{event.actor ?? '—'}</td>
                <td>{event.action}</td>
                <td>{event.target ?? '—'}</td>
                <td>{event.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <MoreButton list={audit} />
      </Can>
    </section>
  )
}

function ListStatus<T>(props: { list: PagedList<T>; noun: string }) {
  if (props.list.error) {
    return (
      <p className="form-error" role="alert">
        {props.list.error}{' '}
        <button type="button" onClick={props.list.loadMore}>
          Retry
        </button>
      </p>
    )
  }
  if (props.list.loading && props.list.items.length === 0) {
    return <p role="status">Loading {props.noun}…</p>
  }
  return null
}

function MoreButton<T>(props: { list: PagedList<T> }) {
  if (!props.list.hasMore || props.list.items.length === 0) {
    return null
  }
  return (
    <button
      type="button"
      onClick={props.list.loadMore}
      disabled={props.list.loading}
    >
      {props.list.loading ? 'Loading…' : 'Load more'}
    </button>
  )
}
