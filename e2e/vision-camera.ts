/**
 * What the live camera specs share: a browser with Chromium's fake camera
 * and the way to the vision page. A spec's browser flags decide whether
 * the camera prompt is accepted or refused, and flags are per browser, so
 * the two cases live in two spec files.
 */
import type { Page } from '@playwright/test'
import { chromiumLaunchOptions } from './chromium'
import { expect, type AppPage } from './fixtures'

/** A cold start compiles the wasm and loads a model; see vision.spec.ts. */
export const COLD = { timeout: 25_000 }

/** Launch options for a browser with the fake camera and one more flag. */
export function cameraBrowser(flag: string) {
  return {
    launchOptions: chromiumLaunchOptions([
      '--use-fake-device-for-media-stream',
      flag,
    ]),
  }
}

/** Sign in as an editor and open the vision page on the CPU delegate. */
export async function openVision(app: AppPage, page: Page) {
  await app.signInAs('editor')
  await page.goto('/vision')
  await expect(page.getByLabel('Open image')).toBeVisible()
  await page.getByLabel('Processor').selectOption('CPU')
}
