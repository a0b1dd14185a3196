/**
 * The form that creates a user with a username, a display name, an initial
 * password and one or more roles. The server checks the password against
 * its list of common ones; the form checks only the length first.
 */
import { useState, type FormEvent } from 'react'
import type { Role } from '../../core/permissions'
import { PASSWORD_MIN } from '../../core/password-policy'
import type { CreateUserRequest, UserRecord } from '../../core/protocol'
import { useSessionStore } from '../../auth/session-context'
import { ActionButton } from './action-button'
import { FormAlert, formFailure, type FormFailure } from './form-failure'
import { RolePicker } from './role-picker'

/** The "Create a user" form. */
export function CreateUserForm(props: {
  onCreated: (user: UserRecord) => void
}) {
  const session = useSessionStore()
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [roles, setRoles] = useState<Role[]>(['viewer'])
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<FormFailure | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setDone(null)
    const local = localProblem(username, displayName, password, roles)
    if (local) {
      setFailure(local)
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const body: CreateUserRequest = {
        username: username.trim(),
        displayName: displayName.trim(),
        password,
        roles,
      }
      const created = await session.request<UserRecord>('users', {
        method: 'POST',
        body,
      })
      setUsername('')
      setDisplayName('')
      setPassword('')
      setRoles(['viewer'])
      setDone(
        `Created ${created.username} with ${created.roles.join(', ')}. They can sign in now with the initial password.`,
      )
      props.onCreated(created)
    } catch (caught) {
      setFailure(formFailure(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="admin-form"
      aria-labelledby="create-user-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="create-user-heading">Create a user</h3>
      <div className="form-grid">
        <label htmlFor="new-username">Username</label>
        <input
          id="new-username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          aria-invalid={failure?.fields.username ? true : undefined}
        />
        <label htmlFor="new-display-name">Display name</label>
        <input
          id="new-display-name"
          autoComplete="off"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          aria-invalid={failure?.fields.displayName ? true : undefined}
        />
        <label htmlFor="new-password">Initial password</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-describedby="new-password-hint"
          aria-invalid={failure?.fields.password ? true : undefined}
        />
      </div>
      <p id="new-password-hint" className="hint">
        At least {PASSWORD_MIN} characters. Common passwords, and common words
        with digits added, are refused. Give it to the person privately.
      </p>
      <RolePicker legend="Roles" value={roles} onChange={setRoles} />
      <FormAlert failure={failure} />
      {done ? (
        <p className="form-done" role="status">
          {done}
        </p>
      ) : null}
      <ActionButton type="submit" busy={busy} busyLabel="Creating…">
        Create user
      </ActionButton>
    </form>
  )
}

function localProblem(
  username: string,
  displayName: string,
  password: string,
  roles: readonly Role[],
): FormFailure | null {
  const fields: Record<string, string> = {}
  if (!username.trim()) {
    fields.username = 'Enter a username.'
  }
  if (!displayName.trim()) {
    fields.displayName = 'Enter a display name.'
  }
  if ([...password].length < PASSWORD_MIN) {
    fields.password = `Use at least ${PASSWORD_MIN} characters.`
  }
  if (roles.length === 0) {
    fields.roles = 'Choose at least one role.'
  }
  return Object.keys(fields).length > 0
    ? { message: 'Some fields are missing or not valid.', fields }
    : null
}
