/**
 * `npm run serve -- --port P --data-dir DIR [--host 127.0.0.1] [--secret-key-file PATH] [--demo]`: the headless host.
 * Serves the built renderer and the procedures over HTTP; never imports electron.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../package.json'
import { keepMainThreadResponsive } from './app/v8-flags'
import { rememberedPort, rememberPort, startHost } from './http/host'
import type { Core } from './app/core'
import type { DemoResult } from './demo'
import { startDemoProvider } from './demo/simulator'
import { defaultDataDir, SECRET_KEY_FILE } from './paths'

/** A whole number from the environment, or undefined when the variable is not set. */
function envCount(name: string, min: number): number | undefined {
  const text = process.env[name]
  if (text === undefined || text === '') return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}: ${text} is not a whole number ≥ ${min}`)
  return value
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${text} is not a port number (0–65535; 0 picks a free one)`)
  return port
}

async function main(): Promise<void> {
  keepMainThreadResponsive()
  const { values } = parseArgs({
    options: {
      // Without --port: the last run's port when it is free (its browser keeps its sign-in), else a free one.
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'secret-key-file': { type: 'string' },
      demo: { type: 'boolean', default: false }
    },
    strict: true
  })
  const dataDir = values['data-dir'] ?? defaultDataDir()
  if (values['secret-key-file'] && process.env.PAYDESK_SECRET_KEY) throw new Error('Give the secret key either in PAYDESK_SECRET_KEY or with --secret-key-file, not both')
  const setup: { admin: Awaited<ReturnType<Core['ensureAdminFromEnv']>>; demo: { result: DemoResult; simulatorUrl: string } | null } = { admin: 'not-set', demo: null }
  const host = await startHost({
    dataDir,
    port: values.port === undefined ? 0 : parsePort(values.port),
    preferredPort: values.port === undefined ? rememberedPort(dataDir) : null,
    host: values.host,
    version,
    rendererDir: join(__dirname, '..', 'renderer'),
    secretKeyFile: values['secret-key-file'],
    // Tests that cancel an export while it runs make it small and slow (docs/exports.md).
    exportOptions: { batchSize: envCount('PAYDESK_EXPORT_BATCH_ROWS', 1), pauseMs: envCount('PAYDESK_EXPORT_PAUSE_MS', 0) },
    // In the desktop app's order (index.ts): the simulator runs before the engine's start resumes rehearsals on it.
    beforeEngine: async (core) => {
      setup.admin = await core.ensureAdminFromEnv(process.env)
      if (values.demo) {
        const result = await core.loadDemo()
        // The app's own simulator: the simulator panel shows it, and it stops with the host.
        const simulator = await startDemoProvider(core.db, core.clock, core.simulator)
        setup.demo = { result, simulatorUrl: simulator.url }
      }
    }
  })
  const { core } = host
  if (values.port === undefined) rememberPort(dataDir, host.port)
  if (setup.admin === 'created') console.log(`First administrator ${process.env.PAYDESK_ADMIN_USER} created from PAYDESK_ADMIN_USER.`)
  if (setup.demo) {
    const { result, simulatorUrl } = setup.demo
    console.log(result.created ? 'Demo data loaded. Demo sign-ins:' : 'Demo data already present. Demo sign-ins:')
    for (const u of result.users) console.log(`  ${u.username.padEnd(16)} ${u.password.padEnd(20)} ${u.role}${u.merchant ? ` (${u.merchant})` : ''}`)
    console.log(`Provider simulator listening at ${simulatorUrl} (the demo channels use it; deposits are paid after 20 s)`)
  }
  console.log(`Data folder: ${dataDir}`)
  console.log(`Secret key: ${process.env.PAYDESK_SECRET_KEY ? 'PAYDESK_SECRET_KEY' : (values['secret-key-file'] ?? join(dataDir, SECRET_KEY_FILE))}`)
  if (core.setupCode) console.log(`First run: create the administrator in the browser with the setup code ${core.setupCode}`)
  console.log(`PayDesk is running in browser mode at ${host.url}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} received: stopping PayDesk…`)
    void host.stop().then(() => {
      console.log('PayDesk stopped.')
      process.exit(0)
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
