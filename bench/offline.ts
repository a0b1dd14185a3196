/**
 * `npm run bench:offline`: what offline support costs and what it buys,
 * measured in Chromium against the production build. Writes
 * `bench/results/offline.json`.
 *
 * - precache bytes: the sum of every body the service worker stored at
 *   install, read back from its cache;
 * - cold start to offline ready: from the first navigation in an empty
 *   profile until the worker controls the page with the precache complete;
 * - shell load, cold (network, empty caches) against warm (a reload served
 *   by the worker), as medians over several fresh profiles, and their ratio.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { startOwnServer } from '../e2e/support/own-server'
import { median } from './stats'

const RUNS = 7

/** Milliseconds from navigation start to the sign-in form on screen. */
async function shellLoadMs(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Sign in' }).waitFor()
  return page.evaluate(() => performance.now())
}

async function waitForPrecache(page: Page): Promise<void> {
  await page.getByText('Enclave is ready to work offline.').waitFor()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

async function main(): Promise<void> {
  if (!fs.existsSync('dist/sw.js')) {
    throw new Error('No build in dist/: run npm run build first.')
  }
  const server = await startOwnServer({
    ENCLAVE_DIST_DIR: path.resolve('dist'),
  })
  const browser = await chromium.launch(chromiumLaunchOptions())

  const cold: number[] = []
  const warm: number[] = []
  const toOfflineReady: number[] = []
  let precacheBytes = 0
  let precacheEntries = 0

  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext()
      const page = await context.newPage()

      const started = Date.now()
      await page.goto(`${server.url}/login`)
      cold.push(await shellLoadMs(page))
      await waitForPrecache(page)
      toOfflineReady.push(Date.now() - started)

      await page.reload()
      warm.push(await shellLoadMs(page))

      if (run === 0) {
        const stored = await page.evaluate(async () => {
          const name = (await caches.keys()).find((key) =>
            key.includes('precache'),
          )
          if (!name) return { bytes: 0, entries: 0 }
          const cache = await caches.open(name)
          let bytes = 0
          const requests = await cache.keys()
          for (const request of requests) {
            const response = await cache.match(request)
            bytes += (await response?.blob())?.size ?? 0
          }
          return { bytes, entries: requests.length }
        })
        precacheBytes = stored.bytes
        precacheEntries = stored.entries
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }

  const coldMedian = median(cold)
  const warmMedian = median(warm)
  const report = {
    measuredAt: new Date().toISOString(),
    runs: RUNS,
    note: 'Chromium headless on 127.0.0.1; times in ms; warm is a reload served by the service worker',
    precache: { bytes: precacheBytes, entries: precacheEntries },
    coldStartToOfflineReadyMs: {
      median: median(toOfflineReady),
      samples: toOfflineReady,
    },
    shellLoadMs: {
      coldMedian,
      warmMedian,
      warmToColdRatio: Number((warmMedian / coldMedian).toFixed(3)),
      cold,
      warm,
    },
  }
  fs.mkdirSync('bench/results', { recursive: true })
  fs.writeFileSync(
    'bench/results/offline.json',
    `${JSON.stringify(report, null, 2)}\n`,
  )
  process.stdout.write(
    `precache ${(precacheBytes / 1024).toFixed(0)} KiB in ${precacheEntries} files; ` +
      `offline ready after ${report.coldStartToOfflineReadyMs.median} ms; ` +
      `shell cold ${coldMedian.toFixed(0)} ms, warm ${warmMedian.toFixed(0)} ms ` +
      `(${report.shellLoadMs.warmToColdRatio}×)\n`,
  )
}

await main()
