/**
 * Model files in the Origin Private File System: the only code that
 * touches it. One folder, `models/`, holds each installed model under its
 * id, downloads in progress under `<id>.partial`, and `index.json`, the
 * list of installed models. The page installs; the local engine's worker
 * reads a model back as a stream.
 *
 * Renaming `models/` or `index.json` orphans every installed model, and
 * start-up clean-up would then delete them: users would download again.
 */
import type {
  FileAppender,
  InstalledModel,
  ModelStorage,
} from '../ai/install-types'
import { requestPersistence, storageStatus } from './storage'

const FOLDER = 'models'
const INDEX = 'index.json'

// `move` is in Chromium and the File System spec but not yet in the DOM
// types TypeScript ships.
interface MovableHandle extends FileSystemFileHandle {
  move(name: string): Promise<void>
}

async function folder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory()
  return root.getDirectoryHandle(FOLDER, { create: true })
}

async function handle(name: string, create = false) {
  try {
    return await (await folder()).getFileHandle(name, { create })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') {
      return null
    }
    throw error
  }
}

/** Whether this browser has the Origin Private File System. */
export function hasModelFiles(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.storage?.getDirectory
}

/** A reader over an installed model's bytes, for loading without a copy. */
export async function openModelReader(
  file: string,
): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const found = await handle(file)
  if (!found) {
    throw new Error(`no model file ${file}`)
  }
  return (await found.getFile()).stream().getReader()
}

/** The OPFS-backed store the installer writes to. */
export const modelFiles: ModelStorage = {
  async size(name) {
    const found = await handle(name)
    return found ? (await found.getFile()).size : null
  },

  async *read(name) {
    const found = await handle(name)
    if (!found) return
    const reader = (await found.getFile()).stream().getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  },

  async append(name, keep): Promise<FileAppender> {
    const file = await handle(name, true)
    if (!file) throw new Error(`cannot create ${name}`)
    const size = keep ? (await file.getFile()).size : 0
    // A writable stream writes to a copy that replaces the file on close,
    // so what a closed writer wrote is on disk, and an unclosed one (a tab
    // closed mid-download) leaves the last closed state.
    const writable = await file.createWritable({ keepExistingData: keep })
    await writable.seek(size)
    // Network chunks are about 64 KB; writing each one costs more than the
    // copy into a 4 MiB batch. `close` writes what is batched, so a closed
    // appender has everything it was given.
    const batch = new Uint8Array(4 * 1024 * 1024)
    let filled = 0
    const flush = async () => {
      if (filled > 0) await writable.write(batch.slice(0, filled))
      filled = 0
    }
    return {
      async write(chunk) {
        if (filled + chunk.length > batch.length) await flush()
        if (chunk.length >= batch.length) {
          await writable.write(chunk as Uint8Array<ArrayBuffer>)
          return
        }
        batch.set(chunk, filled)
        filled += chunk.length
      },
      async close() {
        await flush()
        await writable.close()
      },
    }
  },

  async move(from, to) {
    const source = await handle(from)
    if (!source) throw new Error(`no file ${from}`)
    await (await folder()).removeEntry(to).catch(() => undefined)
    await (source as MovableHandle).move(to)
  },

  async remove(name) {
    await (await folder()).removeEntry(name).catch(() => undefined)
  },

  async names() {
    const names: string[] = []
    for await (const name of (await folder()).keys()) {
      if (name !== INDEX) names.push(name)
    }
    return names
  },

  async readIndex() {
    const found = await handle(INDEX)
    if (!found) return []
    const parsed: unknown = JSON.parse(
      (await (await found.getFile()).text()) || '[]',
    )
    return Array.isArray(parsed) ? (parsed as InstalledModel[]) : []
  },

  async writeIndex(models) {
    const file = await handle(INDEX, true)
    if (!file) throw new Error('cannot write the model index')
    const writable = await file.createWritable()
    await writable.write(JSON.stringify(models))
    await writable.close()
  },

  async estimate() {
    const { usage, quota } = await storageStatus()
    return { usage, quota }
  },

  persist: requestPersistence,
}
