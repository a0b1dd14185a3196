/**
 * Offline: after one visit the app opens with no connection, every module
 * the role allows renders from the precache, and what needs the server says
 * so. A kept session past its grace period asks for a connection instead.
 */
import type { BrowserContext } from '@playwright/test'
import type { Role } from '../src/core/permissions'
import { moduleChunks } from './build-manifest'
import { E2E_DEMO_PASSWORD } from './environment'
import { expect, test, type AppPage } from './fixtures'
import { goOffline, goOnline, waitForOfflineReady } from './offline'

test('the worker controls the page and precaches the shell and every module', async ({
  app,
  page,
}) => {
  await app.signInAs('viewer')
  await waitForOfflineReady(page)

  const cached = await page.evaluate(async () => {
    const names = await caches.keys()
    const precache = names.find((name) => name.includes('precache'))
    if (!precache) return []
    const requests = await (await caches.open(precache)).keys()
    return requests.map((request) => new URL(request.url).pathname)
  })

  expect(cached).toContain('/index.html')
  expect(cached).toContain('/manifest.webmanifest')
  for (const chunk of Object.values(moduleChunks())) {
    expect(cached).toContain(chunk)
  }
})

/** Sign in as `role`, wait until the app works offline, reload offline. */
async function signInThenReloadOffline(
  app: AppPage,
  context: BrowserContext,
  role: Role,
) {
  await app.signInAs(role)
  await waitForOfflineReady(app.page)
  await goOffline(context)
  await app.page.reload()
  await expect(app.page.getByText(/You are offline/)).toBeVisible()
}

test('offline, a reload opens every allowed module and server actions need a connection', async ({
  app,
  page,
  context,
}) => {
  await signInThenReloadOffline(app, context, 'admin')
  await expect(app.signOutButton).toBeVisible()
  const modules = await app.menuEntries()
  expect(modules).toHaveLength(7)
  for (const name of modules) {
    await app.menu.getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  }

  await app.menu.getByRole('link', { name: 'Admin' }).click()
  await expect(page.getByText(/needs a connection/i).first()).toBeVisible()

  await goOnline(context)
})

test('back online, the kept session is swapped for a real one', async ({
  app,
  page,
  context,
}) => {
  await signInThenReloadOffline(app, context, 'editor')

  await goOnline(context)

  await expect(page.getByText(/You are offline/)).toHaveCount(0)
  await expect(app.signOutButton).toBeVisible()
})

test('offline, a kept session past its grace period asks for a connection', async ({
  app,
  page,
  context,
}) => {
  await app.signInAs('viewer')
  await waitForOfflineReady(page)
  await goOffline(context)

  // Default grace period is 72 hours; jump past it.
  await page.clock.setSystemTime(Date.now() + 73 * 3_600_000)
  await page.reload()

  await expect(
    page.getByRole('heading', { name: 'Sign in to Enclave' }),
  ).toBeVisible()
  await expect(
    page.getByText(/sign-in saved on this device has expired/),
  ).toBeVisible()
  await goOnline(context)
})

test('sign-out wipes the kept session, so offline the app does not open', async ({
  app,
  page,
  context,
}) => {
  await app.signInAs('viewer')
  await waitForOfflineReady(page)
  await app.signOutButton.click()
  await expect(
    page.getByRole('heading', { name: 'Sign in to Enclave' }),
  ).toBeVisible()

  await goOffline(context)
  await page.goto('/')

  await expect(
    page.getByRole('heading', { name: 'Sign in to Enclave' }),
  ).toBeVisible()
  await expect(page.getByText(/server cannot be reached/)).toBeVisible()
  await goOnline(context)
})

test('a full disk at sign-in is reported, and the sign-in still works', async ({
  app,
  page,
  context,
  baseURL,
}) => {
  const cdp = await context.newCDPSession(page)
  await page.goto('/login')
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(baseURL ?? '').origin,
    quotaSize: 1,
  })

  await app.submitSignIn('viewer', E2E_DEMO_PASSWORD)

  await expect(app.signOutButton).toBeVisible()
  await expect(
    page.getByRole('alert').filter({ hasText: 'out of storage space' }),
  ).toBeVisible()
})
