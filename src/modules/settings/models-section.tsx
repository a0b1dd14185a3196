/**
 * Settings → Models: the recommended catalog, "Add from URL" with an
 * optional SHA-256 and the task the model serves (the chat model, or a
 * vision task: the vision page offers the tasks whose models are here), "Import a file" (the same checks, with the SHA-256
 * field when filled), the progress with Cancel, and the installed
 * models with their size, hash and date, each with Delete.
 */
import { type FormEvent, useState } from 'react'
import {
  MODEL_CATALOG,
  type InstalledVisionTask,
} from '../../../models/model-catalog'
import { formatBytes } from '../../ai/install-progress'
import { modelIdFor } from '../../ai/model-inventory'
import { DownloadProgress } from './download-progress'
import { InstalledList } from './installed-list'
import { useModelInstall } from './use-model-install'

/** What the Task select can say: the chat model, or a vision task. */
type TaskChoice = 'llm' | InstalledVisionTask

function kindFor(task: TaskChoice) {
  return task === 'llm'
    ? { kind: 'llm' as const }
    : { kind: 'vision' as const, visionTask: task }
}

/** The models section of Settings. */
export function ModelsSection() {
  const state = useModelInstall()
  const [url, setUrl] = useState('')
  const [sha256, setSha256] = useState('')
  const [task, setTask] = useState<TaskChoice>('llm')
  const [invalid, setInvalid] = useState<string | null>(null)
  const busy = state.running !== null

  function submit(event: FormEvent) {
    event.preventDefault()
    let parsed: URL
    try {
      parsed = new URL(url.trim())
    } catch {
      setInvalid(
        'Enter the full address of the model file, starting with https://.',
      )
      return
    }
    const hash = sha256.trim().toLowerCase()
    if (hash && !/^[0-9a-f]{64}$/.test(hash)) {
      setInvalid(
        'A SHA-256 is 64 hexadecimal characters; leave it empty if you do not have one.',
      )
      return
    }
    setInvalid(null)
    const id = modelIdFor(parsed.href)
    void state.start({
      id,
      name: id,
      ...kindFor(task),
      url: parsed.href,
      sha256: hash || null,
      approxBytes: null,
    })
  }

  return (
    <section aria-labelledby="models-heading">
      <h2 id="models-heading">Models</h2>
      <h3>Recommended</h3>
      <ul>
        {MODEL_CATALOG.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.name}</strong>, about {formatBytes(entry.bytes)}.{' '}
            {entry.license} Source: <code>{entry.url}</code>. SHA-256:{' '}
            {entry.sha256 ?? 'recorded at first install'}.{' '}
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void state.start(
                  {
                    id: entry.id,
                    name: entry.name,
                    kind: entry.kind,
                    ...(entry.visionTask
                      ? { visionTask: entry.visionTask }
                      : {}),
                    url: entry.url,
                    sha256: entry.sha256,
                    approxBytes: entry.bytes,
                  },
                  null,
                  entry.gpu,
                )
              }
            >
              Install {entry.name}
            </button>
          </li>
        ))}
      </ul>
      <h3>Add from URL</h3>
      <form onSubmit={submit} className="model-form">
        <label>
          Model URL{' '}
          <input
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>{' '}
        <label>
          Task{' '}
          <select
            value={task}
            onChange={(e) => setTask(e.target.value as TaskChoice)}
          >
            <option value="llm">Language model (assistant)</option>
            <option value="object-detection">Object detection (vision)</option>
            <option value="image-classification">
              Image classification (vision)
            </option>
          </select>
        </label>{' '}
        <label>
          SHA-256 (optional){' '}
          <input
            value={sha256}
            spellCheck={false}
            onChange={(e) => setSha256(e.target.value)}
          />
        </label>{' '}
        <button type="submit" disabled={busy}>
          Install
        </button>
      </form>
      <h3>Import a file</h3>
      <p>
        An imported file is checked and marked like an address above: with the
        SHA-256 and the Task chosen there.
      </p>
      <label>
        Import a model file{' '}
        <input
          type="file"
          accept=".task,.litertlm,.bin,.tflite"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (!file) return
            const id = modelIdFor(`file:///${encodeURIComponent(file.name)}`)
            void state.start(
              {
                id,
                name: file.name,
                ...kindFor(task),
                url: `file:${file.name}`,
                sha256: sha256.trim().toLowerCase() || null,
                approxBytes: file.size,
              },
              file,
            )
          }}
        />
      </label>
      {invalid ? <p role="alert">{invalid}</p> : null}
      {state.running ? (
        <DownloadProgress
          name={state.running}
          progress={state.progress}
          onCancel={state.cancel}
        />
      ) : null}
      {state.failure ? (
        <p role="alert">
          {state.failure.message} ({state.failure.detail})
        </p>
      ) : null}
      {state.done ? (
        <p role="status">
          Installed {state.done.name} (downloaded{' '}
          {state.progress?.percent ?? '?'} %): {formatBytes(state.done.bytes)},
          SHA-256 <code>{state.done.sha256}</code>
          {state.done.hashVerified
            ? ' (matched)'
            : ' (recorded at this install)'}
          .
        </p>
      ) : null}
      <InstalledList models={state.models} onDelete={state.erase} />
    </section>
  )
}
