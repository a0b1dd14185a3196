/**
 * The vision module on real photos, in Chromium: the public-domain NASA
 * astronaut portrait (one face near 178, 82, about 94 × 94 px; about 54 %
 * of it is the person) and a coffee cup with no one in it. Every test runs
 * with the fixture that fails it if any request leaves the app's origin,
 * which is where MediaPipe's usage logging would go.
 */
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { VisionMetricRow } from '../src/db/vision-rows'
import { expect, test, type AppPage } from './fixtures'
import { drawnImage } from './support/drawn-image'
import { readStore } from './support/indexed-db'

const PHOTOS = path.resolve('e2e/photos')
const ASTRONAUT = path.join(PHOTOS, 'astronaut.png')
const COFFEE = path.join(PHOTOS, 'coffee.png')

// A cold start compiles 13 MB of wasm and loads two models; with two specs
// sharing two cores that can take well over Playwright's default 5 s.
const COLD = { timeout: 25_000 }

test.beforeAll(() => {
  execFileSync('sh', ['e2e/fetch-photos.sh'], { stdio: 'inherit' })
})

async function openVision(app: AppPage, page: Page) {
  await app.signInAs('editor')
  await page.goto('/vision')
  await expect(page.getByLabel('Open image')).toBeVisible()
}

/** Sign in, open the vision page on the CPU and choose `photo`. */
async function openPhotoOnCpu(app: AppPage, page: Page, photo: string) {
  await openVision(app, page)
  await page.getByLabel('Processor').selectOption('CPU')
  await page.getByLabel('Open image').setInputFiles(photo)
}

/** The numbers of the "Face 1: x, y, w × h" line. */
async function firstFace(page: Page): Promise<number[]> {
  const line = await page.getByText(/Face 1: \d/).innerText()
  return (line.match(/\d+/g) ?? []).slice(1).map(Number)
}

function expectAstronautFace([x, y, width, height]: number[]) {
  expect(Math.abs((x ?? 0) - 178)).toBeLessThanOrEqual(6)
  expect(Math.abs((y ?? 0) - 82)).toBeLessThanOrEqual(6)
  expect(Math.abs((width ?? 0) - 94)).toBeLessThanOrEqual(6)
  expect(Math.abs((height ?? 0) - 94)).toBeLessThanOrEqual(6)
}

/**
 * Pixels of the edited preview at the given points, as [r, g, b, a]. The
 * preview canvas shows the photo worker's bitmap (a "bitmaprenderer"
 * canvas), so it is read through a 2D copy at the photo's size.
 */
function previewPixels(page: Page, name: string, points: [number, number][]) {
  return page
    .getByRole('img', { name: `Edited ${name}` })
    .evaluate((canvas: HTMLCanvasElement, at: [number, number][]) => {
      const copy = new OffscreenCanvas(canvas.width, canvas.height)
      const context = copy.getContext('2d')
      if (!context) throw new Error('No 2D context')
      context.drawImage(canvas, 0, 0)
      return at.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data])
    }, points)
}

test('finds the astronaut’s one face on the CPU and on the GPU', async ({
  app,
  page,
}) => {
  // Four cold starts (two tasks on each delegate), the GPU on SwiftShader.
  test.setTimeout(90_000)
  await openVision(app, page)
  const processor = page.getByLabel('Processor')

  await processor.selectOption('CPU')
  await page.getByLabel('Open image').setInputFiles(ASTRONAUT)
  await expect(page.getByText('1 face found')).toBeVisible(COLD)
  await expect(page.getByText('Running on the CPU.')).toBeVisible()
  expectAstronautFace(await firstFace(page))

  await processor.selectOption('GPU')
  await expect(page.getByText('Running on the GPU.')).toBeVisible(COLD)
  await expect(page.getByText('1 face found')).toBeVisible(COLD)
  expectAstronautFace(await firstFace(page))

  // Each run is a metric row, written once runs pause.
  await expect
    .poll(async () =>
      (await readStore<VisionMetricRow>(page, 'visionMetrics'))
        .filter((row) => row.task === 'face-detection' && row.ms > 0)
        .map((row) => `${row.delegate} ${row.warmth}`),
    )
    .toEqual(expect.arrayContaining(['CPU cold', 'GPU cold']))
})

