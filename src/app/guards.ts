/**
 * Route guards, run in `beforeLoad`, before a module's chunk is fetched. A
 * signed-out visitor goes to sign-in with the page they asked for; a
 * signed-in user without the permission goes to `/forbidden`, which says
 * what is missing.
 */
import { redirect, type ParsedLocation } from '@tanstack/react-router'
import { canOpenModule, moduleById, type ModuleId } from '../core/modules'
import type { SessionStore } from '../auth/session-store'

/** What every route's context carries. */
export interface RouterContext {
  session: SessionStore
}

interface GuardInput {
  context: RouterContext
  location: ParsedLocation
}

/** Send a signed-out visitor to sign-in, remembering where they were going. */
export function requireSignedIn({ context, location }: GuardInput): void {
  if (context.session.getState().status !== 'signed-in') {
    throw redirect({
      to: '/login',
      search: { redirect: location.href },
      replace: true,
    })
  }
}

/** The guard of one module: signed in, and allowed to open it. */
export function requireModule(id: ModuleId) {
  const entry = moduleById(id)
  return (input: GuardInput): void => {
    requireSignedIn(input)
    const state = input.context.session.getState()
    if (
      state.status === 'signed-in' &&
      !canOpenModule(entry, state.user.permissions)
    ) {
      throw redirect({
        to: '/forbidden',
        search: { module: id },
        replace: true,
      })
    }
  }
}
