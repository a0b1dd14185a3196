/**
 * The live camera when the browser refuses the camera: a clear alert, and
 * the Start button stays usable for another try.
 */
import { expect, test } from './fixtures'
import { cameraBrowser, openVision } from './vision-camera'

test.use(cameraBrowser('--deny-permission-prompts'))

test('says the camera may not be used when it is refused', async ({
  app,
  page,
}) => {
  await openVision(app, page)
  await page.getByRole('button', { name: 'Start camera' }).click()
  await expect(page.getByRole('alert')).toHaveText(/may not use the camera/)
  await expect(page.getByRole('button', { name: 'Start camera' })).toBeEnabled()
})
