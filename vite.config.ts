/**
 * Build and dev-server configuration, and the unit-test runner's.
 *
 * The build writes `dist/.vite/manifest.json`, which the size benchmark and
 * the chunk test read to know which chunk belongs to which module. The
 * service worker is our own `src/sw.ts`; the PWA plugin compiles it and
 * injects the list of files to precache.
 */
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { shippedAssets } from './models/vite-plugin'

const version = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
).version

function buildId(): string {
  if (process.env.ENCLAVE_BUILD_ID) {
    return process.env.ENCLAVE_BUILD_ID
  }
  try {
    return execSync('git rev-parse --short HEAD', { stdio: 'pipe' })
      .toString()
      .trim()
  } catch {
    return 'unknown'
  }
}

const apiTarget = `http://127.0.0.1:${process.env.ENCLAVE_PORT ?? '8080'}`

export default defineConfig({
  define: {
    __ENCLAVE_VERSION__: JSON.stringify(version),
    __ENCLAVE_BUILD__: JSON.stringify(buildId()),
  },
  plugins: [
    react(),
    // The shipped models and the MediaPipe runtime, under /models/ and
    // /runtimes/ in the output folder.
    shippedAssets(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      // The app registers the worker itself, through workbox-window.
      injectRegister: false,
      // The glob below already lists every icon; listing them again here
      // would only duplicate precache entries.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Enclave',
        short_name: 'Enclave',
        description:
          'An AI workspace that runs on your device and keeps working offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f3a5f',
        background_color: '#f7f8fa',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // The plugin adds manifest.webmanifest itself.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // The icons' SVG sources are for rendering the PNGs, not for pages.
        // Models and runtimes are cached on first use under versioned names
        // (src/sw.ts), not in the precache every install downloads.
        globIgnores: ['icons/*.svg', 'models/**', 'runtimes/**'],
        // Precache everything the shell can ask for. A file over the limit
        // would be dropped silently and then missing offline, so the limit
        // sits well above the largest chunk rather than at the default 2 MiB.
        maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
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
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'models/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
  },
})
