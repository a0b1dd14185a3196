/**
 * The local engine without WebGPU (Chromium's default here, without
 * `--enable-unsafe-webgpu`): the status line says it is unavailable and
 * why, and a language model is not downloaded.
 */
import { expect, test } from './fixtures'

test('reports the local engine unavailable, with the reason, and downloads no language model', async ({
  app,
  page,
}) => {
  await app.signInAs('manager')
  const line =
    /^Local engine: unavailable — (no WebGPU adapter|this browser has no WebGPU)$/
  await expect(page.getByText(line)).toBeVisible()

  const asked: string[] = []
  page.on('request', (request) => asked.push(new URL(request.url()).pathname))
  await page
    .getByRole('navigation', { name: 'Modules' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await page
    .getByLabel('Model URL')
    .fill(new URL('/never.task', page.url()).href)
  await page.getByRole('button', { name: 'Install', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('offers no usable WebGPU')
  expect(asked).not.toContain('/never.task')
})
