/**
 * Recognises a full disk in whatever shape the browser and Dexie report it.
 * IndexedDB raises `QuotaExceededError`, but inside a transaction Dexie can
 * surface only an `AbortError` with the real error in `inner`, and bulk
 * operations collect per-item errors in `failures`.
 */

const QUOTA_NAMES = new Set([
  'QuotaExceededError',
  'NS_ERROR_DOM_QUOTA_REACHED',
])

/** Whether an error, or any error it wraps, means storage is full. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) {
    return false
  }
  const candidate = error as {
    name?: unknown
    code?: unknown
    inner?: unknown
    cause?: unknown
    failures?: unknown
  }
  if (typeof candidate.name === 'string' && QUOTA_NAMES.has(candidate.name)) {
    return true
  }
  // Legacy DOMException code for quota errors.
  if (candidate.code === 22) {
    return true
  }
  const wrapped = [
    candidate.inner,
    candidate.cause,
    ...(Array.isArray(candidate.failures) ? candidate.failures : []),
  ]
  return wrapped.some((inner) => isQuotaError(inner, depth + 1))
}
