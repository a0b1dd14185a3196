/**
 * Events about the database that the shell listens to. Kept apart from
 * `database.ts` so the shell can subscribe without loading Dexie, which the
 * first page does not need (it is about a third of the sign-in page's
 * JavaScript otherwise).
 */

type Listener = () => void
const replacedListeners = new Set<Listener>()

/**
 * Be told when another tab upgrades the database. The connection here is
 * already closed by then; the only way on is a reload.
 */
export function onDatabaseReplaced(listener: Listener): () => void {
  replacedListeners.add(listener)
  return () => replacedListeners.delete(listener)
}

/** Tell every listener the database was upgraded elsewhere. */
export function announceDatabaseReplaced(): void {
  for (const listener of replacedListeners) {
    listener()
  }
}
