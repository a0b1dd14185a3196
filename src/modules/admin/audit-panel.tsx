/**
 * The Audit log tab: filters (actor, action, outcome, time range, text in
 * the target), the virtualized table of matching events, newest first, and
 * an export of the same filter to CSV. Needs `audit.read`.
 *
 * The export is streamed by the server a page at a time, but the browser
 * holds the whole file in memory before saving it, because the access token
 * lives in memory and a plain download link cannot carry it. A one-time
 * download link made by the server would let the browser stream to disk.
 */
import { useId, useState } from 'react'
import { ALL_AUDIT_ACTIONS, AUDIT_ACTIONS } from '../../core/audit-actions'
import { AUDIT_OUTCOMES, type AuditRecord } from '../../core/protocol'
import { useSessionStore } from '../../auth/session-context'
import { useOffline } from '../../app/offline-banner'
import { ApiRequestError } from '../../net/api-client'
import { ActionButton } from './action-button'
import {
  NO_AUDIT_FILTER,
  auditFilterParams,
  hasAuditFilter,
  type AuditFilterValues,
} from './audit-query'
import { AuditTable } from './audit-table'
import { useCursorList } from './use-cursor-list'
import { useDebounced } from './use-debounced'

const PAGE_SIZE = 500

/** The audit tab panel's content. */
export function AuditPanel() {
  const id = useId()
  const [values, setValues] = useState<AuditFilterValues>(NO_AUDIT_FILTER)
  const settled = useDebounced(values, 300)
  const filter = auditFilterParams(settled).toString()

  function set(key: keyof AuditFilterValues, value: string) {
    setValues((previous) => ({ ...previous, [key]: value }))
  }

  return (
    <>
      <h2>Audit log</h2>
      <form
        className="audit-filters"
        role="search"
        aria-label="Filter the audit log"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-actor`}>Actor</label>
          <input
            id={`${id}-actor`}
            value={values.actor}
            onChange={(event) => set('actor', event.target.value)}
            placeholder="Exact username"
            autoCapitalize="none"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>Action</label>
          <select
            id={`${id}-action`}
            value={values.action}
            onChange={(event) => set('action', event.target.value)}
          >
            <option value="">Any action</option>
            {ALL_AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTIONS[action]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-outcome`}>Outcome</label>
          <select
            id={`${id}-outcome`}
            value={values.outcome}
            onChange={(event) => set('outcome', event.target.value)}
          >
            <option value="">Any outcome</option>
            {AUDIT_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="datetime-local"
            value={values.from}
            onChange={(event) => set('from', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="datetime-local"
            value={values.to}
            onChange={(event) => set('to', event.target.value)}
          />
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-q`}>Target contains</label>
          <input
            id={`${id}-q`}
            type="search"
            value={values.q}
            onChange={(event) => set('q', event.target.value)}
            placeholder="Text anywhere in the target"
          />
        </div>
        {/* The export takes the form as it is now, not the debounced
            filter the table shows, so a click right after typing exports
            what was typed. */}
        <div className="filter-actions">
          <button
            type="button"
            className="secondary"
            onClick={() => setValues(NO_AUDIT_FILTER)}
            disabled={!hasAuditFilter(values)}
          >
            Clear filters
          </button>
          <ExportButton filter={auditFilterParams(values).toString()} />
        </div>
      </form>
      <AuditResults key={filter} filter={filter} />
    </>
  )
}

function AuditResults(props: { filter: string }) {
  const online = !useOffline()
  const query = new URLSearchParams(props.filter)
  query.set('limit', String(PAGE_SIZE))
  const list = useCursorList<AuditRecord>('audit', query.toString())
  const loaded = list.items.length

  let status: string
  if (list.loading && loaded === 0) {
    status = 'Loading the audit log…'
  } else if (loaded === 0 && !list.error) {
    status = props.filter
      ? 'No events match these filters.'
      : 'The audit log is empty.'
  } else if (list.hasMore) {
    status = `${loaded.toLocaleString()} events loaded, newest first; scroll for older ones.`
  } else {
    status = `${loaded.toLocaleString()} event${loaded === 1 ? '' : 's'}, newest first.`
  }

  return (
    <div className="audit-results">
      <p role="status" className="list-status">
        {status}
      </p>
      {list.error ? (
        <div className="form-error" role="alert">
          <p>
            {online
              ? list.error
              : 'The audit log needs a connection. It loads again when you are back online.'}
          </p>
          <button type="button" onClick={list.loadMore}>
            Retry
          </button>
        </div>
      ) : null}
      {loaded > 0 ? <AuditTable list={list} /> : null}
    </div>
  )
}

function ExportButton(props: { filter: string }) {
  const session = useSessionStore()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function exportCsv() {
    setBusy(true)
    setFailure(null)
    setDone(null)
    try {
      const suffix = props.filter ? `?${props.filter}` : ''
      const file = await session.request<Blob>(`audit/export${suffix}`, {
        as: 'blob',
      })
      const name = `enclave-audit-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`
      saveFile(file, name)
      setDone(`Saved ${name}.`)
    } catch (caught) {
      setFailure(
        caught instanceof ApiRequestError
          ? caught.message
          : 'The export failed. Try again.',
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <ActionButton
        onClick={() => void exportCsv()}
        busy={busy}
        busyLabel="Exporting…"
      >
        Export CSV
      </ActionButton>
      {failure ? (
        <span className="form-error" role="alert">
          {failure}
        </span>
      ) : null}
      {done ? (
        <span className="form-done" role="status">
          {done}
        </span>
      ) : null}
    </>
  )
}

/** Hand a Blob to the browser's download manager under a file name. */
function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some browsers; a minute is
  // ample for the browser to have taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
