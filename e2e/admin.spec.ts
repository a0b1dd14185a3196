/**
 * The admin console as an administrator and a manager meet it: creating and
 * disabling a user, who feels it in a second browser; the audit log's
 * filters, export and its virtualized table over 100,000 rows.
 */
import type { Page } from '@playwright/test'
import { messageFor } from '../src/core/errors'
import { openDatabase } from '../src/server/store/database'
import { seedAuditLog } from '../src/server/tools/seed-audit'
import { AppPage, expect, test } from './fixtures'
import { goOffline, goOnline } from './offline'

// The data directory playwright.config.ts gives the server under test.
const E2E_DATA_DIR = 'data/e2e'

const NEW_PASSWORD = 'harbor-quill-meadow-5150'

async function openAdmin(app: AppPage, tab?: string): Promise<void> {
  await app.menu.getByRole('link', { name: 'Admin' }).click()
  await expect(
    app.page.getByRole('heading', { name: 'Admin', level: 1 }),
  ).toBeVisible()
  if (tab) {
    await app.page.getByRole('tab', { name: tab }).click()
  }
}

function auditTable(page: Page) {
  return page.getByRole('table', { name: 'Audit events, newest first' })
}

test('an admin creates an editor who signs in elsewhere, then disabling them refuses their next action', async ({
  app,
  page,
  browser,
  baseURL,
}) => {
  const username = `newcomer-${Date.now().toString(36)}`
  await app.signInAs('admin')
  await openAdmin(app)

  const form = page.getByRole('form', { name: 'Create a user' })
  await form.getByLabel('Username').fill(username)
  await form.getByLabel('Display name').fill('New Comer')
  await form.getByLabel('Initial password').fill(NEW_PASSWORD)
  await form.getByRole('checkbox', { name: /^viewer/ }).uncheck()
  await form.getByRole('checkbox', { name: /^editor/ }).check()
  await form.getByRole('button', { name: 'Create user' }).click()
  await expect(form.getByRole('status')).toHaveText(
    new RegExp(`Created ${username} with editor`),
  )

  const context = await browser.newContext({ baseURL })
  const other = new AppPage(await context.newPage())
  await other.page.goto('/login')
  await other.submitSignIn(username, NEW_PASSWORD)
  await expect(other.signOutButton).toBeVisible()
  expect(await other.menuEntries()).toEqual([
    'Dashboard',
    'Assistant',
    'Vision',
    'Library',
    'Settings',
  ])

  await page.getByRole('button', { name: `Manage ${username}` }).click()
  // Disabling asks first; keeping them active changes nothing.
  await page.getByRole('button', { name: `Disable ${username}` }).click()
  await expect(
    page.getByRole('button', { name: `Yes, disable ${username}` }),
  ).toBeFocused()
  await page.getByRole('button', { name: `Keep ${username} active` }).click()
  await expect(
    page.getByRole('row', { name: new RegExp(username) }),
  ).not.toContainText('disabled')
  await page.getByRole('button', { name: `Disable ${username}` }).click()
  await page.getByRole('button', { name: `Yes, disable ${username}` }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `${username} is disabled` }),
  ).toBeVisible()
  await expect(
    page.getByRole('row', { name: new RegExp(username) }),
  ).toContainText('disabled')

  // Their next action that reaches the server: opening Settings, which
  // checks the account with the server.
  await other.menu.getByRole('link', { name: 'Settings' }).click()
  await expect(
    other.page.getByRole('heading', { name: 'Sign in to Enclave' }),
  ).toBeVisible()
  await expect(
    other.page.getByText(messageFor('session_revoked')),
  ).toBeVisible()
  await context.close()

  await page.getByRole('tab', { name: 'Audit log' }).click()
  await page.getByLabel('Target contains').fill(username)
  const rows = auditTable(page).getByRole('row')
  await expect(rows.filter({ hasText: 'User created' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'User disabled' })).toHaveCount(1)
  await expect(
    rows.filter({ hasText: 'Sign-in' }).filter({ hasText: 'success' }),
  ).toHaveCount(1)
  await expect(
    rows.filter({ hasText: 'Session refresh refused' }),
  ).toContainText('reason: disabled')
})

