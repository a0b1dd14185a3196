/**
 * A server with the cloud engine configured, for the assistant specs: a
 * test upstream, an Enclave server of its own pointed at it, and a cutting
 * proxy in front that the browser talks to. It is a worker fixture, so each
 * worker gets its own and specs stay independent of the shared server
 * (which has no upstream, as a fresh install has none).
 */
import type { RunningServer } from '../../src/server/server'
import {
  startTestUpstream,
  type TestUpstream,
} from '../../src/server/testing/test-upstream'
import { test as base } from '../fixtures'
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy'
import { startOwnServer } from './own-server'

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
      const upstream = await startTestUpstream()
      const server = await startOwnServer({
        ENCLAVE_LLM_URL: upstream.url,
        ENCLAVE_LLM_MODEL: 'test-model',
        ENCLAVE_SSE_RESUME_SECONDS: String(graceSeconds),
      })
      const proxy = await startCuttingProxy(Number(new URL(server.url).port))
      await use({ url: proxy.url, upstream, server, proxy })
      await proxy.close()
      await server.close()
      await upstream.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ cloud }, use) => {
    await use(cloud.url)
  },
})

export { expect } from '../fixtures'
