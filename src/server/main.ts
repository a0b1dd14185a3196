/**
 * Entry point of `npm start` and `npm run serve`.
 */
import { ConfigError, loadConfig } from './config'
import { startServer } from './server'

async function main(): Promise<void> {
  const config = loadConfig()
  const running = await startServer(config)

  if (running.seed.seeded) {
    const lines = [
      '',
      'Enclave created demo accounts: admin, manager, editor, viewer.',
      running.seed.generated
        ? `Their password (shown this once): ${running.seed.password}`
        : 'Their password is the value of ENCLAVE_DEMO_PASSWORD.',
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  }
  process.stdout.write(`\nEnclave is running at ${running.url}\n\n`)

  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : `Enclave could not start: ${error instanceof Error ? error.message : String(error)}`
  process.stderr.write(`${message}\n`)
  process.exit(1)
})
