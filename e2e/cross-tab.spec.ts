/**
 * Two tabs and one database: when a newer version of the app upgrades the
 * IndexedDB schema in one tab, the other lets go at once and asks for a
 * reload, so neither tab hangs.
 */
import { expect, test } from './fixtures'

test('a schema upgrade in another tab is not blocked, and this tab asks to reload', async ({
  app,
  page,
  context,
}) => {
  await app.signInAs('viewer')
  // Signing in keeps the session, so this tab holds the database open.
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await indexedDB.databases()).some((info) => info.name === 'enclave'),
      ),
    )
    .toBe(true)

  const other = await context.newPage()
  await other.goto('/favicon.svg')
  const outcome = await other.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('enclave', 1000)
        request.onsuccess = () => {
          request.result.close()
          resolve('opened')
        }
        request.onblocked = () => resolve('blocked')
        request.onerror = () => resolve('failed')
      }),
  )

  expect(outcome).toBe('opened')
  const notice = page
    .getByRole('alert')
    .filter({ hasText: 'Enclave was updated in another tab' })
  await expect(notice).toBeVisible()
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible()
})
