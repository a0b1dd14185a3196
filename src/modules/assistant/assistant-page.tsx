/**
 * The assistant module. The chat, its engines and the response cache are not
 * built yet; this page says what they will be.
 */
import { NotBuiltYet } from '../../app/not-built-yet'
import { PageHeader } from '../../app/page-header'

/** The `/assistant` route's component. */
export default function AssistantPage() {
  return (
    <section className="page">
      <PageHeader module="assistant" />
      <NotBuiltYet>
        The chat will answer with a small model running on this device over
        WebGPU, fall back to a cloud model streamed from the server when the
        device cannot answer and your role allows it, and keep finished answers
        so repeated questions work offline.
      </NotBuiltYet>
    </section>
  )
}
