/**
 * Turns the audit filter form into query parameters for `GET /api/audit`
 * and its CSV export. Pure, so the rules (trimmed text, local times, a
 * whole minute at the end of the range) are tested without a browser.
 */

/** The filter form's fields, as the inputs hold them. */
export interface AuditFilterValues {
  actor: string
  action: string
  outcome: string
  /** A `datetime-local` value, such as `2030-01-02T09:30`, in local time. */
  from: string
  to: string
  q: string
}

/** A form with no filter set. */
export const NO_AUDIT_FILTER: AuditFilterValues = {
  actor: '',
  action: '',
  outcome: '',
  from: '',
  to: '',
  q: '',
}

// The inputs pick minutes; the end of the range takes in its whole minute.
const END_OF_MINUTE_MS = 59_999

/** The filter as query parameters; empty and unreadable fields are left out. */
export function auditFilterParams(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of ['actor', 'action', 'outcome', 'q'] as const) {
    const value = values[key].trim()
    if (value) {
      params.set(key, value)
    }
  }
  const from = localTime(values.from)
  if (from !== null) {
    params.set('from', String(from))
  }
  const to = localTime(values.to)
  if (to !== null) {
    params.set('to', String(to + END_OF_MINUTE_MS))
  }
  return params
}

/** Whether any filter is set. */
export function hasAuditFilter(values: AuditFilterValues): boolean {
  return auditFilterParams(values).size > 0
}

function localTime(value: string): number | null {
  if (!value) {
    return null
  }
  const ms = new Date(value).getTime()
  return Number.isFinite(ms) && ms >= 0 ? ms : null
}
