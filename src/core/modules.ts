/**
 * The module catalog: each module's path, title and the permission that opens
 * it. The router's guards and the navigation both read it, so a module that
 * is hidden from the menu is also locked by URL.
 */
import { PERMISSIONS, type Permission } from './permissions'

/** What a user needs to open a module. */
export type ModuleAccess =
  /** Any signed-in user. */
  | { kind: 'signed-in' }
  /** A user holding at least one of these permissions. */
  | { kind: 'any-of'; permissions: readonly Permission[] }

/** One module as the shell sees it. */
export interface ModuleEntry {
  id: ModuleId
  path: string
  title: string
  /** One sentence a user reads in the menu and on the placeholder page. */
  summary: string
  access: ModuleAccess
}

/** The identifier of a module, which is also its folder under `src/modules`. */
export type ModuleId =
  | 'dashboard'
  | 'assistant'
  | 'vision'
  | 'library'
  | 'analytics'
  | 'admin'
  | 'settings'

const anyOf = (...permissions: Permission[]): ModuleAccess => ({
  kind: 'any-of',
  permissions,
})

/** Every module, in menu order. */
export const MODULES: readonly ModuleEntry[] = [
  {
    id: 'dashboard',
    path: '/',
    title: 'Dashboard',
    summary: 'Engine readiness, storage, offline state and recent activity.',
    access: anyOf(PERMISSIONS.dashboardView),
  },
  {
    id: 'assistant',
    path: '/assistant',
    title: 'Assistant',
    summary: 'Chat with a model that runs on this device, or in the cloud.',
    access: anyOf(PERMISSIONS.assistantUse),
  },
  {
    id: 'vision',
    path: '/vision',
    title: 'Vision',
    summary: 'Redact faces and separate people from the background.',
    access: anyOf(PERMISSIONS.visionUse),
  },
  {
    id: 'library',
    path: '/library',
    title: 'Library',
    summary: 'Large collections with recommendations made on this device.',
    access: anyOf(PERMISSIONS.libraryRead),
  },
  {
    id: 'analytics',
    path: '/analytics',
    title: 'Analytics',
    summary: 'Latency, cache hit rate and storage, measured on this device.',
    access: anyOf(PERMISSIONS.analyticsView),
  },
  {
    id: 'admin',
    path: '/admin',
    title: 'Admin',
    summary: 'Users, roles and the audit log.',
    access: anyOf(PERMISSIONS.usersManage, PERMISSIONS.auditRead),
  },
  {
    id: 'settings',
    path: '/settings',
    title: 'Settings',
    summary: 'Models, engine policy, storage, privacy and appearance.',
    access: { kind: 'signed-in' },
  },
]

/** Whether a string is the id of a module in the catalog. */
export function isModuleId(value: string): value is ModuleId {
  return MODULES.some((entry) => entry.id === value)
}

/** The catalog entry for a module id. */
export function moduleById(id: ModuleId): ModuleEntry {
  const entry = MODULES.find((candidate) => candidate.id === id)
  if (!entry) {
    throw new Error(`Unknown module: ${id}`)
  }
  return entry
}

/** Whether a user with these permissions may open the module. */
export function canOpenModule(
  entry: ModuleEntry,
  granted: readonly string[],
): boolean {
  if (entry.access.kind === 'signed-in') {
    return true
  }
  return entry.access.permissions.some((permission) =>
    granted.includes(permission),
  )
}

/** The modules a user with these permissions may open, in menu order. */
export function visibleModules(granted: readonly string[]): ModuleEntry[] {
  return MODULES.filter((entry) => canOpenModule(entry, granted))
}
