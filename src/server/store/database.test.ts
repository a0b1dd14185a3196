import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from './migrations'
import { openDatabase } from './database'

describe('openDatabase', () => {
  const dirs: string[] = []

  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-db-'))
    dirs.push(dir)
    return path.join(dir, 'data')
  }

  it('creates the data folder and a database only its owner can read', () => {
    const dataDir = tempDir()
    const db = openDatabase(dataDir)
    db.close()

    const mode = fs.statSync(path.join(dataDir, 'enclave.db')).mode & 0o777
    expect(mode).toBe(0o600)
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700)
  })

  it('runs every migration once and records the schema version', () => {
    const dataDir = tempDir()
    openDatabase(dataDir).close()
    const db = openDatabase(dataDir)

    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    db.close()
  })
})
