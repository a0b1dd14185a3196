/**
 * The vision module. Face redaction, person segmentation and the live camera
 * are not built yet; this page says what they will be.
 */
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'

/** The `/vision` route's component. */
export default function VisionPage() {
  return (
    <section className="page">
      <PageHeader module="vision" />
      <NotBuiltYet>
        You will open a photo or use the camera, have faces found and blurred
        before you share it, and blur or replace the background behind a person.
        All of it will run on this device; nothing is uploaded.
      </NotBuiltYet>
    </section>
  )
}
