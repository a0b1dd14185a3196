/**
 * Vision tasks from models installed in Settings → Models. No official
 * MediaPipe model can be downloaded here, so a file that is not a model is
 * imported and marked as an object detector: the vision page must offer
 * "Detect objects" (and only that), and refuse the file with a clear error.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { expect, test } from './fixtures'

const COFFEE = path.resolve('e2e/photos/coffee.png')

test.beforeAll(() => {
  execFileSync('sh', ['e2e/fetch-photos.sh'], { stdio: 'inherit' })
})

test('offers object detection for a file marked as a detector, and refuses it as not a model', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000)
  await app.signInAs('editor')
  await page.goto('/vision')
  await expect(
    page.getByText('Install an object detection or image classification'),
  ).toBeVisible()
  await expect(
    page.getByRole('button', { name: 'Detect objects' }),
  ).toHaveCount(0)

  await page.goto('/settings')
  await page.getByRole('heading', { name: 'Models' }).waitFor()
  await page.getByLabel('Task').selectOption('object-detection')
  await page.getByLabel('Import a model file').setInputFiles({
    name: 'not-a-detector.tflite',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('these bytes are not a TFLite model'),
  })
  await expect(page.getByText('Installed not-a-detector.tflite')).toBeVisible()

  await page.goto('/vision')
  const detect = page.getByRole('button', { name: 'Detect objects' })
  await expect(detect).toBeVisible()
  await expect(
    page.getByRole('button', { name: 'Classify image' }),
  ).toHaveCount(0)
  await page.getByLabel('Image for the installed models').setInputFiles(COFFEE)
  await detect.click()
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'not a valid MediaPipe model for this task' }),
  ).toBeVisible({ timeout: 30_000 })
})
