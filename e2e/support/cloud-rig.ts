/**
 * A server with the cloud engine configured, for the assistant specs: a
 * test upstream, an Enclave server of its own pointed at it, and a cutting
 * proxy in front that the browser talks to. It is a worker fixture, so each
 * worker gets its own and specs stay independent of the shared server
 * (which has no upstream, as a fresh install has none).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/server/config'
import { startServer, type RunningServer } from '../../src/server/server'
import {
  startTestUpstream,
  type TestUpstream,
} from '../../src/server/testing/test-upstream'
import { E2E_DEMO_PASSWORD, E2E_DIST_DIR } from '../environment'
import { test as base } from '../fixtures'
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy'

/** The parts of one cloud set-up. */
export interface CloudRig {
  /** Where the browser goes: the proxy in front of the server. */
  url: string
  upstream: TestUpstream
  server: RunningServer
  proxy: CuttingProxy
}

/** The app fixtures, with `baseURL` on a server that has a cloud upstream. */
export const test = base.extend<
  Record<never, never>,
  { cloud: CloudRig; graceSeconds: number }
>({
  graceSeconds: [15, { scope: 'worker', option: true }],
  cloud: [
    async ({ graceSeconds }, use) => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-cloud-'))
      const upstream = await startTestUpstream()
      const server = await startServer(
        loadConfig({
          ENCLAVE_HOST: '127.0.0.1',
          ENCLAVE_PORT: '0',
          ENCLAVE_DATA_DIR: path.join(root, 'data'),
          ENCLAVE_DIST_DIR: path.resolve(E2E_DIST_DIR),
          ENCLAVE_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
          ENCLAVE_LOG_LEVEL: 'silent',
          ENCLAVE_LLM_URL: upstream.url,
          ENCLAVE_LLM_MODEL: 'test-model',
          ENCLAVE_SSE_RESUME_SECONDS: String(graceSeconds),
        }),
      )
      const proxy = await startCuttingProxy(Number(new URL(server.url).port))
      await use({ url: proxy.url, upstream, server, proxy })
      await proxy.close()
      await server.close()
      await upstream.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ cloud }, use) => {
    await use(cloud.url)
  },
})

export { expect } from '../fixtures'
