/**
 * The installed-model list beside the files: orphan clean-up at start-up
 * and Delete. An uncommitted download and a file the index does not name
 * (a crash between the rename and the index write) are both orphans.
 */
import type { InstalledModel, ModelStorage } from './install-types'

/** Remove files no installed model owns; resolves to their names. */
export async function removeOrphans(
  storage: ModelStorage,
  downloading: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const owned = new Set((await storage.readIndex()).map((model) => model.file))
  const orphans = (await storage.names()).filter(
    (name) => !owned.has(name) && !downloading.has(name),
  )
  for (const name of orphans) {
    await storage.remove(name)
  }
  return orphans
}

/** Delete an installed model's file and its entry. */
export async function deleteModel(
  storage: ModelStorage,
  id: string,
): Promise<void> {
  const index = await storage.readIndex()
  const model = index.find((entry) => entry.id === id)
  if (model) {
    await storage.remove(model.file)
  }
  await storage.writeIndex(index.filter((entry) => entry.id !== id))
}

/** Installed models, newest first. */
export async function installedModels(
  storage: ModelStorage,
): Promise<InstalledModel[]> {
  return [...(await storage.readIndex())].sort(
    (a, b) => b.installedAt - a.installedAt,
  )
}

/** A file-safe id for a model from its URL's last path segment. */
export function modelIdFor(url: string): string {
  const name =
    new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? 'model'
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '')
  return safe.replace(/\.partial$/, '') || 'model'
}
