/**
 * The browser's logger: an area prefix and two levels. Nothing else in the
 * client writes to the console. Never pass a token, password, prompt or
 * image to it.
 */

type Level = 'warn' | 'error'

function write(level: Level, area: string, message: string, detail?: unknown) {
  const line = `[${area}] ${message}`
  if (detail === undefined) {
    // eslint-disable-next-line no-console
    console[level](line)
  } else {
    // eslint-disable-next-line no-console
    console[level](line, detail)
  }
}

/** Make a logger for one area, such as `'assistant'` or `'vision'`. */
export function createLogger(area: string) {
  return {
    warn: (message: string, detail?: unknown) =>
      write('warn', area, message, detail),
    error: (message: string, detail?: unknown) =>
      write('error', area, message, detail),
  }
}

/** The app shell's logger. */
export const logger = createLogger('app')
