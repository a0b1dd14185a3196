/**
 * Which build of Enclave this is, stamped in by the bundler, so a user (and
 * the update test) can tell an old version from a new one.
 */

declare const __ENCLAVE_VERSION__: string
declare const __ENCLAVE_BUILD__: string

/** The package version, such as `0.1.0`. */
export const APP_VERSION = __ENCLAVE_VERSION__

/** The build id: `ENCLAVE_BUILD_ID` at build time, else the git commit. */
export const BUILD_ID = __ENCLAVE_BUILD__
