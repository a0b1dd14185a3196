import { describe, expect, it } from 'vitest'
import {
  ALL_PERMISSIONS,
  ALL_ROLES,
  PERMISSIONS,
  ROLES,
  hasPermission,
  isPermission,
  isRole,
  permissionsForRoles,
} from './permissions'

describe('permissionsForRoles', () => {
  it('gives a viewer only the dashboard and the library', () => {
    expect(permissionsForRoles(['viewer'])).toEqual([
      'dashboard.view',
      'library.read',
    ])
  })

  it('gives an editor the viewer permissions plus the assistant and vision', () => {
    expect(permissionsForRoles(['editor'])).toEqual([
      'dashboard.view',
      'library.read',
      'assistant.use',
      'vision.use',
    ])
  })

  it('gives a manager the editor permissions plus cloud, analytics and audit', () => {
    expect(permissionsForRoles(['manager'])).toEqual([
      'dashboard.view',
      'library.read',
      'assistant.use',
      'assistant.cloud',
      'vision.use',
      'analytics.view',
      'audit.read',
    ])
  })

  it('gives an admin every permission in the catalog, users.manage included', () => {
    const granted = permissionsForRoles(['admin'])

    expect(granted).toEqual([...ALL_PERMISSIONS])
    expect(granted).toContain('users.manage')
    expect(granted).toHaveLength(Object.keys(PERMISSIONS).length)
  })

  it('gives the union of several roles, once each, in catalog order', () => {
    expect(permissionsForRoles(['editor', 'viewer', 'editor'])).toEqual(
      permissionsForRoles(['editor']),
    )
    expect(permissionsForRoles(['manager', 'viewer'])).toEqual(
      permissionsForRoles(['manager']),
    )
  })

  it('gives nothing to a user without roles', () => {
    expect(permissionsForRoles([])).toEqual([])
  })
})

describe('least privilege', () => {
  it('lets only the admin role manage users', () => {
    const managing = ALL_ROLES.filter((role) =>
      permissionsForRoles([role]).includes('users.manage'),
    )

    expect(managing).toEqual(['admin'])
  })

  it('keeps a viewer away from the assistant and vision', () => {
    const granted = permissionsForRoles(['viewer'])

    expect(granted.filter((p) => /^(assistant|vision)\./.test(p))).toEqual([])
  })

  it('reserves the cloud assistant and the audit log for managers and admins', () => {
    for (const permission of ['assistant.cloud', 'audit.read'] as const) {
      const holders = ALL_ROLES.filter((role) =>
        hasPermission(permissionsForRoles([role]), permission),
      )
      expect(holders).toEqual(['manager', 'admin'])
    }
  })

  it('grants no permission that is missing from the catalog', () => {
    for (const role of ALL_ROLES) {
      for (const permission of ROLES[role]) {
        expect(isPermission(permission)).toBe(true)
      }
    }
  })

  it('lists roles least privileged first, each a superset of the one before', () => {
    expect(ALL_ROLES).toEqual(['viewer', 'editor', 'manager', 'admin'])

    for (let i = 1; i < ALL_ROLES.length; i++) {
      const lower = permissionsForRoles([ALL_ROLES[i - 1] ?? 'viewer'])
      const higher = permissionsForRoles([ALL_ROLES[i] ?? 'viewer'])
      expect(higher.length).toBeGreaterThan(lower.length)
      expect(higher).toEqual(expect.arrayContaining(lower))
    }
  })
})

describe('catalog guards', () => {
  it('recognises role names and rejects others, including inherited keys', () => {
    expect(isRole('manager')).toBe(true)
    expect(isRole('root')).toBe(false)
    expect(isRole('toString')).toBe(false)
  })

  it('recognises permission strings and rejects look-alikes', () => {
    expect(isPermission('audit.read')).toBe(true)
    expect(isPermission('audit.write')).toBe(false)
    expect(isPermission('auditRead')).toBe(false)
  })
})
