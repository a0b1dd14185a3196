/**
 * Each module is its own chunk, and the browser downloads a module's code
 * only when it shows that module: never on the sign-in page, and never for a
 * module the user's role does not allow.
 */
import type { Page } from '@playwright/test'
import type { ModuleId } from '../src/core/modules'
import { moduleChunks } from './build-manifest'
import { expect, test } from './fixtures'

const chunks = moduleChunks()

/** Start recording which module chunks the page downloads. */
function recordModuleChunks(page: Page): Set<ModuleId> {
  const loaded = new Set<ModuleId>()
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    for (const [id, chunk] of Object.entries(chunks)) {
      if (pathname === chunk) {
        loaded.add(id as ModuleId)
      }
    }
  })
  return loaded
}

test('the build gives every module a chunk of its own', () => {
  const files = Object.values(chunks)
  expect(new Set(files).size).toBe(files.length)
})

test('the sign-in page downloads no module code', async ({ page }) => {
  const loaded = recordModuleChunks(page)
  await page.goto('/login')
  await expect(
    page.getByRole('heading', { name: 'Sign in to Enclave' }),
  ).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect([...loaded]).toEqual([])
})

test('the dashboard downloads only the dashboard module', async ({
  app,
  page,
}) => {
  const loaded = recordModuleChunks(page)
  await app.signInAs('viewer')
  await page.waitForLoadState('networkidle')
  expect([...loaded]).toEqual(['dashboard'])
})

test('a module the role does not allow is never downloaded', async ({
  app,
  page,
}) => {
  await app.signInAs('viewer')
  const loaded = recordModuleChunks(page)

  await page.goto('/admin')
  await expect(page).toHaveURL(/\/forbidden/)
  await page.goto('/assistant')
  await expect(page).toHaveURL(/\/forbidden/)
  await page.waitForLoadState('networkidle')

  expect(loaded.has('admin')).toBe(false)
  expect(loaded.has('assistant')).toBe(false)
})

test('opening a module from the menu downloads its chunk then', async ({
  app,
  page,
}) => {
  await app.signInAs('editor')
  const loaded = recordModuleChunks(page)
  expect(loaded.has('vision')).toBe(false)

  await app.menu.getByRole('link', { name: 'Vision' }).click()
  await expect(
    page.getByRole('heading', { name: 'Vision', level: 1 }),
  ).toBeVisible()
  expect(loaded.has('vision')).toBe(true)
})
