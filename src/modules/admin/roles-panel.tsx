/**
 * The Roles tab: each role's permissions from the shared catalog, read-only,
 * so an admin knows what a role grants before assigning it. A user with
 * several roles gets the union.
 */
import {
  ALL_PERMISSIONS,
  ALL_ROLES,
  PERMISSION_SUMMARIES,
  ROLES,
} from '../../core/permissions'

/** The roles tab panel's content. */
export function RolesPanel() {
  return (
    <>
      <h2>Roles</h2>
      <p>
        What each role grants. Roles build on each other; a user who holds
        several gets every permission of each. Changing roles is done per user
        on the Users tab.
      </p>
      <table className="roles-table" aria-label="Permissions of each role">
        <thead>
          <tr>
            <th scope="col">Permission</th>
            {ALL_ROLES.map((role) => (
              <th scope="col" key={role}>
                {role}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ALL_PERMISSIONS.map((permission) => (
            <tr key={permission}>
              <th scope="row">
                <code>{permission}</code>
                <span className="permission-summary">
                  {PERMISSION_SUMMARIES[permission]}
                </span>
              </th>
              {ALL_ROLES.map((role) => {
                const granted = ROLES[role].includes(permission)
                return (
                  <td key={role} className={granted ? 'granted' : 'absent'}>
                    <span aria-hidden="true">{granted ? '✓' : '–'}</span>
                    <span className="visually-hidden">
                      {granted ? 'granted' : 'not granted'}
                    </span>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
