/**
 * Listening with a Hono app on one address, the way every PayDesk server does (the headless host,
 * the callback listener, the provider simulator): the port actually taken (0 picks a free one),
 * and a close that does not wait for idle keep-alive connections.
 */
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'

export interface Listening {
  port: number
  close(): Promise<void>
}

export interface ListenOptions {
  host: string
  port: number
  /** The accept queue; deeper for servers that take bursts (provider callbacks). */
  backlog?: number
}

export async function listen(fetch: (request: Request) => Response | Promise<Response>, options: ListenOptions): Promise<Listening> {
  const server = createAdaptorServer({ fetch })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: options.port, host: options.host, backlog: options.backlog ?? 511 }, () => resolve())
  })
  let closed: Promise<void> | null = null
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      return closed
    }
  }
}
