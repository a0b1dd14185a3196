/**
 * Settings → Engine: which engine answers the assistant, per user. The
 * cloud is only offered to roles that hold `assistant.cloud`.
 */
import type { EngineSetting } from '../../ai/engine-policy'
import { LocalEngineLine } from './local-engine-line'
import { useEngineSetting } from './use-engine-setting'

const CHOICES: { value: EngineSetting; label: string; hint: string }[] = [
  {
    value: 'auto',
    label: 'Auto',
    hint: 'this device when its model is ready, else the cloud model',
  },
  {
    value: 'local-only',
    label: 'Local only',
    hint: 'a prompt never leaves this device',
  },
  {
    value: 'cloud-only',
    label: 'Cloud only',
    hint: 'always the cloud model (saved answers still come from the cache)',
  },
]

/** The engine section of Settings. */
export function EngineSection(props: {
  userId: string
  cloudPermitted: boolean
}) {
  const [setting, change] = useEngineSetting(props.userId)

  return (
    <section aria-labelledby="engine-heading">
      <h2 id="engine-heading">Engine</h2>
      <LocalEngineLine canLoad />
      <fieldset>
        <legend>Which engine answers</legend>
        {CHOICES.map((choice) => (
          <div key={choice.value}>
            <label>
              <input
                type="radio"
                name="engine-setting"
                value={choice.value}
                checked={setting === choice.value}
                onChange={() => change(choice.value)}
              />{' '}
              {choice.label}: {choice.hint}
            </label>
          </div>
        ))}
      </fieldset>
      {props.cloudPermitted ? null : (
        <p>
          Your role does not include the cloud model, so only this device and
          saved answers can answer.
        </p>
      )}
    </section>
  )
}
