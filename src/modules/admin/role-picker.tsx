/**
 * Checkboxes for the roles a user holds, each with what it adds, so several
 * roles can be chosen at once and an admin sees what they grant.
 */
import { ALL_ROLES, ROLES, type Role } from '../../core/permissions'

/** The role checkboxes of a form. */
export function RolePicker(props: {
  legend: string
  value: readonly Role[]
  onChange: (roles: Role[]) => void
  disabled?: boolean
}) {
  function toggle(role: Role, checked: boolean) {
    const next = new Set(props.value)
    if (checked) {
      next.add(role)
    } else {
      next.delete(role)
    }
    props.onChange(ALL_ROLES.filter((candidate) => next.has(candidate)))
  }

  return (
    <fieldset className="role-picker" disabled={props.disabled}>
      <legend>{props.legend}</legend>
      {ALL_ROLES.map((role) => (
        <label key={role}>
          <input
            type="checkbox"
            name="roles"
            value={role}
            checked={props.value.includes(role)}
            onChange={(event) => toggle(role, event.target.checked)}
          />
          <span className="role-name">{role}</span>{' '}
          <span className="role-grants">
            {ROLES[role].length} permission
            {ROLES[role].length === 1 ? '' : 's'}
          </span>
        </label>
      ))}
    </fieldset>
  )
}
