/**
 * React access to the session: `useSession()` for the state, `useCan()` and
 * `<Can>` to show a control only to users who may use it. Hiding is a
 * convenience; the server checks every call anyway.
 */
import {
  createContext,
  useContext,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import type { Permission } from '../core/permissions'
import type { SessionState, SessionStore } from './session-store'

const SessionContext = createContext<SessionStore | null>(null)

/** Make a session store available to the components below. */
export function SessionProvider(props: {
  store: SessionStore
  children: ReactNode
}) {
  return (
    <SessionContext.Provider value={props.store}>
      {props.children}
    </SessionContext.Provider>
  )
}

/** The session store; for actions such as signing out. */
export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext)
  if (!store) {
    throw new Error('useSessionStore needs a SessionProvider above it')
  }
  return store
}

/** The session state, re-rendering on every change. */
export function useSession(): SessionState {
  const store = useSessionStore()
  return useSyncExternalStore(store.subscribe, store.getState)
}

/** Whether the signed-in user holds a permission. */
export function useCan(permission: Permission): boolean {
  const state = useSession()
  return (
    state.status === 'signed-in' && state.user.permissions.includes(permission)
  )
}

/** Render children only for a user holding the permission. */
export function Can(props: {
  permission: Permission
  children: ReactNode
  fallback?: ReactNode
}) {
  const allowed = useCan(props.permission)
  return <>{allowed ? props.children : (props.fallback ?? null)}</>
}
