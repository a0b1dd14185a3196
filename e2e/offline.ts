/**
 * Helpers for offline tests. `context.setOffline` cuts the page off but not
 * the service worker's own fetches, so those are aborted with a route too.
 */
import type { BrowserContext, Page, Route } from '@playwright/test'
import { expect } from '@playwright/test'

function abortWorkerFetches(route: Route) {
  if (route.request().serviceWorker()) {
    return route.abort('internetdisconnected')
  }
  return route.fallback()
}

/** Take the page and its service worker offline. */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true)
  await context.route('**/*', abortWorkerFetches)
}

/**
 * Bring them back online. Chromium under Playwright's network emulation
 * does not fire the `online` event when the emulation ends (seen here), so
 * it is fired by hand on each open page, as a real browser would.
 */
export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**/*', abortWorkerFetches)
  await context.setOffline(false)
  for (const page of context.pages()) {
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
  }
}

/** Wait until the worker controls the page and has precached the app. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await expect(
    page.getByText('Enclave is ready to work offline.'),
  ).toBeVisible()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}
