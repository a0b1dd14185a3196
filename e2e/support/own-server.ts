/**
 * A server of a spec's or a benchmark's own: on a free port of 127.0.0.1,
 * with a fresh data folder that is removed again on close, serving the
 * end-to-end build unless told otherwise. Variables passed in override the
 * defaults, so a caller states only what makes its server different.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/server/config'
import { startServer, type RunningServer } from '../../src/server/server'
import { E2E_DEMO_PASSWORD, E2E_DIST_DIR } from '../environment'

/** Start the server; its `close` also deletes its data folder. */
export async function startOwnServer(
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-own-'))
  const server = await startServer(
    loadConfig({
      ENCLAVE_HOST: '127.0.0.1',
      ENCLAVE_PORT: '0',
      ENCLAVE_DATA_DIR: path.join(root, 'data'),
      ENCLAVE_DIST_DIR: path.resolve(E2E_DIST_DIR),
      ENCLAVE_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      ENCLAVE_LOG_LEVEL: 'silent',
      ...env,
    }),
  )
  return {
    ...server,
    close: async () => {
      await server.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}
