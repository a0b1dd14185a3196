/**
 * The actions the server writes to the audit log, with the words the admin
 * console shows for each. The server records these strings and the audit
 * filter offers them, so a new kind of event is added here first.
 */

/** Every audited action and its label. */
export const AUDIT_ACTIONS = {
  'auth.login': 'Sign-in',
  'auth.refresh': 'Session refresh refused',
  'auth.refresh_reuse': 'Refresh token reused',
  'permission.denied': 'Permission denied',
  'user.created': 'User created',
  'user.roles_changed': 'Roles changed',
  'user.password_reset': 'Password reset',
  'user.disabled': 'User disabled',
  'user.enabled': 'User enabled',
  'audit.exported': 'Audit log exported',
  'assistant.cloud_used': 'Cloud engine used',
} as const

/** One audited action, such as `'user.created'`. */
export type AuditAction = keyof typeof AUDIT_ACTIONS

/** Every audited action, in catalog order. */
export const ALL_AUDIT_ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[]

/** The label of an action; an unknown one is shown as it is stored. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action)
    ? AUDIT_ACTIONS[action as AuditAction]
    : action
}
