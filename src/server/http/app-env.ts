/**
 * What the request context carries between middleware and handlers.
 */
import type { AccessClaims } from '../auth/access-tokens'
import type { StoredUser } from '../store/users'
import type { Services } from '../services'

/** The signed-in caller of a request, once the access guard has run. */
export interface Caller {
  claims: AccessClaims
  user: StoredUser
}

/** Hono environment type for every Enclave route. */
export interface AppEnv {
  Variables: {
    requestId: string
    services: Services
    caller: Caller | undefined
    clientAddress: string
  }
}
