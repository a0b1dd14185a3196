/**
 * The analytics module. Its measurements are not built yet; this page says
 * what they will be.
 */
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'

/** The `/analytics` route's component. */
export default function AnalyticsPage() {
  return (
    <section className="page">
      <PageHeader module="analytics" />
      <NotBuiltYet>
        You will see how fast each engine answers (cold and warm starts, median
        and 95th percentile), how often the response cache answers instead, and
        how much storage Enclave uses on this device.
      </NotBuiltYet>
    </section>
  )
}
