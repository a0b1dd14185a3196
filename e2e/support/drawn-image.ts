/**
 * Images the page draws for a spec or benchmark: a photo file scaled to
 * any size, or a plain colour, encoded by the browser itself, so tests
 * need no image encoder of their own.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'

/** What to draw: `photo` (a file path) scaled, or `fill`, or nothing. */
export interface DrawnImage {
  photo?: string
  fill?: string
  width: number
  height: number
  /** The encoding, such as `image/png` or `image/jpeg`. */
  type: string
}

/** The encoded bytes of the image the page drew. */
export async function drawnImage(
  page: Page,
  options: DrawnImage,
): Promise<Buffer> {
  const photo = options.photo
    ? (await readFile(options.photo)).toString('base64')
    : null
  const base64 = await page.evaluate(
    async ({ photo, fill, width, height, type }) => {
      const canvas = new OffscreenCanvas(width, height)
      const context = canvas.getContext('2d')
      if (!context) throw new Error('No 2D context')
      if (fill) {
        context.fillStyle = fill
        context.fillRect(0, 0, width, height)
      }
      if (photo) {
        const bytes = Uint8Array.from(atob(photo), (c) => c.charCodeAt(0))
        const bitmap = await createImageBitmap(new Blob([bytes]))
        context.drawImage(bitmap, 0, 0, width, height)
      }
      const blob = await canvas.convertToBlob({ type, quality: 0.9 })
      const reader = new FileReader()
      return new Promise<string>((resolve) => {
        reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '')
        reader.readAsDataURL(blob)
      })
    },
    { ...options, fill: options.fill ?? null, photo },
  )
  return Buffer.from(base64, 'base64')
}
