/**
 * Starting and stopping the headless host: a core in browser mode behind the HTTP app,
 * bound to 127.0.0.1 unless told otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCore, type Core } from '../app/core'
import type { Clock } from '../core/context'
import { aesSecretBox, loadOrCreateKey } from '../core/secrets'
import type { ExportJobsOptions } from '../reports/export/jobs'
import { DATABASE_FILE, dataFolder, SECRET_KEY_FILE } from '../paths'
import { createHttpApp } from './app'
import { listen } from './listen'

export interface HostOptions {
  dataDir: string
  port: number
  /**
   * The port to try first (the last run's, kept in the data folder): a browser keeps its sign-in,
   * language and saved views per address, so the same port keeps them between runs. When it is
   * taken, `port` is used instead.
   */
  preferredPort?: number | null
  host: string
  version: string
  rendererDir: string | null
  /**
   * The key that seals channel credentials and signing secrets, kept apart from the data folder
   * (--secret-key-file): it must exist. By default `secret.key` in the data folder, created on
   * first use. PAYDESK_SECRET_KEY, when set, is used instead of either.
   */
  secretKeyFile?: string
  clock?: Clock
  /** Export jobs' batch size and pace (PAYDESK_EXPORT_BATCH_ROWS, PAYDESK_EXPORT_PAUSE_MS; tests). */
  exportOptions?: ExportJobsOptions
  /**
   * Setup before the engine starts (the first administrator, the demo and its simulator): the
   * engine's start resumes field test rehearsals, which find no simulator if it starts later.
   */
  beforeEngine?: (core: Core) => Promise<void>
}

export interface RunningHost {
  core: Core
  url: string
  port: number
  stop(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

const PORT_FILE = 'browser-port'

/** The port the last run in this data folder listened on, or null. */
export function rememberedPort(dataDir: string): number | null {
  try {
    const port = Number(readFileSync(join(dataDir, PORT_FILE), 'utf8').trim())
    return Number.isInteger(port) && port >= 1024 && port <= 65535 ? port : null
  } catch {
    return null
  }
}

export function rememberPort(dataDir: string, port: number): void {
  writeFileSync(join(dataDir, PORT_FILE), `${port}\n`)
}

async function listenPreferring(fetch: Parameters<typeof listen>[0], options: HostOptions): ReturnType<typeof listen> {
  if (options.preferredPort) {
    try {
      return await listen(fetch, { host: options.host, port: options.preferredPort })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (error as NodeJS.ErrnoException).code !== 'EACCES') throw error
    }
  }
  return listen(fetch, { host: options.host, port: options.port })
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  dataFolder(options.dataDir)
  const keyFile = options.secretKeyFile ?? join(options.dataDir, SECRET_KEY_FILE)
  const secrets = aesSecretBox(loadOrCreateKey(keyFile, process.env, { create: options.secretKeyFile === undefined }))
  const core = createCore({ dbPath: join(options.dataDir, DATABASE_FILE), mode: 'browser', version: options.version, clock: options.clock, secrets, exportOptions: options.exportOptions })
  let port = options.port
  const allowedHosts = LOOPBACK.has(options.host)
    ? () => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
    : null
  const app = createHttpApp({ registry: core, exports: core.exports, clock: core.clock, version: options.version, rendererDir: options.rendererDir, allowedHosts })
  const server = await listenPreferring(app.fetch, options)
  port = server.port
  await options.beforeEngine?.(core)
  await core.engine.start()
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    core,
    port,
    url: `http://${shownHost}:${port}`,
    stop: async () => {
      await Promise.all([core.engine.stop(), core.exports.stopAll()])
      await server.close()
      core.close()
    }
  }
}