test('the export changes the face and leaves the rest of the photo as it was', async ({
  app,
  page,
}) => {
  await openPhotoOnCpu(app, page, ASTRONAUT)
  await expect(page.getByText('1 face found')).toBeVisible(COLD)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('astronaut-redacted.png')
  const exported = await readFile(await download.path())
  const original = await readFile(ASTRONAUT)

  const diff = await page.evaluate(
    async ({ a, b }) => {
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
        const bitmap = await createImageBitmap(new Blob([bytes]))
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
        const context = canvas.getContext('2d')
        if (!context) throw new Error('No 2D context')
        context.drawImage(bitmap, 0, 0)
        return context.getImageData(0, 0, bitmap.width, bitmap.height)
      }
      const [before, after] = await Promise.all([decode(a), decode(b)])
      // Inside: the face itself. Outside: farther than the padding reaches.
      const inside = (x: number, y: number) =>
        x >= 190 && x < 260 && y >= 95 && y < 165
      const outside = (x: number, y: number) =>
        x < 130 || x > 320 || y < 30 || y > 230
      let changedInside = 0
      let changedOutside = 0
      for (let y = 0; y < before.height; y++) {
        for (let x = 0; x < before.width; x++) {
          const at = (y * before.width + x) * 4
          const delta = Math.max(
            ...[0, 1, 2].map((c) =>
              Math.abs((before.data[at + c] ?? 0) - (after.data[at + c] ?? 0)),
            ),
          )
          if (inside(x, y) && delta > 0) changedInside++
          if (outside(x, y) && delta > 0) changedOutside++
        }
      }
      return { width: after.width, changedInside, changedOutside }
    },
    { a: original.toString('base64'), b: exported.toString('base64') },
  )
  expect(diff.width).toBe(512)
  expect(diff.changedInside).toBeGreaterThan(70 * 70 * 0.5)
  expect(diff.changedOutside).toBe(0)
})

test('the person is cut out and the background corners are not', async ({
  app,
  page,
}) => {
  await openPhotoOnCpu(app, page, ASTRONAUT)
  const share = page.getByText(/^Person covers \d+ % of the photo$/)
  await expect(share).toBeVisible(COLD)
  const percent = Number((await share.innerText()).match(/\d+/)?.[0])
  expect(percent).toBeGreaterThanOrEqual(48)
  expect(percent).toBeLessThanOrEqual(60)

  await page.getByLabel('Cut the person out').check()
  const sample = async () => {
    const alphas = (
      await previewPixels(page, 'astronaut.png', [
        [5, 5],
        [506, 5],
        [225, 130],
        [250, 400],
      ])
    ).map((pixel) => pixel[3])
    return {
      corners: alphas.slice(0, 2),
      face: alphas[2] ?? 0,
      chest: alphas[3] ?? 0,
    }
  }
  // The photo worker renders the cut-out; the preview shows it when done.
  await expect.poll(async () => (await sample()).corners).toEqual([0, 0])
  const alpha = await sample()
  expect(alpha.face).toBeGreaterThan(200)
  expect(alpha.chest).toBeGreaterThan(200)
})

test('another picture replaces the background and leaves the person', async ({
  app,
  page,
}) => {
  await openPhotoOnCpu(app, page, ASTRONAUT)
  await expect(page.getByText(/^Person covers \d+ %/)).toBeVisible(COLD)
  const sample = async () => {
    const [corner, chest] = await previewPixels(page, 'astronaut.png', [
      [5, 5],
      [250, 400],
    ])
    return { corner, chest }
  }
  const before = await sample()

  await page.getByLabel('Replace with an image').check()
  await page.getByLabel('Background image').setInputFiles(COFFEE)
  await expect(page.getByText('coffee.png')).toBeVisible()

  await expect
    .poll(async () => (await sample()).corner)
    .not.toEqual(before.corner)
  const after = await sample()
  expect(after.corner?.[3]).toBe(255)
  expect(after.chest).toEqual(before.chest)
})

test('a large photo is scaled for detection and its face given in its own pixels', async ({
  app,
  page,
}) => {
  await openVision(app, page)
  await page.getByLabel('Processor').selectOption('CPU')
  // Twice the detection limit along each side: detection sees half.
  const side = 4096
  await page.getByLabel('Open image').setInputFiles({
    name: 'astronaut-large.jpg',
    mimeType: 'image/jpeg',
    buffer: await drawnImage(page, {
      photo: ASTRONAUT,
      width: side,
      height: side,
      type: 'image/jpeg',
    }),
  })
  await expect(page.getByText('1 face found')).toBeVisible(COLD)
  const scale = side / 512
  const [x, y, width, height] = await firstFace(page)
  expectAstronautFace(
    [x, y, width, height].map((value) => (value ?? 0) / scale),
  )
  await expect(
    page.getByRole('img', { name: 'Edited astronaut-large.jpg' }),
  ).toBeVisible()
})

