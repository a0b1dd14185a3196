/**
 * Values the Playwright config and the specs share: the port of the server
 * under test and the demo accounts' password.
 */

/** Port of the server the end-to-end run starts. */
export const E2E_PORT = 4180

/** Password of every demo account in the end-to-end run. */
export const E2E_DEMO_PASSWORD = 'e2e-demo-password-7f3k'
