/**
 * Shown while a module's code is loading, after a short delay so quick loads
 * do not flash it.
 */

/** The router's pending component. */
export function PendingPage() {
  return (
    <div className="pending" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading…
    </div>
  )
}
