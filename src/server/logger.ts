/**
 * The server's logger: JSON lines through pino. Never pass a token,
 * password, prompt or image to it.
 */
import { pino, type Logger } from 'pino'

/** Make the logger at the configured level. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'enclave' },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'accessToken'],
      remove: true,
    },
  })
}
