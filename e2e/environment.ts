/**
 * Values the Playwright config and the specs share: where the server under
 * test listens, what it serves and stores, and the demo accounts' password.
 *
 * The defaults are what `npm test` uses. The variables let a second run go
 * on beside the first (another port, build folder and data folder) without
 * either disturbing the other.
 */

/** Port of the server the end-to-end run starts (`ENCLAVE_E2E_PORT`). */
export const E2E_PORT = Number(process.env.ENCLAVE_E2E_PORT ?? 4180)

/** The build it serves (`ENCLAVE_E2E_DIST_DIR`). */
export const E2E_DIST_DIR = process.env.ENCLAVE_E2E_DIST_DIR ?? 'dist'

/** Its data folder, emptied at the start of each run (`ENCLAVE_E2E_DATA_DIR`). */
export const E2E_DATA_DIR = process.env.ENCLAVE_E2E_DATA_DIR ?? 'data/e2e'

/** Password of every demo account in the end-to-end run. */
export const E2E_DEMO_PASSWORD = 'e2e-demo-password-7f3k'
