/**
 * Reads what the app kept in the browser's IndexedDB, for specs that check
 * a row was written (metrics, for instance) without a page showing it.
 */
import type { Page } from '@playwright/test'

/** Every row of one object store of the app's `enclave` database. */
export function readStore<Row>(page: Page, store: string): Promise<Row[]> {
  return page.evaluate(
    (name) =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('enclave')
        open.onerror = () => reject(new Error('The database did not open.'))
        open.onsuccess = () => {
          const database = open.result
          if (!database.objectStoreNames.contains(name)) {
            database.close()
            resolve([])
            return
          }
          const read = database.transaction(name).objectStore(name).getAll()
          read.onsuccess = () => {
            database.close()
            resolve(read.result as Row[])
          }
          read.onerror = () => reject(new Error(`${name} was not readable.`))
        }
      }),
    store,
  )
}
