/**
 * Starts Enclave's server: reads the configuration, opens the database,
 * seeds demo accounts on first start and listens. `main.ts` calls it for
 * `npm start`; the API tests call it with a temporary data directory.
 */
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { createApp } from './app'
import { loadOrCreateSigningKeys } from './auth/access-tokens'
import type { Config } from './config'
import { createLogger } from './logger'
import { seedDemoAccounts, type SeedResult } from './seed'
import { createServices, type Services } from './services'
import { openDatabase } from './store/database'

/** A running server and how to reach and stop it. */
export interface RunningServer {
  url: string
  services: Services
  seed: SeedResult
  close: () => Promise<void>
}

/** Start the server with a configuration; resolves once it listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel)
  const db = openDatabase(config.dataDir)
  const keys = await loadOrCreateSigningKeys(config.dataDir)
  const services = createServices({ config, logger, db, keys })
  const seed = await seedDemoAccounts(services.users, config.demoPassword)
  services.refreshTokens.prune()

  const app = createApp(services)
  const server = await new Promise<ServerType>((resolve) => {
    const listening = serve(
      { fetch: app.fetch, hostname: config.host, port: config.port },
      () => resolve(listening),
    )
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${config.host}:${port}`
  logger.info({ url }, 'listening')

  return {
    url,
    services,
    seed,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Open event streams would otherwise hold the server open until
        // their upstreams finish.
        services.ai.hub.closeAll()
        server.close((error) => {
          db.close()
          if (error) {
            reject(error)
          } else {
            resolve()
          }
        })
      }),
  }
}