test('a file that declares a gigapixel size is refused before it is decoded', async ({
  app,
  page,
}) => {
  await openVision(app, page)
  // A PNG signature and header for 40,000 × 40,000 pixels, and no pixels.
  const header = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header)
  header.writeUInt32BE(13, 8)
  header.write('IHDR', 12, 'ascii')
  header.writeUInt32BE(40_000, 16)
  header.writeUInt32BE(40_000, 20)
  header.set([8, 6, 0, 0, 0], 24)
  await page.getByLabel('Open image').setInputFiles({
    name: 'gigapixel.png',
    mimeType: 'image/png',
    buffer: header,
  })
  await expect(page.getByRole('alert')).toHaveText(/too large to work on here/)
})

test('the photo chosen last is the one edited, even when an earlier one is slower', async ({
  app,
  page,
}) => {
  await openVision(app, page)
  await page.getByLabel('Processor').selectOption('CPU')
  const large = await drawnImage(page, {
    photo: ASTRONAUT,
    width: 4096,
    height: 4096,
    type: 'image/jpeg',
  })
  const picker = page.getByLabel('Open image')
  await picker.setInputFiles({
    name: 'large.jpg',
    mimeType: 'image/jpeg',
    buffer: large,
  })
  await picker.setInputFiles(COFFEE)
  await expect(page.getByText('No faces found')).toBeVisible(COLD)
  await expect(
    page.getByRole('img', { name: 'Edited coffee.png' }),
  ).toBeVisible()
  await expect(page.getByRole('img', { name: 'Edited large.jpg' })).toHaveCount(
    0,
  )
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('leaving the vision page stops its workers', async ({ app, page }) => {
  await openVision(app, page)
  await page.getByLabel('Open image').setInputFiles(ASTRONAUT)
  await expect(page.getByText('1 face found')).toBeVisible(COLD)
  const visionWorkers = () =>
    page.workers().filter((worker) => /(vision|photo-edit)/.test(worker.url()))
  expect(visionWorkers().length).toBeGreaterThan(0)

  await app.menu.getByRole('link', { name: 'Dashboard' }).click()
  await expect.poll(() => visionWorkers().length).toBe(0)
})

test('a photo over 50 megapixels is refused with a clear error', async ({
  app,
  page,
}) => {
  await openVision(app, page)
  await page.getByLabel('Open image').setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: await drawnImage(page, {
      width: 7200,
      height: 7200,
      type: 'image/png',
    }),
  })
  await expect(page.getByRole('alert')).toHaveText(/too large to work on here/)
})

test('a photo with no one in it finds no faces', async ({ app, page }) => {
  await openPhotoOnCpu(app, page, COFFEE)
  await expect(page.getByText('No faces found')).toBeVisible(COLD)
})

test('a corrupt file gets a clear error', async ({ app, page }) => {
  await openVision(app, page)
  await page.getByLabel('Open image').setInputFiles({
    name: 'broken.png',
    mimeType: 'image/png',
    buffer: Buffer.from('this is not a PNG'),
  })
  await expect(page.getByRole('alert')).toHaveText(
    /cannot be opened as a photo/,
  )
})

test('a viewer cannot open the vision module', async ({ app, page }) => {
  await app.signInAs('viewer')
  await page.goto('/vision')
  await expect(page).toHaveURL(/\/forbidden/)
})

test('nothing leaves the origin while detecting and when the tasks close', async ({
  app,
  page,
}) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await openVision(app, page)
  await page.getByLabel('Open image').setInputFiles(ASTRONAUT)
  await expect(page.getByText('1 face found')).toBeVisible(COLD)

  // Switching the processor closes the tasks, which is when MediaPipe
  // sends its usage log.
  await page.getByLabel('Processor').selectOption('CPU')
  await expect(page.getByText('Running on the CPU.')).toBeVisible(COLD)
  await page.getByRole('link', { name: 'Dashboard' }).click()
  await page.waitForLoadState('networkidle')

  const origin = new URL(page.url()).origin
  expect(requests.some((url) => url.includes('/models/'))).toBe(true)
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([])
})
