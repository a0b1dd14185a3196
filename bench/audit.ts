/**
 * `npm run bench:audit`: how the audit log holds up at size. Writes
 * `bench/results/audit.json`.
 *
 * - insert rate: events per second through the server's own write path (one
 *   autocommitted INSERT per event, as a request writes it), and in bulk (one
 *   transaction, as the seeding tool writes), with 10,000 and 1,000,000 rows
 *   already in the table;
 * - cursor page latency: p50 and p95 of `GET /api/audit` over HTTP on
 *   127.0.0.1 (100 rows a page, from random cursors) for each kind of
 *   filter, at 10,000 and at 1,000,000 rows;
 * - the browser: the admin's audit table in Chromium scrolled for five
 *   seconds at a fixed speed over a log of 100,000 rows, with the largest
 *   number of row elements in the DOM, long tasks (over 50 ms) and frames,
 *   against the same scroll over a log of 1,000 rows.
 *
 * Each figure comes with its ratio to the reference measured in the same
 * run, since absolute numbers depend on the machine. Needs a build in dist/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { chromiumLaunchOptions } from '../e2e/chromium'
import type { SessionResponse } from '../src/core/protocol'
import { loadConfig } from '../src/server/config'
import { startServer, type RunningServer } from '../src/server/server'
import { encodeCursor } from '../src/server/store/cursor'
import { seedAuditLog, syntheticEvent } from '../src/server/tools/seed-audit'
import { percentile as nearestRank } from './stats'

const OUTPUT = path.resolve('bench/results/audit.json')
const PASSWORD = 'bench-demo-password-31'
const SMALL = 10_000
const LARGE = 1_000_000
const SINGLE_INSERTS = 2_000
const PAGE_SAMPLES = 200
const SCROLL_MS = 5_000
const SCROLL_PX_PER_FRAME = 1_800
const BROWSER_ROWS = 100_000
const BROWSER_REFERENCE_ROWS = 1_000

/** The filters whose page latency is measured, by name. */
const FILTERS: Record<string, (rows: number) => string> = {
  none: () => '',
  actor: () => 'actor=seed-user-007',
  action: () => 'action=user.disabled',
  outcome: () => 'outcome=denied',
  'time range (1 h)': (rows) => {
    // Seeded rows are one second apart from seededStart on.
    const middle = seededStart + Math.floor(rows / 2) * 1000
    return `from=${middle - 3_600_000}&to=${middle}`
  },
  'target text, common': () => 'q=seeded target 1',
  'target text, rare': () => `q=seeded target ${Math.floor(SMALL / 3)}x`,
  'actor + outcome': () => 'actor=seed-user-011&outcome=denied',
}

// The oldest seeded row; the log then grows one row a second towards now.
const seededStart = Date.now() - LARGE * 1000

function round(value: number, places = 2): number {
  const factor = 10 ** places
  return Math.round(value * factor) / factor
}

/** A nearest-rank percentile, rounded like every figure here. */
function percentile(values: number[], p: number): number {
  return round(nearestRank(values, p))
}

function ratio(value: number, reference: number): number | null {
  return reference > 0 ? round(value / reference, 3) : null
}

async function start(dataDir: string): Promise<RunningServer> {
  return startServer(
    loadConfig({
      ENCLAVE_HOST: '127.0.0.1',
      ENCLAVE_PORT: '0',
      ENCLAVE_DATA_DIR: dataDir,
      ENCLAVE_DIST_DIR: path.resolve('dist'),
      ENCLAVE_DEMO_PASSWORD: PASSWORD,
      ENCLAVE_LOG_LEVEL: 'silent',
    }),
  )
}

async function adminToken(server: RunningServer): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  })
  if (!response.ok) {
    throw new Error(`sign-in answered ${response.status}`)
  }
  return ((await response.json()) as SessionResponse).accessToken
}

/** Events per second through AuditLog.record, one autocommit each. */
function singleInsertRate(server: RunningServer, count: number): number {
  const started = performance.now()
  for (let index = 0; index < count; index++) {
    server.services.audit.record(syntheticEvent(index))
  }
  return round((count / (performance.now() - started)) * 1000, 0)
}

