/**
 * Server configuration, read once from environment variables. Every variable
 * has a default so `npm start` works on a fresh machine; README.md and
 * `.env.example` list them.
 */
import path from 'node:path'
import { z } from 'zod'
import { catalogOrigins } from '../../models/model-catalog'

const envSchema = z.object({
  ENCLAVE_HOST: z.string().default('127.0.0.1'),
  ENCLAVE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ENCLAVE_DATA_DIR: z.string().default('./data'),
  ENCLAVE_DIST_DIR: z.string().default('./dist'),
  ENCLAVE_DEMO_PASSWORD: z.string().min(8).optional(),
  ENCLAVE_ACCESS_TOKEN_MINUTES: z.coerce.number().positive().default(10),
  ENCLAVE_REFRESH_TOKEN_DAYS: z.coerce.number().positive().default(14),
  ENCLAVE_OFFLINE_GRACE_HOURS: z.coerce.number().nonnegative().default(72),
  ENCLAVE_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  ENCLAVE_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce
    .number()
    .int()
    .positive()
    .default(20),
  ENCLAVE_LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  ENCLAVE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(65536),
  ENCLAVE_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  ENCLAVE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  ENCLAVE_LLM_URL: z.url().optional(),
  ENCLAVE_LLM_MODEL: z.string().min(1).default('default'),
  ENCLAVE_LLM_KEY: z.string().optional(),
  ENCLAVE_SSE_RESUME_SECONDS: z.coerce.number().positive().default(15),
  ENCLAVE_LLM_IDLE_SECONDS: z.coerce.number().positive().default(60),
  ENCLAVE_SSE_HEARTBEAT_SECONDS: z.coerce.number().positive().default(15),
  ENCLAVE_AI_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  ENCLAVE_AI_MAX_STREAMS: z.coerce.number().int().positive().default(3),
  ENCLAVE_AI_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1_048_576),
  ENCLAVE_MODEL_ORIGINS: z.string().optional(),
})

/** Everything the server reads from its environment, parsed and typed. */
export interface Config {
  host: string
  port: number
  dataDir: string
  distDir: string
  demoPassword: string | undefined
  accessTokenSeconds: number
  refreshTokenSeconds: number
  offlineGraceHours: number
  loginMaxFailures: number
  loginMaxFailuresPerAddress: number
  loginWindowSeconds: number
  maxBodyBytes: number
  /** Trust `X-Forwarded-For` and `X-Forwarded-Proto` from a reverse proxy. */
  trustProxy: boolean
  logLevel: string
  /** The cloud engine's upstream, or null when none is configured. */
  llm: LlmConfig | null
  /** How long a dropped generation waits for its client to come back. */
  sseResumeSeconds: number
  /** Longest silence from the upstream once an answer has begun. */
  llmIdleSeconds: number
  sseHeartbeatSeconds: number
  aiRatePerMinute: number
  aiMaxStreams: number
  /** Largest chat request body; a conversation's context outgrows the default. */
  aiMaxBodyBytes: number
  /** Origins the page may download models from (CSP `connect-src`). */
  modelOrigins: string[]
}

/** An OpenAI-compatible Chat Completions upstream. */
export interface LlmConfig {
  /** API base URL, ending in `/v1`. */
  url: string
  model: string
  /** Bearer key; local servers such as Ollama need none. */
  key: string | null
}

/** Thrown when an environment variable has a value the server cannot use. */
export class ConfigError extends Error {}

/** Parse the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ')
    throw new ConfigError(`Invalid configuration: ${problems}`)
  }
  const e = parsed.data
  return {
    host: e.ENCLAVE_HOST,
    port: e.ENCLAVE_PORT,
    dataDir: path.resolve(e.ENCLAVE_DATA_DIR),
    distDir: path.resolve(e.ENCLAVE_DIST_DIR),
    demoPassword: e.ENCLAVE_DEMO_PASSWORD,
    accessTokenSeconds: Math.round(e.ENCLAVE_ACCESS_TOKEN_MINUTES * 60),
    refreshTokenSeconds: Math.round(e.ENCLAVE_REFRESH_TOKEN_DAYS * 86400),
    offlineGraceHours: e.ENCLAVE_OFFLINE_GRACE_HOURS,
    loginMaxFailures: e.ENCLAVE_LOGIN_MAX_FAILURES,
    loginMaxFailuresPerAddress: e.ENCLAVE_LOGIN_MAX_FAILURES_PER_ADDRESS,
    loginWindowSeconds: Math.round(e.ENCLAVE_LOGIN_WINDOW_MINUTES * 60),
    maxBodyBytes: e.ENCLAVE_MAX_BODY_BYTES,
    trustProxy: e.ENCLAVE_TRUST_PROXY,
    logLevel: e.ENCLAVE_LOG_LEVEL,
    llm: e.ENCLAVE_LLM_URL
      ? {
          url: e.ENCLAVE_LLM_URL,
          model: e.ENCLAVE_LLM_MODEL,
          key: e.ENCLAVE_LLM_KEY || null,
        }
      : null,
    sseResumeSeconds: e.ENCLAVE_SSE_RESUME_SECONDS,
    llmIdleSeconds: e.ENCLAVE_LLM_IDLE_SECONDS,
    sseHeartbeatSeconds: e.ENCLAVE_SSE_HEARTBEAT_SECONDS,
    aiRatePerMinute: e.ENCLAVE_AI_RATE_PER_MINUTE,
    aiMaxStreams: e.ENCLAVE_AI_MAX_STREAMS,
    aiMaxBodyBytes: e.ENCLAVE_AI_MAX_BODY_BYTES,
    modelOrigins: parseOrigins(e.ENCLAVE_MODEL_ORIGINS),
  }
}

/**
 * `ENCLAVE_MODEL_ORIGINS` as origins; unset means the model catalog's own.
 * Each entry is reduced to its origin, so a path in it cannot widen or
 * break the CSP; an entry that is not a URL is refused.
 */
function parseOrigins(value: string | undefined): string[] {
  if (value === undefined) {
    return catalogOrigins()
  }
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        const url = new URL(entry)
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
          throw new Error(entry)
        }
        return url.origin
      } catch {
        throw new ConfigError(
          `Invalid configuration: ENCLAVE_MODEL_ORIGINS: ${entry} is not an http(s) origin`,
        )
      }
    })
}
