/**
 * Opens the SQLite database in the data directory and brings its schema up
 * to date. The file is `enclave.db`; WAL mode lets readers run while a write
 * is in progress.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS, type Migration } from './migrations'

/** The database handle every store takes. */
export type Db = Database.Database

/** Open (and create if needed) the database under `dataDir`. */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = path.join(dataDir, 'enclave.db')
  const db = new Database(file)
  // Password hashes and the audit log: readable by the server's user only.
  fs.chmodSync(file, 0o600)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

/** An in-memory database with the full schema, for tests. */
export function openMemoryDatabase(): Db {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return db
}

/** Run every migration the database has not run yet. */
export function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new Error(
      `The database schema (version ${current}) is newer than this server ` +
        `(version ${migrations.length}). Run a newer Enclave server.`,
    )
  }
  for (let version = current; version < migrations.length; version++) {
    const migration = migrations[version]
    if (!migration) {
      break
    }
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