/** p50 and p95 of cursor pages for each filter, in ms. */
async function pageLatencies(server: RunningServer, rows: number) {
  const token = await adminToken(server)
  const maxId = (
    server.services.db.prepare('SELECT max(id) AS id FROM audit_log').get() as {
      id: number
    }
  ).id
  const result: Record<string, { p50Ms: number; p95Ms: number }> = {}

  for (const [name, filter] of Object.entries(FILTERS)) {
    const samples: number[] = []
    for (let index = 0; index < PAGE_SAMPLES + 10; index++) {
      // Half the pages are first pages, half start at a random row.
      const cursor =
        index % 2 === 0
          ? ''
          : `&cursor=${encodeCursor(1 + Math.floor(Math.random() * maxId))}`
      const url = `${server.url}/api/audit?limit=100&${filter(rows)}${cursor}`
      const started = performance.now()
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
      })
      await response.json()
      const elapsed = performance.now() - started
      if (!response.ok) {
        throw new Error(`${name}: ${response.status}`)
      }
      if (index >= 10) {
        samples.push(elapsed)
      }
    }
    result[name] = {
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
    }
  }
  return result
}

async function storeFigures(root: string) {
  const server = await start(path.join(root, 'store'))
  const db = server.services.db
  try {
    const smallBulkMs = seedAuditLog(db, SMALL, seededStart + SMALL * 1000)
    const smallSingle = singleInsertRate(server, SINGLE_INSERTS)
    const smallPages = await pageLatencies(server, SMALL)

    const largeBulkMs = seedAuditLog(db, LARGE - SMALL - SINGLE_INSERTS)
    // The fill blocked the event loop for seconds; let the server's timers
    // close the keep-alive sockets that went idle meanwhile, or the next
    // fetch may pick one of them up just as it closes (ECONNRESET).
    await new Promise((resolve) => setTimeout(resolve, 500))
    const largeSingle = singleInsertRate(server, SINGLE_INSERTS)
    const largePages = await pageLatencies(server, LARGE)
    const total = (
      db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }
    ).n

    const smallBulkRate = round((SMALL / smallBulkMs) * 1000, 0)
    const largeBulkRate = round(
      ((LARGE - SMALL - SINGLE_INSERTS) / largeBulkMs) * 1000,
      0,
    )
    const pages = Object.fromEntries(
      Object.keys(FILTERS).map((name) => {
        const small = smallPages[name] ?? { p50Ms: 0, p95Ms: 0 }
        const large = largePages[name] ?? { p50Ms: 0, p95Ms: 0 }
        return [
          name,
          {
            at1M: large,
            at10k: small,
            p50Ratio1Mto10k: ratio(large.p50Ms, small.p50Ms),
            p95Ratio1Mto10k: ratio(large.p95Ms, small.p95Ms),
          },
        ]
      }),
    )
    return {
      rowsAtEnd: total,
      insertRate: {
        serverPathEventsPerSecond: {
          at1M: largeSingle,
          at10k: smallSingle,
          ratio1Mto10k: ratio(largeSingle, smallSingle),
        },
        bulkEventsPerSecond: {
          at1M: largeBulkRate,
          first10k: smallBulkRate,
          ratio1Mto10k: ratio(largeBulkRate, smallBulkRate),
        },
      },
      cursorPageLatency: pages,
    }
  } finally {
    await server.close()
  }
}

