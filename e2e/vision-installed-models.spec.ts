/**
 * Vision tasks from models installed in Settings → Models. No official
 * MediaPipe model can be downloaded here, so two stand-ins are imported: a
 * file that is not a model, marked as an object detector, which the page
 * must offer as "Detect objects" (and only that) and refuse with a clear
 * error; and a real tiny classifier built for tests (it tells red, green
 * and blue apart), which must load, answer with its labels and leave its
 * runs in the metrics table.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { InstalledVisionTask } from '../models/model-catalog'
import { buildColourClassifier } from '../models/testing/colour-classifier'
import type { VisionMetricRow } from '../src/db/vision-rows'
import { expect, test } from './fixtures'
import { drawnImage } from './support/drawn-image'
import { readStore } from './support/indexed-db'

const COFFEE = path.resolve('e2e/photos/coffee.png')

test.beforeAll(() => {
  execFileSync('sh', ['e2e/fetch-photos.sh'], { stdio: 'inherit' })
})

/** Import a file in Settings → Models as a model for `task`. */
async function importModel(
  page: Page,
  task: InstalledVisionTask,
  file: { name: string; bytes: Buffer },
) {
  await page.goto('/settings')
  await page.getByRole('heading', { name: 'Models' }).waitFor()
  await page.getByLabel('Task').selectOption(task)
  await page.getByLabel('Import a model file').setInputFiles({
    name: file.name,
    mimeType: 'application/octet-stream',
    buffer: file.bytes,
  })
  await expect(page.getByText(`Installed ${file.name}`)).toBeVisible()
}

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

  await importModel(page, 'object-detection', {
    name: 'not-a-detector.tflite',
    bytes: Buffer.from('these bytes are not a TFLite model'),
  })

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

/** A PNG of one colour, drawn by the page itself. */
async function solidPng(page: Page, colour: string) {
  return {
    name: `${colour.slice(1)}.png`,
    mimeType: 'image/png',
    buffer: await drawnImage(page, {
      fill: colour,
      width: 64,
      height: 48,
      type: 'image/png',
    }),
  }
}

test('classifies with an installed classifier and records its runs', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000)
  await app.signInAs('editor')
  await importModel(page, 'image-classification', {
    name: 'colour-classifier.tflite',
    bytes: Buffer.from(buildColourClassifier()),
  })

  await page.goto('/vision')
  const classify = page.getByRole('button', { name: 'Classify image' })
  await expect(classify).toBeVisible()
  await expect(
    page.getByRole('button', { name: 'Detect objects' }),
  ).toHaveCount(0)
  const results = page.getByRole('status', { name: 'Installed model results' })
  const image = page.getByLabel('Image for the installed models')

  await image.setInputFiles(await solidPng(page, '#d02818'))
  await classify.click()
  await expect(results.getByText(/^Top class: red \(\d+ %\)$/)).toBeVisible({
    timeout: 30_000,
  })
  await expect(results.getByText(/^Class 2: /)).toBeVisible()

  await image.setInputFiles(await solidPng(page, '#1830d0'))
  await classify.click()
  await expect(results.getByText(/^Top class: blue /)).toBeVisible()

  // Runs are written in batches; leaving the module writes what is pending.
  await app.menu.getByRole('link', { name: 'Settings' }).click()
  await expect
    .poll(async () =>
      (await readStore<VisionMetricRow>(page, 'visionMetrics'))
        .filter((row) => row.task === 'image-classification')
        .map((row) => row.warmth),
    )
    .toEqual(['cold', 'warm'])
})
