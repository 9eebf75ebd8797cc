/**
 * Each test gets its own headless host: a fresh data folder, a free port, its own process.
 * The host is the built one (`out/main/headless.js`), exactly what `npm run serve` runs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'

export interface ApiAnswer<T> {
  status: number
  message: string
  code?: string
  field?: string
  data: T
}

export interface Host {
  url: string
  /** The first-run setup code the host printed, when it printed one. */
  setupCode: string | null
  output: () => string
  /** Calls the HTTP API as an API client would. */
  api<T = unknown>(path: string, body: unknown, token?: string): Promise<{ status: number; body: ApiAnswer<T> }>
  login(username: string, password: string): Promise<string>
}

export interface HostOptions {
  env?: Record<string, string>
  demo?: boolean
  /** A data folder of the test's own (kept when the host stops, so another host can start on it). */
  dataDir?: string
}

/** A demo host loads months of history before it listens; a busy machine takes a while. */
const HOST_START_TIMEOUT_MS = 120_000

export async function startHost(options: HostOptions = {}): Promise<Host & { stop(): Promise<void> }> {
  const ownFolder = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'paydesk-e2e-'))
  const args = [resolve(__dirname, '../../out/main/headless.js'), '--port', '0', '--data-dir', dataDir, ...(options.demo ? ['--demo'] : [])]
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind a failed test: the host and its data folder go with it.
      child.kill('SIGKILL')
      if (ownFolder) rmSync(dataDir, { recursive: true, force: true })
      reject(new Error(`host did not start:\n${output}`))
    }, HOST_START_TIMEOUT_MS)
    const check = () => {
      const match = /PayDesk is running in browser mode at (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout!.on('data', check)
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)))
  })
  const api = async <T = unknown>(path: string, body: unknown, token?: string) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body)
    })
    return { status: response.status, body: (await response.json()) as ApiAnswer<T> }
  }
  return {
    url,
    setupCode: /setup code ([A-Z0-9]+)/.exec(output)?.[1] ?? null,
    output: () => output,
    api,
    async login(username, password) {
      const answer = await api<{ token: string; user: { mustChangePassword: boolean } }>('/auth/login', { username, password })
      expect(answer.status, answer.body.message).toBe(200)
      const token = answer.body.data.token
      if (answer.body.data.user.mustChangePassword) {
        // A user an administrator created may do nothing else until they change the password
        // (docs/permissions.md). An API client past that step: changed, then back, so the
        // test's password still signs in.
        const interim = `${password}-interim`
        for (const [currentPassword, newPassword] of [[password, interim], [interim, password]]) {
          const changed = await api('/api/auth.changePassword', { currentPassword, newPassword }, token)
          expect(changed.status, changed.body.message).toBe(200)
        }
      }
      return token
    },
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => {
          if (ownFolder) rmSync(dataDir, { recursive: true, force: true })
          done()
        })
        child.kill('SIGTERM')
      })
  }
}

export const ADMIN = { username: 'root', password: 'Root-password-1' }

export const test = base.extend<{ host: Host; hostOptions: HostOptions }>({
  hostOptions: [{ env: { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password } }, { option: true }],
  // The host's start has its own time limit, apart from the test's.
  host: [
    async ({ hostOptions }, use) => {
      const host = await startHost(hostOptions)
      await use(host)
      await host.stop()
    },
    { timeout: HOST_START_TIMEOUT_MS + 10_000 }
  ]
})

export { expect }
