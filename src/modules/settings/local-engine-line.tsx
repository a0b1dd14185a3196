/**
 * The local engine's status line, shown in Settings and on the dashboard,
 * with the installed model's load failure announced when there is one.
 * Settings also offers to load the model now rather than at the first
 * question.
 */
import { prepareLocal } from '../../ai/local-engine'
import { messageFor } from '../../core/errors'
import { localStatusLine, useLocalStatus } from './use-local-status'

/** "Local engine: …", and in Settings a Load button. */
export function LocalEngineLine(props: { canLoad?: boolean }) {
  const status = useLocalStatus()
  const loading = status.state === 'available' && status.loading
  const failure = status.state === 'available' ? status.loadError : null

  return (
    <div className="local-engine">
      <p role="status">{localStatusLine(status)}</p>
      {loading ? (
        <p>
          <label htmlFor="model-loading">Loading the model</label>{' '}
          <progress id="model-loading" />
        </p>
      ) : null}
      {failure ? (
        <p role="alert">
          {messageFor(failure.code)} ({failure.detail})
        </p>
      ) : null}
      {props.canLoad && status.state === 'available' && !loading ? (
        <button type="button" onClick={() => void prepareLocal()}>
          Load the installed model
        </button>
      ) : null}
    </div>
  )
}
