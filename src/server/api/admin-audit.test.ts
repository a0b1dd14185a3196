import { beforeAll, describe, expect, it } from 'vitest'
import type { AuditRecord, Page } from '../../core/protocol'
import { declaredRoutes } from '../http/access'
import { AuditLog } from '../store/audit'
import { encodeCursor } from '../store/cursor'
import { bearer, postJson, signIn, sharedTestServer } from './test-server'

const shared = sharedTestServer()

const START = Date.UTC(2031, 5, 1)

/**
 * Write rows straight into the server's database with a chosen clock, as the
 * server itself would, so time filters can be checked to the millisecond.
 */
function writeRows(
  count: number,
  make: (index: number) => {
    actor: string
    action: string
    target: string
    outcome: AuditRecord['outcome']
  },
  at: (index: number) => number = (index) => START + index * 1000,
): void {
  let clock = 0
  const audit = new AuditLog(shared.t.server.services.db, () => clock)
  for (let index = 0; index < count; index++) {
    clock = at(index)
    audit.record(make(index))
  }
}

async function page(
  query: string,
  token = shared.adminToken,
): Promise<Page<AuditRecord>> {
  const response = await fetch(`${shared.t.url}/api/audit?${query}`, {
    headers: bearer(token),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Page<AuditRecord>
}

/** Follow cursors to the end, calling `between` after each page. */
async function allPages(
  query: string,
  between: (pageIndex: number) => void = () => undefined,
): Promise<AuditRecord[]> {
  const rows: AuditRecord[] = []
  let cursor: string | null = null
  let pageIndex = 0
  do {
    const suffix: string = cursor ? `&cursor=${cursor}` : ''
    const next = await page(`${query}${suffix}`)
    rows.push(...next.items)
    cursor = next.nextCursor
    between(pageIndex)
    pageIndex += 1
  } while (cursor && pageIndex < 1000)
  return rows
}

function exportCsv(
  query: string,
  token = shared.adminToken,
): Promise<Response> {
  return fetch(`${shared.t.url}/api/audit/export?${query}`, {
    headers: bearer(token),
  })
}

describe('GET /api/audit filters', () => {
  beforeAll(() => {
    writeRows(40, (index) => ({
      actor: index % 2 === 0 ? 'filter-even' : 'filter-odd',
      action: index % 4 === 0 ? 'auth.login' : 'user.created',
      target: `filter-target-${index}`,
      outcome: index % 3 === 0 ? 'failure' : 'success',
    }))
  })

  it('combines actor, action, outcome and a time range, newest first', async () => {
    const result = await page(
      `actor=filter-even&action=auth.login&outcome=failure&from=${START}&to=${START + 30_000}`,
    )

    // Even, divisible by 4 and by 3, between 0 s and 30 s: 0, 12 and 24.
    expect(result.items.map((row) => row.target)).toEqual([
      'filter-target-24',
      'filter-target-12',
      'filter-target-0',
    ])
    expect(result.nextCursor).toBeNull()
  })

  it('includes both ends of the time range to the millisecond', async () => {
    const result = await page(
      `actor=filter-odd&from=${START + 5000}&to=${START + 7000}`,
    )

    expect(result.items.map((row) => row.target)).toEqual([
      'filter-target-7',
      'filter-target-5',
    ])
  })

  it('finds text anywhere in the target, taking % and _ literally', async () => {
    const found = await page('q=target-3')
    const literal = await page('q=filter_target')

    expect(found.items.map((row) => row.target)).toEqual([
      'filter-target-39',
      'filter-target-38',
      'filter-target-37',
      'filter-target-36',
      'filter-target-35',
      'filter-target-34',
      'filter-target-33',
      'filter-target-32',
      'filter-target-31',
      'filter-target-30',
      'filter-target-3',
    ])
    expect(literal.items).toEqual([])
  })

  it('refuses an outcome that is not one', async () => {
    const response = await fetch(`${shared.t.url}/api/audit?outcome=maybe`, {
      headers: bearer(shared.adminToken),
    })

    expect(response.status).toBe(400)
  })
})

describe('GET /api/audit cursor pages', () => {
  it('pages through a filter without gaps or repeats while new rows arrive', async () => {
    const make = (index: number) => ({
      actor: 'pager',
      action: 'auth.login',
      target: `pager-${index}`,
      outcome: 'success' as const,
    })
    writeRows(250, make)
    const before = await allPages('actor=pager&limit=100')

    let arrived = 0
    const during = await allPages('actor=pager&limit=100', () => {
      writeRows(20, (index) => make(1000 + arrived + index))
      arrived += 20
    })

    const ids = (rows: AuditRecord[]) => rows.map((row) => Number(row.id))
    expect(during).toEqual(before)
    expect(new Set(ids(during)).size).toBe(250)
    expect(ids(during)).toEqual([...ids(during)].sort((a, b) => b - a))
    const fresh = await page('actor=pager&limit=1')
    expect(fresh.items[0]?.target).toBe(`pager-${1000 + arrived - 1}`)
  })

  it('keeps the page size it was asked for and no more', async () => {
    const result = await page('limit=7')

    expect(result.items).toHaveLength(7)
    expect(result.nextCursor).not.toBeNull()
  })
})

describe('GET /api/audit/export', () => {
  function parseCsv(text: string): string[][] {
    return text
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','))
  }

  it('streams the current filter as CSV, newest first, with a header row', async () => {
    writeRows(
      3,
      (index) => ({
        actor: 'csv-actor',
        action: 'auth.login',
        target: `csv-target-${index}`,
        outcome: 'failure',
      }),
      (index) => START + 100 + index,
    )

    const response = await exportCsv('actor=csv-actor&outcome=failure')

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="enclave-audit-[\w-]+\.csv"$/,
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    const rows = parseCsv(await response.text())
    expect(rows[0]).toEqual([
      'id',
      'time_utc',
      'actor',
      'actor_id',
      'action',
      'target',
      'outcome',
      'address',
      'detail',
    ])
    expect(rows.slice(1).map((row) => [row[1], row[5]])).toEqual([
      [new Date(START + 102).toISOString(), 'csv-target-2'],
      [new Date(START + 101).toISOString(), 'csv-target-1'],
      [new Date(START + 100).toISOString(), 'csv-target-0'],
    ])
  })

  it('exports more rows than one database read holds, each once', async () => {
    writeRows(2500, (index) => ({
      actor: 'bulk-export',
      action: 'auth.login',
      target: `bulk-${index}`,
      outcome: 'success',
    }))

    const response = await exportCsv('actor=bulk-export')
    const rows = parseCsv(await response.text()).slice(1)

    expect(rows).toHaveLength(2500)
    expect(new Set(rows.map((row) => row[0])).size).toBe(2500)
    expect(rows[0]?.[5]).toBe('bulk-2499')
    expect(rows.at(-1)?.[5]).toBe('bulk-0')
  })

  it('writes a formula someone typed as a username as plain text', async () => {
    await postJson(`${shared.t.url}/api/auth/login`, {
      username: '=HYPERLINK("http://evil.invalid","x")',
      password: 'not-a-real-password',
    })

    const response = await exportCsv('action=auth.login&q=HYPERLINK')
    const text = await response.text()

    expect(text).toContain(`"'=HYPERLINK(""http://evil.invalid"",""x"")"`)
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m)
  })

  it('records each export, with its filter, in the audit log', async () => {
    await (await exportCsv('actor=nobody-at-all&outcome=denied')).text()

    const [row] = (await page('action=audit.exported&limit=1')).items

    expect(row).toMatchObject({
      actor: 'admin',
      outcome: 'success',
      detail: { actor: 'nobody-at-all', outcome: 'denied' },
    })
  })

  it('lets a manager export, since it is reading the log', async () => {
    const manager = await signIn(shared.t.url, 'manager')

    const response = await exportCsv('limit=1', manager.session.accessToken)

    expect(response.status).toBe(200)
    await response.text()
  })
})

describe('the audit log is append-only through the API', () => {
  it('declares only GET routes under /audit', () => {
    const auditRoutes = declaredRoutes.filter((declared) =>
      declared.path.startsWith('/audit'),
    )

    expect(auditRoutes.length).toBeGreaterThan(0)
    expect(new Set(auditRoutes.map((declared) => declared.method))).toEqual(
      new Set(['GET']),
    )
  })

  it('answers a change or delete of a row with 404 and leaves the row', async () => {
    const [row] = (await page('limit=1')).items
    const id = row?.id ?? '1'

    const statuses = await Promise.all(
      ['PATCH', 'PUT', 'DELETE'].map(async (method) => {
        const response = await fetch(`${shared.t.url}/api/audit/${id}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...bearer(shared.adminToken),
          },
          body: method === 'DELETE' ? null : '{"outcome":"success"}',
        })
        return response.status
      }),
    )

    expect(statuses).toEqual([404, 404, 404])
    const again = await page(`limit=1&cursor=${encodeCursor(Number(id) + 1)}`)
    expect(again.items[0]).toEqual(row)
  })
})
