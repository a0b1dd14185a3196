/**
 * A TCP proxy in front of a test server that can cut every open connection
 * at once, as a lost network would, while staying up for the reconnect.
 * Listens on 127.0.0.1 only; for end-to-end tests.
 */
import net from 'node:net'
import type { AddressInfo } from 'node:net'

/** A running proxy. */
export interface CuttingProxy {
  url: string
  /** Destroy every open connection, both sides. */
  cut(): void
  close(): Promise<void>
}

/** Forward 127.0.0.1:<free port> to the given port on 127.0.0.1. */
export async function startCuttingProxy(
  targetPort: number,
): Promise<CuttingProxy> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => undefined)
    }
    client.pipe(upstream)
    upstream.pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    cut: () => {
      for (const socket of sockets) socket.destroy()
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
