/**
 * Starting and stopping the headless host: a core in browser mode behind the HTTP app,
 * bound to 127.0.0.1 unless told otherwise.
 */
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createCore, type Core } from '../core/app'
import type { Clock } from '../core/context'
import { aesSecretBox, loadOrCreateKey } from '../core/secrets'
import { DATABASE_FILE, SECRET_KEY_FILE } from '../paths'
import { createHttpApp } from './app'

export interface HostOptions {
  dataDir: string
  port: number
  host: string
  version: string
  rendererDir: string | null
  clock?: Clock
}

export interface RunningHost {
  core: Core
  url: string
  port: number
  stop(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

export async function startHost(options: HostOptions): Promise<RunningHost> {
  mkdirSync(options.dataDir, { recursive: true })
  const secrets = aesSecretBox(loadOrCreateKey(join(options.dataDir, SECRET_KEY_FILE)))
  const core = createCore({ dbPath: join(options.dataDir, DATABASE_FILE), mode: 'browser', version: options.version, clock: options.clock, secrets })
  let port = options.port
  const allowedHosts = LOOPBACK.has(options.host)
    ? () => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
    : null
  const app = createHttpApp({ registry: core, clock: core.clock, version: options.version, rendererDir: options.rendererDir, allowedHosts })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s))
    s.once('error', reject)
  })
  port = (server.address() as AddressInfo).port
  await core.orders.start()
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    core,
    port,
    url: `http://${shownHost}:${port}`,
    stop: async () => {
      await core.orders.stop()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      core.close()
    }
  }
}
