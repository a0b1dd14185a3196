/**
 * Installability, the asset caches' refusal of bad responses, and recovery
 * when a module's code cannot be loaded.
 */
import fs from 'node:fs'
import path from 'node:path'
import { E2E_DIST_DIR } from './environment'
import { expect, test } from './fixtures'
import { waitForOfflineReady } from './offline'

test('the web app manifest has every field and its icons load', async ({
  page,
  request,
}) => {
  await page.goto('/login')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBe('/manifest.webmanifest')

  const manifest = (await (await request.get(href ?? '')).json()) as {
    name: string
    short_name: string
    description: string
    start_url: string
    scope: string
    display: string
    theme_color: string
    background_color: string
    icons: { src: string; sizes: string; type: string; purpose?: string }[]
  }
  expect(manifest).toMatchObject({
    name: 'Enclave',
    short_name: 'Enclave',
    start_url: '/',
    scope: '/',
    display: 'standalone',
  })
  expect(manifest.description.length).toBeGreaterThan(10)
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i)
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  )
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true)

  const touchIcon = await page
    .locator('link[rel="apple-touch-icon"]')
    .getAttribute('href')
  await expect(page.locator('meta[name="theme-color"]')).toHaveCount(1)
  for (const src of [...manifest.icons.map((icon) => icon.src), touchIcon]) {
    const response = await request.get(src ?? '')
    expect(response.status(), src ?? '').toBe(200)
    expect(response.headers()['content-type']).toBe('image/png')
  }
})

test('the Install button appears when the browser offers installation', async ({
  app,
  page,
}) => {
  await app.signInAs('viewer')
  const install = page.getByRole('button', { name: 'Install Enclave' })
  await expect(install).toHaveCount(0)

  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true })
    Object.assign(offer, {
      prompt: () => Promise.resolve(),
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    })
    window.dispatchEvent(offer)
  })
  await expect(install).toBeVisible()

  await install.click()
  await expect(install).toHaveCount(0)
})

test.describe('asset caches', () => {
  const probeDir = path.resolve(E2E_DIST_DIR, 'runtimes')
  let probeName = ''

  // A real file in the served folder, named per test so parallel runs do
  // not remove each other's.
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument first
  test.beforeEach(({}, testInfo) => {
    probeName = `e2e-probe-${testInfo.workerIndex}-${testInfo.repeatEachIndex}.bin`
    fs.mkdirSync(probeDir, { recursive: true })
    fs.writeFileSync(path.join(probeDir, probeName), Buffer.alloc(4096, 7))
  })

  test.afterEach(() => {
    fs.rmSync(path.join(probeDir, probeName), { force: true })
  })

  test('a model URL answered with HTML is not cached, a real runtime file is', async ({
    app,
    page,
    context,
  }) => {
    await page.addInitScript(() => {
      const storage = navigator.storage
      const persist = storage.persist.bind(storage)
      Object.assign(window, { persistRequests: 0 })
      storage.persist = () => {
        Object.assign(window, {
          persistRequests:
            (window as unknown as { persistRequests: number }).persistRequests +
            1,
        })
        return persist()
      }
    })
    await app.signInAs('viewer')
    await waitForOfflineReady(page)
    // A proxy or misconfigured server answering a model URL with a page.
    await context.route('**/models/face.tflite', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Sign in to the network</title>',
      }),
    )

    const result = await page.evaluate(async (probe) => {
      const html = await fetch('/models/face.tflite')
      const real = await fetch(`/runtimes/${probe}`)
      const modelKeys = await (await caches.open('enclave-models-v1')).keys()
      const runtimeKeys = await (
        await caches.open('enclave-runtimes-v1')
      ).keys()
      return {
        htmlType: html.headers.get('content-type'),
        realBytes: (await real.arrayBuffer()).byteLength,
        models: modelKeys.map((request) => new URL(request.url).pathname),
        runtimes: runtimeKeys.map((request) => new URL(request.url).pathname),
      }
    }, probeName)

    expect(result.htmlType).toContain('text/html')
    expect(result.models).toEqual([])
    expect(result.realBytes).toBe(4096)
    expect(result.runtimes).toEqual([`/runtimes/${probeName}`])
    // Storing a runtime is when persistent storage starts to matter.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { persistRequests: number }).persistRequests,
        ),
      )
      .toBeGreaterThan(0)
  })
})

test.describe('a module whose code fails to load', () => {
  // With the worker blocked, chunk requests reach the network, where the
  // test can make them fail as after a deploy that removed old files.
  test.use({ serviceWorkers: 'block' })

  test('reloads once by itself, then offers Retry', async ({ app, page }) => {
    await app.signInAs('editor')
    let documentLoads = 0
    page.on('load', () => documentLoads++)
    await page.route('**/assets/vision-page-*.js', (route) => route.abort())

    await app.menu.getByRole('link', { name: 'Vision' }).click()

    await expect(
      page.getByRole('heading', { name: 'This page could not be loaded' }),
    ).toBeVisible()
    expect(documentLoads).toBe(1)

    await page.unroute('**/assets/vision-page-*.js')
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(
      page.getByRole('heading', { name: 'Vision', level: 1 }),
    ).toBeVisible()
  })
})
