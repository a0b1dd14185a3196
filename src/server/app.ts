/**
 * The HTTP app: security headers and request logs on everything, the API
 * under `/api` with an access rule on every route, and the built client for
 * every other path.
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { getConnInfo } from '@hono/node-server/conninfo'
import { ApiError } from './http/api-error'
import type { AppEnv } from './http/app-env'
import { requestLog } from './http/request-log'
import { securityHeaders } from './http/security-headers'
import { mountStaticFiles } from './http/static-files'
import { mountAdminRoutes } from './routes/admin-routes'
import { hasOwnBodyLimit, mountAiRoutes } from './routes/ai-routes'
import { mountAuthRoutes } from './routes/auth-routes'
import { mountSessionRoutes } from './routes/session-routes'
import type { Services } from './services'

/** Build the app around its services. */
export function createApp(
  services: Services,
  options: { https?: boolean } = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.use(
    requestId({
      // Accept a caller's id only when it is short and plain, so a log line
      // cannot be forged through it.
      generator: () => crypto.randomUUID(),
      limitLength: 64,
    }),
  )
  app.use(async (c, next) => {
    c.set('services', services)
    c.set('clientAddress', clientAddress(c, services.config.trustProxy))
    await next()
  })
  app.use(requestLog(services.logger))
  app.use(
    securityHeaders({
      https: options.https ?? false,
      modelOrigins: services.config.modelOrigins,
    }),
  )

  const api = new Hono<AppEnv>()
  api.use(async (c, next) => {
    await next()
    // An event stream sets its own `no-cache, no-transform`, which proxies
    // need to see to pass it through unbuffered.
    if (!c.res.headers.get('content-type')?.startsWith('text/event-stream')) {
      c.header('Cache-Control', 'no-store')
    }
  })
  const generalBodyLimit = bodyLimit({
    maxSize: services.config.maxBodyBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large')
    },
  })
  api.use((c, next) =>
    hasOwnBodyLimit(c.req.path) ? next() : generalBodyLimit(c, next),
  )
  mountAuthRoutes(api)
  mountSessionRoutes(api)
  mountAdminRoutes(api)
  mountAiRoutes(api, services.config.aiMaxBodyBytes)
  api.all('*', () => {
    throw new ApiError(404, 'not_found')
  })
  app.route('/api', api)

  mountStaticFiles(app, services.config.distDir)

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      if (error.extra.retryAfterSeconds !== undefined) {
        c.header('Retry-After', String(error.extra.retryAfterSeconds))
      }
      c.header('Cache-Control', 'no-store')
      return c.json(error.toBody(), error.status)
    }
    services.logger.error(
      {
        reqId: c.var.requestId,
        err: { name: error.name, message: error.message },
      },
      'unhandled error',
    )
    const fallback = new ApiError(500, 'server_error')
    return c.json(fallback.toBody(), 500)
  })

  return app
}

function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    // A proxy appends the address it saw to whatever the client sent, so
    // only the last entry is the proxy's word; the earlier ones are the
    // client's, and trusting them would let it pick its throttle key.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (forwarded) {
      return forwarded
    }
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
