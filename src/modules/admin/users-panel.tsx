/**
 * The Users tab: find users by name and role, create one, and manage the
 * one chosen. Needs `users.manage`; the server checks it on every call.
 */
import { useId, useState } from 'react'
import { ALL_ROLES } from '../../core/permissions'
import { useOffline } from '../../app/offline-banner'
import type { UserRecord } from '../../core/protocol'
import { CreateUserForm } from './create-user-form'
import { ManageUser } from './manage-user'
import { useCursorList } from './use-cursor-list'
import { useDebounced } from './use-debounced'

const PAGE_SIZE = 50

/** The users tab panel's content. */
export function UsersPanel() {
  const id = useId()
  const [search, setSearch] = useState('')
  const [role, setRole] = useState('')
  const [selected, setSelected] = useState<UserRecord | null>(null)
  // Bumped after a change, so the list reloads and shows it.
  const [version, setVersion] = useState(0)
  const q = useDebounced(search.trim(), 250)

  const params = new URLSearchParams({ limit: String(PAGE_SIZE) })
  if (q) {
    params.set('q', q)
  }
  if (role) {
    params.set('role', role)
  }
  const query = params.toString()

  function changed(user: UserRecord) {
    setSelected(user)
    setVersion((previous) => previous + 1)
  }

  return (
    <>
      <h2>Users</h2>
      <div className="toolbar" role="search" aria-label="Find users">
        <div className="field">
          <label htmlFor={`${id}-search`}>Search users</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Username or name"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => setRole(event.target.value)}
          >
            <option value="">Any role</option>
            {ALL_ROLES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <UserList
        key={`${query}#${version}`}
        query={query}
        selectedId={selected?.id ?? null}
        onManage={setSelected}
      />

      {selected ? (
        <ManageUser
          key={selected.id}
          user={selected}
          onChanged={changed}
          onClose={() => setSelected(null)}
        />
      ) : null}

      <CreateUserForm
        onCreated={() => setVersion((previous) => previous + 1)}
      />
    </>
  )
}

function UserList(props: {
  query: string
  selectedId: string | null
  onManage: (user: UserRecord) => void
}) {
  const list = useCursorList<UserRecord>('users', props.query)
  const offline = useOffline()

  return (
    <div className="user-list">
      {list.error ? (
        <div className="form-error" role="alert">
          <p>
            {offline
              ? 'The user list needs a connection. It loads again when you are back online.'
              : list.error}
          </p>
          <button type="button" onClick={list.loadMore}>
            Retry
          </button>
        </div>
      ) : null}
      {list.loading && list.items.length === 0 ? (
        <p role="status">Loading users…</p>
      ) : null}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <p role="status">No users match.</p>
      ) : null}
      {list.items.length > 0 ? (
        <table aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((user) => (
              <tr
                key={user.id}
                className={
                  user.id === props.selectedId ? 'selected' : undefined
                }
              >
                <td>{user.username}</td>
                <td>{user.displayName}</td>
                <td>{user.roles.join(', ')}</td>
                <td>
                  <span className={user.disabled ? 'badge off' : 'badge on'}>
                    {user.disabled ? 'disabled' : 'active'}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Manage ${user.username}`}
                    onClick={() => props.onManage(user)}
                  >
                    Manage
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.hasMore && list.items.length > 0 ? (
        <button type="button" onClick={list.loadMore} disabled={list.loading}>
          {list.loading ? 'Loading…' : 'Load more users'}
        </button>
      ) : null}
    </div>
  )
}
