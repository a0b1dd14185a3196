/**
 * How every Enclave test and benchmark starts Chromium: Debian's binary
 * (Playwright cannot download its own here), and the flags that keep it
 * from trying to reach the network by itself, which on these machines only
 * fills the log with refused connections.
 */

/** Path of the Chromium binary (`CHROMIUM_PATH` overrides it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Command-line flags for every launch; add task-specific ones after. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Launch options for Playwright, with any extra flags appended. */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []) {
  return {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  }
}
