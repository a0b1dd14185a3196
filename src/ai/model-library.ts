/**
 * The page's one model library: installs, lists and deletes model assets
 * through the installer, over the OPFS store and the range fetch. Orphans
 * from an earlier session (a closed tab mid-download) are removed the first
 * time the library is used after the page starts, before anything else.
 */
import { createLogger } from '../app/logger'
import { hasModelFiles, modelFiles } from '../db/model-files'
import { rangeFetch } from '../net/range-fetch'
import type {
  InstallProgress,
  InstallRequest,
  InstalledModel,
} from './install-types'
import { fileRangeFetch } from './file-range-fetch'
import { installModel } from './model-installer'
import { deleteModel, installedModels, removeOrphans } from './model-inventory'

const log = createLogger('models')
const listeners = new Set<() => void>()
let started: Promise<void> | null = null

function start(): Promise<void> {
  started ??= hasModelFiles()
    ? removeOrphans(modelFiles).then(
        () => undefined,
        (error: unknown) => log.warn('orphaned model files stay', error),
      )
    : Promise.resolve()
  return started
}

function changed() {
  for (const listener of listeners) listener()
}

/** Call `listener` whenever the installed list changes. */
export function onModelsChanged(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Installed models, newest first; empty where OPFS is missing. */
export async function listModels(): Promise<InstalledModel[]> {
  await start()
  return hasModelFiles() ? installedModels(modelFiles) : []
}

/**
 * Download, check and commit a model; with `file`, import that file the
 * same way instead of downloading.
 */
export async function install(
  request: InstallRequest,
  onProgress: (progress: InstallProgress) => void,
  signal: AbortSignal,
  file: Blob | null = null,
): Promise<InstalledModel> {
  await start()
  const model = await installModel(
    request,
    {
      storage: modelFiles,
      fetchRange: file ? fileRangeFetch(file) : rangeFetch,
      now: () => Date.now(),
    },
    onProgress,
    signal,
  )
  changed()
  return model
}

/** Delete an installed model and free its space. */
export async function remove(id: string): Promise<void> {
  await start()
  await deleteModel(modelFiles, id)
  changed()
}
