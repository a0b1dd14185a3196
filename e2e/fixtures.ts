/**
 * Shared test setup: a page object for sign-in and the shell, and a check
 * that no request from the page leaves the app's own origin.
 */
import { expect, test as base, type Page } from '@playwright/test'
import type { Role } from '../src/core/permissions'
import { E2E_DEMO_PASSWORD } from './environment'

/** Drives the sign-in page and the shell's menu. */
export class AppPage {
  constructor(readonly page: Page) {}

  /** Fill and submit the sign-in form on the current page. */
  async submitSignIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username)
    await this.page.getByLabel('Password').fill(password)
    await this.page.getByRole('button', { name: 'Sign in' }).click()
  }

  /** Open `/login` and sign in as a demo account; waits for the shell. */
  async signInAs(role: Role): Promise<void> {
    await this.page.goto('/login')
    await this.submitSignIn(role, E2E_DEMO_PASSWORD)
    await expect(this.signOutButton).toBeVisible()
  }

  /** The "Sign out" control in the shell. */
  get signOutButton() {
    return this.page.getByRole('button', { name: 'Sign out' })
  }

  /** The module menu. */
  get menu() {
    return this.page.getByRole('navigation', { name: 'Modules' })
  }

  /** The names of the modules in the menu, in order. */
  async menuEntries(): Promise<string[]> {
    return this.menu.getByRole('link').allInnerTexts()
  }
}

/**
 * Playwright's test with an AppPage and the same-origin check.
 * `testOrigins` names servers on 127.0.0.1 that a spec started itself and
 * lets the page reach (the model file server); nothing else is allowed.
 */
export const test = base.extend<{ app: AppPage; testOrigins: string[] }>({
  testOrigins: [[], { option: true }],
  app: async ({ page, baseURL, testOrigins }, use) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1').origin
    const allowed = new Set([origin, ...testOrigins])
    const foreign: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.protocol.startsWith('http') && !allowed.has(url.origin)) {
        foreign.push(url.origin)
      }
    })
    await use(new AppPage(page))
    expect(foreign, 'requests that left the app origin').toEqual([])
  },
})

export { expect }
