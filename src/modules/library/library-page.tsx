/**
 * The library module. Collections and recommendations are not built yet;
 * this page says what they will be.
 */
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'

/** The `/library` route's component. */
export default function LibraryPage() {
  return (
    <section className="page">
      <PageHeader module="library" />
      <NotBuiltYet>
        You will browse large collections that scroll smoothly however many
        items they hold, with recommendations computed on this device.
      </NotBuiltYet>
    </section>
  )
}
