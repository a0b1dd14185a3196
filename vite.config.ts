/**
 * Build and dev-server configuration, and the unit-test runner's.
 *
 * The build writes `dist/.vite/manifest.json`, which the size benchmark and
 * the chunk test read to know which chunk belongs to which module.
 */
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

const apiTarget = `http://127.0.0.1:${process.env.ENCLAVE_PORT ?? '8080'}`

export default defineConfig({
  plugins: [react()],
  build: {
    manifest: true,
    target: 'es2022',
    // No inline modulepreload polyfill: the CSP forbids inline script.
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 15_000,
  },
})
