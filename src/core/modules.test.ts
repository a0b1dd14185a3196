import { describe, expect, it } from 'vitest'
import {
  MODULES,
  canOpenModule,
  moduleById,
  visibleModules,
  type ModuleId,
} from './modules'
import { permissionsForRoles, type Role } from './permissions'

function visibleTo(...roles: Role[]): ModuleId[] {
  return visibleModules(permissionsForRoles(roles)).map((entry) => entry.id)
}

describe('visibleModules', () => {
  it('shows a viewer the dashboard, the library and settings', () => {
    expect(visibleTo('viewer')).toEqual(['dashboard', 'library', 'settings'])
  })

  it('adds the assistant and vision for an editor', () => {
    expect(visibleTo('editor')).toEqual([
      'dashboard',
      'assistant',
      'vision',
      'library',
      'settings',
    ])
  })

  it('adds analytics and admin for a manager', () => {
    expect(visibleTo('manager')).toEqual([
      'dashboard',
      'assistant',
      'vision',
      'library',
      'analytics',
      'admin',
      'settings',
    ])
  })

  it('shows an admin every module, in menu order', () => {
    expect(visibleTo('admin')).toEqual(MODULES.map((entry) => entry.id))
  })

  it('shows only settings to a signed-in user without permissions', () => {
    expect(visibleTo()).toEqual(['settings'])
  })

  it('ignores permission strings that are not in the catalog', () => {
    expect(
      visibleModules(['vision.use.everything', 'admin']).map((m) => m.id),
    ).toEqual(['settings'])
  })
})

describe('canOpenModule', () => {
  it('opens the admin module with either users.manage or audit.read', () => {
    const admin = moduleById('admin')

    expect(canOpenModule(admin, ['users.manage'])).toBe(true)
    expect(canOpenModule(admin, ['audit.read'])).toBe(true)
    expect(canOpenModule(admin, ['analytics.view'])).toBe(false)
  })
})

describe('moduleById', () => {
  it('throws for an id that is not in the catalog', () => {
    expect(() => moduleById('nowhere' as ModuleId)).toThrow(/Unknown module/)
  })
})
