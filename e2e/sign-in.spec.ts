/**
 * Sign-in, roles and sign-out, as a user meets them in the browser.
 */
import { E2E_DEMO_PASSWORD } from './environment'
import { expect, test } from './fixtures'

const MENU_BY_ROLE = {
  viewer: ['Dashboard', 'Library', 'Settings'],
  editor: ['Dashboard', 'Assistant', 'Vision', 'Library', 'Settings'],
  manager: [
    'Dashboard',
    'Assistant',
    'Vision',
    'Library',
    'Analytics',
    'Admin',
    'Settings',
  ],
  admin: [
    'Dashboard',
    'Assistant',
    'Vision',
    'Library',
    'Analytics',
    'Admin',
    'Settings',
  ],
} as const

for (const [role, menu] of Object.entries(MENU_BY_ROLE)) {
  test(`${role} signs in and sees exactly their modules`, async ({ app }) => {
    await app.signInAs(role as keyof typeof MENU_BY_ROLE)
    expect(await app.menuEntries()).toEqual(menu)
    await expect(
      app.page.getByRole('heading', { name: 'Dashboard', level: 1 }),
    ).toBeVisible()
  })
}

test('a wrong password says so, keeps the username and clears the password', async ({
  app,
  page,
}) => {
  await page.goto('/login')
  await app.submitSignIn('editor', 'not-the-password')

  await expect(page.getByRole('alert')).toHaveText(
    /username and password do not match/,
  )
  await expect(page.getByLabel('Username')).toHaveValue('editor')
  await expect(page.getByLabel('Password')).toHaveValue('')
  await expect(page).toHaveURL(/\/login$/)
})

test('a deep link while signed out goes to sign-in and back to the link', async ({
  app,
  page,
}) => {
  await page.goto('/settings?tab=account#roles')
  await expect(page).toHaveURL(/\/login\?redirect=/)

  await app.submitSignIn('viewer', E2E_DEMO_PASSWORD)

  await expect(page).toHaveURL(/\/settings\?tab=account#roles$/)
  await expect(
    page.getByRole('heading', { name: 'Settings', level: 1 }),
  ).toBeVisible()
})

test('a redirect that points off the site is ignored', async ({
  app,
  page,
}) => {
  await page.goto('/login?redirect=//example.invalid/phish')
  await app.submitSignIn('viewer', E2E_DEMO_PASSWORD)

  await expect(
    page.getByRole('heading', { name: 'Dashboard', level: 1 }),
  ).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/')
})

test('a forbidden module by URL shows what is missing and the roles held', async ({
  app,
  page,
}) => {
  await app.signInAs('viewer')
  await page.goto('/admin')

  await expect(page).toHaveURL(/\/forbidden\?module=admin/)
  await expect(
    page.getByRole('heading', { name: 'You do not have access to this page' }),
  ).toBeVisible()
  await expect(page.getByText('users.manage')).toBeVisible()
  await expect(page.getByText('audit.read')).toBeVisible()
  await expect(page.getByText(/Your roles: viewer/)).toBeVisible()
})

test('after sign-out, Back shows no protected content', async ({
  app,
  page,
}) => {
  await app.signInAs('manager')
  await app.menu.getByRole('link', { name: 'Admin' }).click()
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()

  await app.signOutButton.click()
  await expect(
    page.getByRole('heading', { name: 'Sign in to Enclave' }),
  ).toBeVisible()

  await page.goBack()
  await expect(
    page.getByRole('heading', { name: 'Sign in to Enclave' }),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Audit log' })).toHaveCount(0)
  await expect(app.signOutButton).toHaveCount(0)
})

test('a reload keeps the session without asking for the password', async ({
  app,
  page,
}) => {
  await app.signInAs('editor')
  await app.menu.getByRole('link', { name: 'Vision' }).click()
  await expect(
    page.getByRole('heading', { name: 'Vision', level: 1 }),
  ).toBeVisible()

  await page.reload()

  await expect(
    page.getByRole('heading', { name: 'Vision', level: 1 }),
  ).toBeVisible()
  await expect(app.signOutButton).toBeVisible()
})

test('the app is served with a CSP that keeps requests on this origin', async ({
  page,
}) => {
  const response = await page.goto('/login')
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("connect-src 'self'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("frame-ancestors 'none'")
})

test('the placeholder modules say plainly that they are not built yet', async ({
  app,
  page,
}) => {
  await app.signInAs('admin')
  for (const name of ['Library', 'Analytics']) {
    await app.menu.getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
    await expect(page.getByLabel('Not built yet')).toBeVisible()
  }
})
