/**
 * The permission catalog: every permission, every role, and the one function
 * that turns a user's roles into what they may do. Client and server both
 * import this file, so a role means the same thing on each side.
 */

/** Every permission Enclave knows, as the string that travels in tokens. */
export const PERMISSIONS = {
  dashboardView: 'dashboard.view',
  libraryRead: 'library.read',
  assistantUse: 'assistant.use',
  assistantCloud: 'assistant.cloud',
  visionUse: 'vision.use',
  analyticsView: 'analytics.view',
  auditRead: 'audit.read',
  usersManage: 'users.manage',
} as const

/** One permission string, such as `'assistant.use'`. */
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS]

/** All permissions, in catalog order. */
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS)

/**
 * What each permission lets a user do, in the words the admin console shows
 * beside a role, so an admin knows what a role grants before assigning it.
 */
export const PERMISSION_SUMMARIES: Record<Permission, string> = {
  'dashboard.view': 'Open the dashboard.',
  'library.read': 'Browse the library and its recommendations.',
  'assistant.use': 'Chat with the assistant on this device.',
  'assistant.cloud': 'Let the assistant use the cloud model.',
  'vision.use': 'Redact faces and separate people in photos.',
  'analytics.view': 'See latency, cache and storage figures.',
  'audit.read': 'Read and export the audit log.',
  'users.manage': 'Create users, change roles, reset passwords, disable.',
}

const viewer: readonly Permission[] = [
  PERMISSIONS.dashboardView,
  PERMISSIONS.libraryRead,
]

const editor: readonly Permission[] = [
  ...viewer,
  PERMISSIONS.assistantUse,
  PERMISSIONS.visionUse,
]

const manager: readonly Permission[] = [
  ...editor,
  PERMISSIONS.assistantCloud,
  PERMISSIONS.analyticsView,
  PERMISSIONS.auditRead,
]

/**
 * Each role and the permissions it grants. Roles build on each other, but a
 * user may hold several and gets the union.
 */
export const ROLES = {
  viewer,
  editor,
  manager,
  admin: ALL_PERMISSIONS,
} as const satisfies Record<string, readonly Permission[]>

/** One role name. */
export type Role = keyof typeof ROLES

/** All role names, least privileged first. */
export const ALL_ROLES = Object.keys(ROLES) as Role[]

/** Whether a string names a role in the catalog. */
export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value)
}

/** Whether a string names a permission in the catalog. */
export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(value)
}

/** The union of the permissions of the given roles, in catalog order. */
export function permissionsForRoles(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>()
  for (const role of roles) {
    for (const permission of ROLES[role]) {
      granted.add(permission)
    }
  }
  return ALL_PERMISSIONS.filter((permission) => granted.has(permission))
}

/** Whether a set of permissions includes the one asked for. */
export function hasPermission(
  granted: readonly string[],
  permission: Permission,
): boolean {
  return granted.includes(permission)
}
