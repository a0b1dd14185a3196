/**
 * Safe updates: a new version deployed under an open tab waits until the
 * user presses Reload, then takes over in one reload. This spec builds and
 * serves its own copies of the app, so rebuilding cannot disturb the other
 * specs' server.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import type { RunningServer } from '../src/server/server'
import { startOwnServer } from './support/own-server'

function buildInto(outDir: string, buildId: string): void {
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { env: { ...process.env, ENCLAVE_BUILD_ID: buildId }, stdio: 'pipe' },
  )
}

test.describe('updates', () => {
  test.describe.configure({ timeout: 120_000 })

  let root: string
  let server: RunningServer

  test.beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-update-'))
    buildInto(path.join(root, 'dist'), 'e2e-v1')
    server = await startOwnServer({
      ENCLAVE_DIST_DIR: path.join(root, 'dist'),
    })
  })

  test.afterAll(async () => {
    await server.close()
    fs.rmSync(root, { recursive: true, force: true })
  })

  test('a new version shows a toast, and Reload opens it', async ({ page }) => {
    await page.goto(`${server.url}/login`)
    await expect(page.getByTestId('build-id')).toHaveText('e2e-v1')
    await expect(
      page.getByText('Enclave is ready to work offline.'),
    ).toBeVisible()

    buildInto(path.join(root, 'dist'), 'e2e-v2')
    // The browser checks for a new worker on its own schedule; ask now.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      await registration?.update()
    })

    const toast = page
      .getByRole('status')
      .filter({ hasText: 'A new version of Enclave is ready.' })
    await expect(toast).toBeVisible()
    await expect(page.getByTestId('build-id')).toHaveText('e2e-v1')

    await Promise.all([
      page.waitForEvent('load'),
      toast.getByRole('button', { name: 'Reload' }).click(),
    ])
    await expect(page.getByTestId('build-id')).toHaveText('e2e-v2')
    await expect(
      page.getByText('A new version of Enclave is ready.'),
    ).toHaveCount(0)
  })
})
