/**
 * The installed models: size, SHA-256 and date, and Delete, which frees
 * the space at once.
 */
import type { InstalledModel } from '../../ai/install-types'
import { formatBytes } from '../../ai/install-progress'

/** The table of installed models, or a line saying there are none. */
export function InstalledList(props: {
  models: InstalledModel[]
  onDelete: (id: string) => void
}) {
  if (props.models.length === 0) {
    return <p>No models are installed on this device.</p>
  }
  return (
    <table className="installed-models">
      <caption>Installed models</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Size</th>
          <th scope="col">SHA-256</th>
          <th scope="col">Installed</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.models.map((model) => (
          <tr key={model.id}>
            <th scope="row">{model.name}</th>
            <td>{formatBytes(model.bytes)}</td>
            <td>
              <code>{model.sha256}</code>
              {model.hashVerified ? '' : ' (recorded at install)'}
            </td>
            <td>{new Date(model.installedAt).toLocaleString()}</td>
            <td>
              <button type="button" onClick={() => props.onDelete(model.id)}>
                Delete {model.name}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
