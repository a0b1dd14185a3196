/**
 * The vision module's live camera and history, in Chromium with its fake
 * camera (a moving test pattern, so no faces) and every camera prompt
 * accepted. The camera is released when stopped; a still from it goes
 * through the photo editor into the history, which survives a reload and
 * is wiped by signing out. vision-camera-denied.spec.ts covers a refusal.
 */
import { expect, test } from './fixtures'
import { COLD, cameraBrowser, openVision } from './vision-camera'

test.use(cameraBrowser('--use-fake-ui-for-media-stream'))

test.describe('with a camera', () => {
  test('the live view reports its rate and Stop releases the camera', async ({
    app,
    page,
  }) => {
    // Keep every stream the page opens, to look at its tracks after Stop.
    await page.addInitScript(() => {
      const devices = navigator.mediaDevices
      const open = devices.getUserMedia.bind(devices)
      const opened: MediaStream[] = []
      Object.assign(window, { openedStreams: opened })
      devices.getUserMedia = async (constraints) => {
        const stream = await open(constraints)
        opened.push(stream)
        return stream
      }
    })
    await openVision(app, page)

    await page.getByRole('button', { name: 'Start camera' }).click()
    await expect(
      page.getByText(/\d+\.\d frames per second, \d+ ms per frame/),
    ).toBeVisible(COLD)
    // Chromium's fake camera draws a moving test pattern, in which the
    // detector now and then sees a face: check the count line, not its value.
    await expect(
      page.getByText(/· (No faces found|\d+ faces? found)/),
    ).toBeVisible()

    await page.getByRole('button', { name: 'Stop camera' }).click()
    await expect(page.getByLabel('Camera preview')).toHaveCount(0)
    const tracks = await page.evaluate(() =>
      (window as unknown as { openedStreams: MediaStream[] }).openedStreams
        .flatMap((stream) => stream.getTracks())
        .map((track) => track.readyState),
    )
    expect(tracks.length).toBeGreaterThan(0)
    expect(tracks.every((state) => state === 'ended')).toBe(true)
  })

  test('a camera still is edited, kept in the history, removable and wiped at sign-out', async ({
    app,
    page,
  }) => {
    test.setTimeout(60_000)
    await openVision(app, page)
    await page.getByRole('button', { name: 'Start camera' }).click()
    const take = page.getByRole('button', { name: 'Take photo' })
    await expect(take).toBeEnabled(COLD)
    await take.click()
    await expect(
      page.getByRole('img', { name: /^Edited camera-.*\.png$/ }),
    ).toBeVisible(COLD)
    await expect(page.getByText(/^Person covers \d+ %/)).toBeVisible(COLD)
    await page.getByRole('button', { name: 'Stop camera' }).click()

    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ])
    const history = page.getByRole('list', { name: 'Vision history' })
    await expect(history.getByRole('listitem')).toHaveCount(1)
    await expect(history).toContainText(/No faces found|\d+ faces? found/)

    await page.reload()
    await expect(history.getByRole('listitem')).toHaveCount(1)
    await expect(history.getByRole('img')).toHaveAttribute(
      'src',
      /^data:image\/jpeg/,
    )
    await history.getByRole('button', { name: /^Remove camera-/ }).click()
    await expect(page.getByText('Nothing yet')).toBeVisible()

    // Export again, then sign out and back in: the history is gone.
    await page.getByLabel('Open image').setInputFiles({
      name: 'pattern.png',
      mimeType: 'image/png',
      buffer: await page
        .evaluate(async () => {
          const canvas = new OffscreenCanvas(64, 48)
          const context = canvas.getContext('2d')
          if (context) context.fillRect(8, 8, 20, 20)
          const blob = await canvas.convertToBlob({ type: 'image/png' })
          return [...new Uint8Array(await blob.arrayBuffer())]
        })
        .then((bytes) => Buffer.from(bytes)),
    })
    await expect(page.getByText('No faces found')).toBeVisible(COLD)
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ])
    await expect(history.getByRole('listitem')).toHaveCount(1)
    await app.signOutButton.click()
    await openVision(app, page)
    await expect(page.getByText('Nothing yet')).toBeVisible()
  })
})
