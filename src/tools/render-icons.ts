/**
 * Renders the app icons (PNG) from their SVG sources in `public/icons/`,
 * with Chromium. The PNGs are committed, so this runs only when an SVG
 * changes: `npx tsx src/tools/render-icons.ts`.
 *
 * The maskable icon keeps its mark inside the central 80 % safe zone, since
 * launchers crop it to a circle or squircle.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../../e2e/chromium'

const ICONS = path.resolve('public/icons')
const OUTPUTS = [
  { source: 'icon.svg', file: 'icon-192.png', size: 192 },
  { source: 'icon.svg', file: 'icon-512.png', size: 512 },
  { source: 'icon.svg', file: 'apple-touch-icon-180.png', size: 180 },
  { source: 'maskable.svg', file: 'maskable-512.png', size: 512 },
]

const browser = await chromium.launch(chromiumLaunchOptions())
const page = await browser.newPage()
for (const output of OUTPUTS) {
  const svg = fs.readFileSync(path.join(ICONS, output.source), 'utf8')
  await page.setViewportSize({ width: output.size, height: output.size })
  await page.setContent(
    `<body style="margin:0;background:transparent">${svg.replace(
      '<svg ',
      `<svg width="${output.size}" height="${output.size}" `,
    )}</body>`,
  )
  await page.screenshot({
    path: path.join(ICONS, output.file),
    omitBackground: true,
  })
}
await browser.close()
