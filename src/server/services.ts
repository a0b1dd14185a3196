/**
 * Everything a request handler needs, built once at start-up and handed to
 * the app. Tests build the same object around an in-memory database and a
 * controllable clock.
 */
import type { Logger } from 'pino'
import type { Config } from './config'
import { AccessTokens, type SigningKeys } from './auth/access-tokens'
import { AiLimits } from './ai/ai-limits'
import { GenerationHub } from './ai/generation-hub'
import { OpenAiUpstream } from './ai/openai-upstream'
import { Throttle, ThrottleRefusals } from './auth/throttle'
import { AuditLog } from './store/audit'
import type { Db } from './store/database'
import { RefreshTokenStore } from './store/refresh-tokens'
import { UserStore } from './store/users'

/** The server's long-lived objects. */
export interface Services {
  config: Config
  logger: Logger
  db: Db
  users: UserStore
  audit: AuditLog
  refreshTokens: RefreshTokenStore
  accessTokens: AccessTokens
  accountThrottle: Throttle
  addressThrottle: Throttle
  /** Which throttled sign-ins are audited (one per lockout). */
  throttleRefusals: ThrottleRefusals
  ai: AiServices
  now: () => number
}

/** The cloud engine's parts; `upstream` is null when none is configured. */
export interface AiServices {
  upstream: OpenAiUpstream | null
  hub: GenerationHub
  limits: AiLimits
}

/** Wire the services around an open database and signing keys. */
export function createServices(options: {
  config: Config
  logger: Logger
  db: Db
  keys: SigningKeys
  now?: () => number
}): Services {
  const { config, logger, db, keys } = options
  const now = options.now ?? Date.now
  const windowMs = config.loginWindowSeconds * 1000
  return {
    config,
    logger,
    db,
    users: new UserStore(db, now),
    audit: new AuditLog(db, now),
    refreshTokens: new RefreshTokenStore(
      db,
      config.refreshTokenSeconds * 1000,
      now,
    ),
    accessTokens: new AccessTokens(keys, config.accessTokenSeconds, now),
    accountThrottle: new Throttle(config.loginMaxFailures, windowMs, now),
    addressThrottle: new Throttle(
      config.loginMaxFailuresPerAddress,
      windowMs,
      now,
    ),
    throttleRefusals: new ThrottleRefusals(now),
    ai: {
      upstream: config.llm ? new OpenAiUpstream(config.llm) : null,
      hub: new GenerationHub(
        config.sseResumeSeconds * 1000,
        config.llmIdleSeconds * 1000,
        now,
      ),
      limits: new AiLimits(config.aiRatePerMinute, config.aiMaxStreams, now),
    },
    now,
  }
}
