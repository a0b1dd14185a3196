/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download its own
 * browser here). The server is started once for the run, on its own port,
 * with a fresh data directory and a known demo password; the app must have
 * been built first (`npm test` does that).
 */
import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/chromium'
import {
  E2E_DATA_DIR,
  E2E_DEMO_PASSWORD,
  E2E_DIST_DIR,
  E2E_PORT,
} from './e2e/environment'

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `rm -rf '${E2E_DATA_DIR}' && tsx src/server/main.ts`,
    url: `http://127.0.0.1:${E2E_PORT}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ENCLAVE_HOST: '127.0.0.1',
      ENCLAVE_PORT: String(E2E_PORT),
      ENCLAVE_DATA_DIR: E2E_DATA_DIR,
      ENCLAVE_DIST_DIR: E2E_DIST_DIR,
      ENCLAVE_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      ENCLAVE_LOG_LEVEL: 'warn',
    },
  },
})
