/**
 * The vision history: every exported result of this user, newest first,
 * with its redacted thumbnail, what was found and how it was edited, and a
 * Remove button. Virtualized, so a long history renders only the rows in
 * view.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { VisionResultRow } from '../../db/vision-rows'
import { facesSummary } from '../../vision/results-text'

/** Height of one row in px; the CSS gives rows the same height. */
const ROW_HEIGHT = 88

function describe(row: VisionResultRow): string {
  const parts = [facesSummary(row.faces)]
  if (row.faces > 0) {
    parts.push(`${row.redacted} hidden by ${row.redaction.style}`)
  }
  if (row.background !== 'keep') {
    parts.push(`background: ${row.background}`)
  }
  return parts.join(', ')
}

/** The history rows with their Remove buttons. */
export function HistoryList(props: {
  results: VisionResultRow[]
  onRemove: (id: number) => void
}) {
  const { results } = props
  const scroller = useRef<HTMLDivElement>(null)
  // TanStack Virtual returns functions the React Compiler cannot memoize;
  // this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  })

  if (results.length === 0) {
    return <p>Nothing yet: exported photos are listed here.</p>
  }

  return (
    <div ref={scroller} className="history-scroller">
      <ul
        aria-label="Vision history"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = results[item.index]
          if (!row) {
            return null
          }
          return (
            <li
              key={row.id}
              aria-setsize={results.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <img src={row.thumbnail} alt={`Thumbnail of ${row.name}`} />
              <div>
                <strong>{row.name}</strong>
                <span>{describe(row)}</span>
                <time dateTime={new Date(row.at).toISOString()}>
                  {new Date(row.at).toLocaleString()}
                </time>
              </div>
              <button
                type="button"
                aria-label={`Remove ${row.name} from the history`}
                onClick={() => row.id !== undefined && props.onRemove(row.id)}
              >
                Remove
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