test('a manager reads the audit log and the roles, but is offered no user management', async ({
  app,
  page,
}) => {
  await app.signInAs('manager')
  await openAdmin(app)

  await expect(page.getByRole('tab')).toHaveText(['Audit log', 'Roles'])
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()
  await expect(auditTable(page)).toBeVisible()

  await page.getByRole('tab', { name: 'Audit log' }).press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Roles' })).toBeFocused()
  const roles = page.getByRole('table', { name: 'Permissions of each role' })
  const usersManage = roles.getByRole('row', { name: /users\.manage/ })
  await expect(usersManage.getByRole('cell')).toHaveText(
    ['not granted', 'not granted', 'not granted', 'granted'].map(
      (text) => new RegExp(`${text}$`),
    ),
  )
})

test('the audit filter is exported as CSV', async ({ app, page }) => {
  await app.signInAs('admin')
  await openAdmin(app, 'Audit log')
  await page.getByLabel('Actor').fill('admin')
  await page.getByLabel('Action').selectOption('auth.login')
  await expect(page.getByRole('status').first()).toHaveText(/event/)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download

  expect(file.suggestedFilename()).toMatch(/^enclave-audit-.*\.csv$/)
  const lines = (await readText(file)).trimEnd().split('\r\n')
  expect(lines[0]).toBe(
    'id,time_utc,actor,actor_id,action,target,outcome,address,detail',
  )
  expect(lines.length).toBeGreaterThan(1)
  for (const line of lines.slice(1)) {
    expect(line).toMatch(/^\d+,[^,]+,admin,\d+,auth\.login,/)
  }
})

test('offline, the users tab says its actions need a connection', async ({
  app,
  page,
  context,
}) => {
  await app.signInAs('admin')
  await openAdmin(app)
  await expect(page.getByRole('button', { name: 'Manage admin' })).toBeVisible()

  await goOffline(context)
  await page.evaluate(() => window.dispatchEvent(new Event('offline')))

  const create = page.getByRole('button', { name: 'Create user' })
  await expect(create).toBeDisabled()
  await expect(create).toHaveAccessibleDescription('needs a connection')
  await goOnline(context)
  await expect(create).toBeEnabled()
})

test('scrolling 100,000 audit events keeps under 60 row elements in the DOM', async ({
  app,
  page,
}) => {
  const db = openDatabase(E2E_DATA_DIR)
  try {
    seedAuditLog(db, 100_000)
  } finally {
    db.close()
  }
  await app.signInAs('admin')
  await openAdmin(app, 'Audit log')
  await page.getByLabel('Target contains').fill('seeded target')
  const table = auditTable(page)
  await expect(table.getByRole('row').nth(1)).toContainText('seeded target')

  // Jump to the end of what is loaded, twenty times over, so twenty pages
  // arrive while the page counts row elements on every frame.
  const scrolled = await table
    .getByRole('rowgroup', { name: /scroll for older/ })
    .evaluate(async (scroller) => {
      const rowsNow = () => document.querySelectorAll('[role="row"]').length
      let most = rowsNow()
      let sampling = true
      const sample = () => {
        most = Math.max(most, rowsNow())
        if (sampling) requestAnimationFrame(sample)
      }
      requestAnimationFrame(sample)
      for (let jump = 0; jump < 20; jump++) {
        const height = scroller.scrollHeight
        scroller.scrollTop = height
        const deadline = performance.now() + 5000
        while (
          scroller.scrollHeight === height &&
          performance.now() < deadline
        ) {
          await new Promise((resolve) => requestAnimationFrame(resolve))
        }
      }
      sampling = false
      const indexes = [...scroller.querySelectorAll('[aria-rowindex]')].map(
        (row) => Number(row.getAttribute('aria-rowindex')),
      )
      return { most, deepest: Math.max(...indexes) }
    })

  expect(scrolled.most).toBeLessThan(60)
  expect(scrolled.deepest).toBeGreaterThan(10_000)
  await expect(
    page.getByRole('status').filter({ hasText: 'loaded' }),
  ).toHaveText(/^[\d,]+ events loaded/)
})

async function readText(file: import('@playwright/test').Download) {
  const stream = await file.createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
