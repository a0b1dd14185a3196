/**
 * One JSON log line per request, with its request id, method, path, status
 * and duration. Query strings, headers and bodies are never logged: they can
 * hold tokens, passwords and prompts.
 */
import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { AppEnv } from './app-env'

/** Log each request when it finishes. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const status = c.res.status
    const line = {
      reqId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round(performance.now() - started),
    }
    if (status >= 500) {
      logger.error(line, 'request failed')
    } else {
      logger.info(line, 'request')
    }
  }
}