/** Scroll the audit table for SCROLL_MS over a log of `rows` events. */
async function scrollFigures(browser: Browser, root: string, rows: number) {
  const server = await start(path.join(root, `browser-${rows}`))
  try {
    seedAuditLog(server.services.db, rows)
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 900 },
      // Keep the service worker's install traffic out of the measurement.
      serviceWorkers: 'block',
    })
    // tsx compiles this file with esbuild's keepNames, which wraps the
    // functions inside the evaluated scroll loop in calls to `__name`; the
    // page has no such helper unless it is given one.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
    const page = await context.newPage()
    await page.goto('/login')
    await page.getByLabel('Username').fill('admin')
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await page
      .getByRole('navigation', { name: 'Modules' })
      .getByRole('link', { name: 'Admin' })
      .click()
    await page.getByRole('tab', { name: 'Audit log' }).click()
    const scroller = page.getByRole('rowgroup', { name: /scroll for older/ })
    await scroller.waitFor()

    const figures = await scroller.evaluate(
      async (element, options) => {
        const longTasks: number[] = []
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            longTasks.push(entry.duration)
          }
        })
        observer.observe({ type: 'longtask' })
        const rowCount = () => document.querySelectorAll('[role="row"]').length

        let frames = 0
        let most = 0
        let sum = 0
        let wraps = 0
        const started = performance.now()
        await new Promise<void>((resolve) => {
          const step = () => {
            frames += 1
            const count = rowCount()
            most = Math.max(most, count)
            sum += count
            const bottom = element.scrollHeight - element.clientHeight
            // At the very end of a log with nothing more to load, start
            // again from the top, so both logs scroll for the whole time.
            const atEnd =
              element.scrollTop >= bottom - 1 &&
              element.querySelector('.audit-more') === null
            if (atEnd) {
              element.scrollTop = 0
              wraps += 1
            } else {
              element.scrollTop += options.pxPerFrame
            }
            if (performance.now() - started < options.ms) {
              requestAnimationFrame(step)
            } else {
              resolve()
            }
          }
          requestAnimationFrame(step)
        })
        observer.disconnect()
        const indexes = [...element.querySelectorAll('[aria-rowindex]')].map(
          (row) => Number(row.getAttribute('aria-rowindex')),
        )
        return {
          elapsedMs: performance.now() - started,
          frames,
          maxRowElements: most,
          meanRowElements: sum / Math.max(1, frames),
          longTasks: longTasks.length,
          longTaskMs: longTasks.reduce((total, ms) => total + ms, 0),
          deepestRowInView: Math.max(0, ...indexes) - 1,
          wrapsToTop: wraps,
        }
      },
      { ms: SCROLL_MS, pxPerFrame: SCROLL_PX_PER_FRAME },
    )
    const loaded = await page
      .getByRole('status')
      .filter({ hasText: /events/ })
      .first()
      .innerText()
    await context.close()
    return {
      rows,
      ...figures,
      elapsedMs: round(figures.elapsedMs, 0),
      meanRowElements: round(figures.meanRowElements, 1),
      longTaskMs: round(figures.longTaskMs, 0),
      fps: round((figures.frames / figures.elapsedMs) * 1000, 1),
      statusAtEnd: loaded,
    }
  } finally {
    await server.close()
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync('dist/index.html')) {
    throw new Error('No build in dist/: run npm run build first.')
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-bench-audit-'))
  try {
    process.stdout.write('Filling the audit log to 1,000,000 rows…\n')
    const store = await storeFigures(root)

    process.stdout.write('Scrolling the audit table in Chromium…\n')
    const browser = await chromium.launch(chromiumLaunchOptions())
    let large
    let reference
    try {
      large = await scrollFigures(browser, root, BROWSER_ROWS)
      reference = await scrollFigures(browser, root, BROWSER_REFERENCE_ROWS)
    } finally {
      await browser.close()
    }

    const report = {
      measuredAt: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      note: 'HTTP on 127.0.0.1 with a real server; ratios are against a reference in the same run (10k rows for the store, a 1,000-row log for the browser).',
      ...store,
      browserScroll: {
        scrollPxPerFrame: SCROLL_PX_PER_FRAME,
        at100k: large,
        reference1k: reference,
        maxRowElementsRatio100kTo1k: ratio(
          large.maxRowElements,
          reference.maxRowElements,
        ),
        longTasksRatio100kTo1k: ratio(large.longTasks, reference.longTasks),
        fpsRatio100kTo1k: ratio(large.fps, reference.fps),
      },
    }
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true })
    fs.writeFileSync(OUTPUT, `${JSON.stringify(report, null, 2)}\n`)
    process.stdout.write(
      `${JSON.stringify(report, null, 2)}\nWrote ${OUTPUT}\n`,
    )
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  const cause =
    error instanceof Error && error.cause ? ` (${String(error.cause)})` : ''
  process.stderr.write(
    `${error instanceof Error ? error.stack : String(error)}${cause}\n`,
  )
  process.exit(1)
})
