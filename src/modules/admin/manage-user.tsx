/**
 * Changes to one user: their roles, a new password, and disabling or
 * re-enabling the account. Each is one `PATCH /api/users/:id`; the text
 * after each says when the change reaches the user.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Role } from '../../core/permissions'
import { PASSWORD_MIN } from '../../core/password-policy'
import type { UpdateUserRequest, UserRecord } from '../../core/protocol'
import { useSessionStore } from '../../auth/session-context'
import { ActionButton } from './action-button'
import { FormAlert, formFailure, type FormFailure } from './form-failure'
import { RolePicker } from './role-picker'

type Action = 'roles' | 'password' | 'disabled'

/** The panel for the user chosen in the list. */
export function ManageUser(props: {
  user: UserRecord
  onChanged: (user: UserRecord) => void
  onClose: () => void
}) {
  const { user } = props
  const session = useSessionStore()
  const [roles, setRoles] = useState<Role[]>(user.roles)
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState<Action | null>(null)
  const [failure, setFailure] = useState<FormFailure | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)

  // Moving focus to the panel tells keyboard and screen-reader users where
  // the controls for the chosen user are.
  useEffect(() => {
    heading.current?.focus()
  }, [user.id])

  // Asked to confirm, the keyboard lands on the confirming button.
  useEffect(() => {
    if (confirming) {
      confirmButton.current?.focus()
    }
  }, [confirming])

  const rolesChanged =
    roles.length !== user.roles.length ||
    roles.some((role) => !user.roles.includes(role))

  async function change(
    action: Action,
    body: UpdateUserRequest,
    said: (updated: UserRecord) => string,
  ) {
    setBusy(action)
    setFailure(null)
    setDone(null)
    try {
      const updated = await session.request<UserRecord>(`users/${user.id}`, {
        method: 'PATCH',
        body,
      })
      setDone(said(updated))
      props.onChanged(updated)
      return true
    } catch (caught) {
      setFailure(formFailure(caught))
      return false
    } finally {
      setBusy(null)
    }
  }

  function saveRoles(event: FormEvent) {
    event.preventDefault()
    void change(
      'roles',
      { roles },
      (updated) =>
        `Roles saved: ${updated.roles.join(', ')}. The server applies them at once; ${updated.username}’s app shows them at its next token refresh, within the access-token lifetime (10 minutes by default).`,
    )
  }

  async function resetPassword(event: FormEvent) {
    event.preventDefault()
    if ([...password].length < PASSWORD_MIN) {
      setDone(null)
      setFailure({
        message: 'Some fields are missing or not valid.',
        fields: { password: `Use at least ${PASSWORD_MIN} characters.` },
      })
      return
    }
    const ok = await change(
      'password',
      { password },
      (updated) =>
        `Password reset. ${updated.username} is signed out everywhere and signs in with the new password.`,
    )
    if (ok) {
      setPassword('')
    }
  }

  function toggleDisabled() {
    setConfirming(false)
    const disabled = !user.disabled
    void change('disabled', { disabled }, (updated) =>
      disabled
        ? `${updated.username} is disabled. Their next request to the server is refused and they are signed out everywhere.`
        : `${updated.username} is enabled again and can sign in.`,
    )
  }

  return (
    <section className="manage-user" aria-labelledby="manage-user-heading">
      <div className="manage-user-head">
        <h3 id="manage-user-heading" ref={heading} tabIndex={-1}>
          Manage {user.username}
        </h3>
        <button type="button" className="secondary" onClick={props.onClose}>
          Close
        </button>
      </div>
      <p>
        {user.displayName} · {user.disabled ? 'disabled' : 'active'} · roles:{' '}
        {user.roles.join(', ')}
      </p>

      <form onSubmit={saveRoles} aria-label={`Roles of ${user.username}`}>
        <RolePicker
          legend={`Roles of ${user.username}`}
          value={roles}
          onChange={setRoles}
        />
        <ActionButton
          type="submit"
          busy={busy === 'roles'}
          busyLabel="Saving…"
          disabled={!rolesChanged || roles.length === 0 || busy !== null}
        >
          Save roles
        </ActionButton>
      </form>

      <form
        onSubmit={(event) => void resetPassword(event)}
        aria-label={`Reset the password of ${user.username}`}
        noValidate
      >
        <label htmlFor="reset-password">New password for {user.username}</label>
        <input
          id="reset-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-describedby="reset-password-hint"
        />
        <p id="reset-password-hint" className="hint">
          At least {PASSWORD_MIN} characters; common passwords are refused.
          Resetting signs {user.username} out everywhere.
        </p>
        <ActionButton
          type="submit"
          busy={busy === 'password'}
          busyLabel="Resetting…"
          disabled={busy !== null}
        >
          Reset password
        </ActionButton>
      </form>

      <div className="account-state">
        {confirming ? (
          <div role="group" aria-label={`Confirm disabling ${user.username}`}>
            <p>
              Disable {user.username}? They are signed out everywhere at once
              and cannot sign in until an administrator enables them again.
            </p>
            <ActionButton
              ref={confirmButton}
              className="danger"
              onClick={toggleDisabled}
              disabled={busy !== null}
            >
              Yes, disable {user.username}
            </ActionButton>{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => setConfirming(false)}
            >
              Keep {user.username} active
            </button>
          </div>
        ) : (
          <ActionButton
            className={user.disabled ? undefined : 'danger'}
            onClick={user.disabled ? toggleDisabled : () => setConfirming(true)}
            busy={busy === 'disabled'}
            busyLabel={user.disabled ? 'Enabling…' : 'Disabling…'}
            disabled={busy !== null}
          >
            {user.disabled
              ? `Enable ${user.username}`
              : `Disable ${user.username}`}
          </ActionButton>
        )}
      </div>

      <FormAlert failure={failure} />
      {done ? (
        <p className="form-done" role="status">
          {done}
        </p>
      ) : null}
    </section>
  )
}
