/**
 * The local engine with WebGPU on (SwiftShader here): the capability
 * check, installing a test "model" through the real installer (resume
 * after a cut, a wrong SHA-256), the real MediaPipe load refusing it, and
 * Auto falling back to the cloud engine for the answer.
 */
import type { Page } from '@playwright/test'
import { AssistantPage } from './assistant'
import { expect, test } from './support/model-rig'

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-unsafe-webgpu',
    ],
  },
})

async function openSettings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Modules' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await page.getByRole('heading', { name: 'Models' }).waitFor()
}

async function installFrom(page: Page, url: string, sha256: string) {
  await page.getByLabel('Model URL').fill(url)
  await page.getByLabel('SHA-256 (optional)').fill(sha256)
  await page.getByRole('button', { name: 'Install', exact: true }).click()
}

function modelFolder(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory()
    const folder = await root.getDirectoryHandle('models', { create: true })
    const names: string[] = []
    for await (const name of folder.keys()) names.push(name)
    return names.sort()
  })
}

test('the capability check reports the WebGPU adapter', async ({
  app,
  page,
}) => {
  await app.signInAs('manager')
  await expect(page.getByText(/^Local engine: available \(.+\)$/)).toBeVisible()
  await openSettings(page)
  await expect(
    page.getByRole('status').filter({ hasText: 'Local engine: available' }),
  ).toBeVisible()

  // "Import a file" goes through the same installer, hash recorded.
  await page.getByLabel('Import a model file').setInputFiles({
    name: 'imported.task',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not really a model'),
  })
  await expect(page.getByText('Installed imported.task')).toContainText(
    '(recorded at this install)',
  )
})

test('installs through a cut connection, rejects a wrong hash, then falls back to the cloud', async ({
  app,
  page,
  models,
}) => {
  const { files } = models
  await app.signInAs('manager')
  await openSettings(page)

  await installFrom(page, `${files.origin}/cut/model.task`, files.sha256)
  await expect(page.getByText(/ · 50 %/)).toBeVisible()
  files.cutNow()
  await expect(
    page.getByText(/Installed model\.task \(downloaded 100 %\)/),
  ).toBeVisible()
  await expect(page.getByText('(matched)')).toBeVisible()
  const cutRequests = files.requests.filter((r) => r.path === '/cut/model.task')
  expect(cutRequests[0]?.range).toBeNull()
  const resumedAt = Number(
    /^bytes=(\d+)-$/.exec(cutRequests[1]?.range ?? '')?.[1],
  )
  expect(resumedAt).toBe(files.bytes.length / 2)
  await expect(
    page.getByRole('row', { name: /model\.task/ }).getByText(files.sha256),
  ).toBeVisible()

  await installFrom(page, `${files.origin}/model.task`, 'ab'.repeat(32))
  await expect(page.getByRole('alert')).toContainText(
    'does not match the SHA-256 you gave',
  )
  expect(await modelFolder(page)).toEqual(['index.json', 'model.task'])

  await installFrom(page, `${files.origin}/page.html`, '')
  await expect(page.getByRole('alert')).toContainText('a web page, not a model')
  expect(await modelFolder(page)).toEqual(['index.json', 'model.task'])

  await page.getByRole('button', { name: 'Load the installed model' }).click()
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'is not a valid model for the on-device engine' }),
  ).toContainText('No model format matched')

  const assistant = new AssistantPage(page)
  await assistant.open()
  await assistant.send('Which engine?')
  await expect(assistant.lastReply).toContainText('You asked: Which engine?')
  await expect(assistant.lastReply).toContainText('cloud model · first token')
  await expect(assistant.lastReply).toContainText(
    'why: Auto: the on-device model is not ready (the installed file is not a valid model)',
  )
})
