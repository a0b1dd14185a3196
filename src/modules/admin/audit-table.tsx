/**
 * The audit log as a virtualized table: only the rows in view (plus a few
 * either side) are in the DOM, so 100,000 loaded rows scroll as smoothly as
 * 100. Rows have one fixed height, which keeps the virtualizer from
 * measuring each one. The next page is fetched when the view comes within
 * PREFETCH_ROWS of the last loaded row.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { auditActionLabel } from '../../core/audit-actions'
import type { AuditRecord } from '../../core/protocol'
import type { CursorList } from './use-cursor-list'

/** Height of one row in CSS pixels; `.audit-row` in admin.css matches it. */
export const AUDIT_ROW_HEIGHT = 36

// Rows rendered beyond the visible ones on each side. With a view of about
// 15 rows this keeps the DOM near 35 rows however long the log is.
const OVERSCAN = 10

// How close to the end of the loaded rows the next page is asked for. A page
// is 500 rows, so at this distance it usually arrives before it is needed.
const PREFETCH_ROWS = 200

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'short',
  timeStyle: 'medium',
})

const COLUMNS = [
  'Time',
  'Actor',
  'Action',
  'Target',
  'Outcome',
  'Address',
  'Detail',
]

/** The scrolling table of audit events. */
export function AuditTable(props: { list: CursorList<AuditRecord> }) {
  const { list } = props
  const scroller = useRef<HTMLDivElement>(null)
  const pending = list.hasMore || list.loading
  const count = list.items.length + (pending ? 1 : 0)

  // TanStack Virtual hands back functions that change on every render, which
  // the React Compiler cannot memoize; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => AUDIT_ROW_HEIGHT,
    overscan: OVERSCAN,
  })
  const rows = virtualizer.getVirtualItems()
  const lastInView = rows.at(-1)?.index ?? -1

  const { hasMore, loading, error, loadMore } = list
  const loaded = list.items.length
  useEffect(() => {
    if (
      hasMore &&
      !loading &&
      !error &&
      loaded > 0 &&
      lastInView >= loaded - PREFETCH_ROWS
    ) {
      loadMore()
    }
  }, [hasMore, loading, error, loaded, lastInView, loadMore])

  return (
    <div
      className="audit-table"
      role="table"
      aria-label="Audit events, newest first"
      aria-rowcount={pending ? -1 : loaded + 1}
    >
      <div role="rowgroup" className="audit-head">
        <div role="row" className="audit-row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <span role="columnheader" key={column}>
              {column}
            </span>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className="audit-scroll"
        role="rowgroup"
        aria-label="Audit events; scroll for older ones"
        tabIndex={0}
      >
        <div
          className="audit-spacer"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((row) => {
            const event = list.items[row.index]
            const offset = { transform: `translateY(${row.start}px)` }
            if (!event) {
              return (
                <div
                  role="row"
                  key="more"
                  className="audit-row audit-more"
                  style={offset}
                >
                  <span role="cell">
                    {error ? 'Could not load more.' : 'Loading older events…'}
                  </span>
                </div>
              )
            }
            return (
              <div
                role="row"
                key={event.id}
                aria-rowindex={row.index + 2}
                className="audit-row"
                style={offset}
              >
                <AuditCells event={event} />
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

function AuditCells(props: { event: AuditRecord }) {
  const { event } = props
  const time = new Date(event.at)
  const detail = describeDetail(event.detail)
  return (
    <>
      <span role="cell">
        <time dateTime={time.toISOString()}>{TIME_FORMAT.format(time)}</time>
      </span>
      <span role="cell" title={event.actor ?? undefined}>
        {event.actor ?? '—'}
      </span>
      <span role="cell" title={event.action}>
        {auditActionLabel(event.action)}
      </span>
      <span role="cell" title={event.target ?? undefined}>
        {event.target ?? '—'}
      </span>
      <span role="cell">
        <span className={`badge ${event.outcome}`}>{event.outcome}</span>
      </span>
      <span role="cell">{event.address ?? '—'}</span>
      <span role="cell" title={detail || undefined}>
        {detail || '—'}
      </span>
    </>
  )
}

function describeDetail(detail: AuditRecord['detail']): string {
  if (!detail) {
    return ''
  }
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ')
}
