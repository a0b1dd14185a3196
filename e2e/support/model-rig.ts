/**
 * A server for the local-engine specs: a model file server, a test cloud
 * upstream, and an Enclave server of its own whose CSP allows downloads
 * from that file server only (`ENCLAVE_MODEL_ORIGINS`). The same-origin
 * check of the fixtures is widened for that one origin.
 */
import type { RunningServer } from '../../src/server/server'
import {
  startTestUpstream,
  type TestUpstream,
} from '../../src/server/testing/test-upstream'
import { test as base } from '../fixtures'
import { startModelFileServer, type ModelFileServer } from './model-file-server'
import { startOwnServer } from './own-server'

/** The parts of one set-up. */
export interface ModelRig {
  files: ModelFileServer
  upstream: TestUpstream
  server: RunningServer
}

/** The app fixtures on a server that may download from the file server. */
export const test = base.extend<Record<never, never>, { models: ModelRig }>({
  models: [
    // Playwright reads a fixture's dependencies from this pattern, so it
    // must be an object pattern even when there are none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const files = await startModelFileServer()
      const upstream = await startTestUpstream()
      const server = await startOwnServer({
        ENCLAVE_LLM_URL: upstream.url,
        ENCLAVE_LLM_MODEL: 'test-model',
        ENCLAVE_MODEL_ORIGINS: files.origin,
      })
      await use({ files, upstream, server })
      await server.close()
      await upstream.close()
      await files.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ models }, use) => {
    await use(models.server.url)
  },
  testOrigins: async ({ models }, use) => {
    await use([models.files.origin])
  },
})

export { expect } from '../fixtures'
