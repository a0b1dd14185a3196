/**
 * The part of `npm run bench:vision` that uses the app itself: a signed-in
 * editor opens a large photo on the vision page and changes an effect,
 * and the page's main-thread tasks over 50 ms are counted while faces are
 * found and the redacted preview is drawn, and while the edit is rendered
 * (the preview's `aria-busy` says when it is). The
 * window opens at the file input's `change` event, after the browser has
 * been handed the file (handing it over is the test driver's doing).
 */
import type { Page } from '@playwright/test'

/** What the app phase measures. */
export interface AppPhaseResult {
  photo: string
  open: { ms: number; longTasks: number; longestMs: number }
  edit: { ms: number; longTasks: number; longestMs: number }
}

/** Watch long tasks and the file input's `change`, from page load on. */
export async function watchMainThread(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { longTasks: [] as [number, number][], changedAt: 0 }
    Object.assign(globalThis, { __bench: state })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.longTasks.push([entry.startTime, entry.duration])
      }
    }).observe({ type: 'longtask', buffered: true })
    document.addEventListener(
      'change',
      () => (state.changedAt = performance.now()),
      true,
    )
  })
}

type BenchState = {
  longTasks: [number, number][]
  changedAt: number
  edited?: Promise<void>
}

const now = (page: Page) => page.evaluate(() => performance.now())

async function tasksSince(page: Page, from: number, to: number) {
  // Long task entries arrive after their task ends: wait for a frame.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(resolve)),
  )
  const longTasks = await page.evaluate(
    () => (globalThis as unknown as { __bench: BenchState }).__bench.longTasks,
  )
  const within = longTasks.filter(([at]) => at >= from && at <= to)
  return {
    ms: Math.round(to - from),
    longTasks: within.length,
    longestMs: Math.round(Math.max(0, ...within.map(([, ms]) => ms))),
  }
}

/** Open `jpeg` (side × side) on the signed-in vision page, then blur. */
export async function runAppPhase(
  page: Page,
  jpeg: Buffer,
  side: number,
): Promise<AppPhaseResult> {
  await page.getByLabel('Processor').selectOption('CPU')
  await page.getByLabel('Open image').setInputFiles({
    name: 'large.jpg',
    mimeType: 'image/jpeg',
    buffer: jpeg,
  })
  const preview = page.getByRole('img', { name: 'Edited large.jpg' })
  await page.getByText(/faces? found/).waitFor({ timeout: 120_000 })
  await preview.waitFor()
  // Done when the preview shows the redacted photo, not only the photo.
  const settled = page.locator('figure.photo-preview[aria-busy="false"]')
  await settled.waitFor({ timeout: 120_000 })
  const changedAt = await page.evaluate(
    () => (globalThis as unknown as { __bench: BenchState }).__bench.changedAt,
  )
  const open = await tasksSince(page, changedAt, await now(page))

  // The photo worker renders the edit; the preview says so with
  // aria-busy, true until the new frame is shown.
  await page.evaluate(() => {
    const figure = document.querySelector('figure.photo-preview')
    const state = (globalThis as unknown as { __bench: BenchState }).__bench
    state.edited = new Promise<void>((resolve) => {
      let seenBusy = figure?.getAttribute('aria-busy') === 'true'
      new MutationObserver(() => {
        const busy = figure?.getAttribute('aria-busy') === 'true'
        seenBusy ||= busy
        if (seenBusy && !busy) resolve()
      }).observe(figure ?? document, { attributeFilter: ['aria-busy'] })
    })
  })
  const editFrom = await now(page)
  await page.getByRole('radio', { name: 'Blur', exact: true }).check()
  await page.evaluate(
    () => (globalThis as unknown as { __bench: BenchState }).__bench.edited,
  )
  const edit = await tasksSince(page, editFrom, await now(page))
  return { photo: `${side} × ${side} JPEG`, open, edit }
}
