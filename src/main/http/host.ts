/**
 * Starting and stopping the headless host: a core in browser mode behind the HTTP app,
 * bound to 127.0.0.1 unless told otherwise.
 */
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
}

export interface RunningHost {
  core: Core
  url: string
  port: number
  stop(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

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
  const server = await listen(app.fetch, { host: options.host, port: options.port })
  port = server.port
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
