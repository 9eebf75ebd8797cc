/** Test fixtures: a real core on an in-memory database, a clock the test moves, and a caller. */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createCore, type Core } from '../../src/main/app/core'
import { aesSecretBox } from '../../src/main/core/secrets'
import type { Clock } from '../../src/main/core/context'
import type { InputOf, OutputOf, ProcedureName } from '../../src/shared/contract'
import type { Envelope } from '../../src/shared/envelope'

export class ManualClock implements Clock {
  constructor(public t = Date.UTC(2026, 10, 22, 2, 0, 0)) {}
  now(): number {
    return this.t
  }
  advance(ms: number): void {
    this.t += ms
  }
}

export interface TestCore {
  core: Core
  clock: ManualClock
  /** Calls a procedure and returns its envelope. */
  call<N extends ProcedureName>(name: N, input: InputOf<N> | Record<string, unknown>, token?: string | null): Promise<Envelope<OutputOf<N>>>
  /** Calls a procedure and returns its data, failing the test on an error envelope. */
  ok<N extends ProcedureName>(name: N, input: InputOf<N> | Record<string, unknown>, token?: string | null): Promise<OutputOf<N>>
  signIn(username: string, password: string): Promise<string>
}

export const ADMIN = { username: 'root', password: 'Root-password-1' }

export async function makeCore(
  options: { mode?: 'desktop' | 'browser'; withAdmin?: boolean; realClock?: boolean; dbPath?: string; secretKey?: Buffer; /** What the core logs (its background work's failures). */ log?: (error: unknown) => void } = {}
): Promise<TestCore> {
  const clock = new ManualClock()
  // Tests that talk to real servers (the simulator) need time to pass.
  if (options.realClock) clock.now = () => Date.now()
  const core = createCore({ dbPath: options.dbPath ?? ':memory:', mode: options.mode ?? 'desktop', clock, log: options.log ?? (process.env.PAYDESK_TEST_LOG ? (e) => console.error(e) : () => {}), secrets: aesSecretBox(options.secretKey ?? randomBytes(32)) })
  const call: TestCore['call'] = async (name, input, token = null) =>
    (await core.dispatch(name, input, { token, transport: 'http' })) as never
  const ok: TestCore['ok'] = async (name, input, token = null) => {
    const envelope = await core.dispatch(name, input, { token, transport: 'http' })
    if (envelope.status !== 200) throw new Error(`${name} failed: ${envelope.status} ${envelope.message}`)
    return envelope.data as never
  }
  const signIn = async (username: string, password: string) => {
    const { token, user } = await ok('auth.login', { username, password })
    if (user.mustChangePassword) skipFirstPasswordChange(core, user.id)
    return token
  }
  if (options.withAdmin !== false) {
    await ok('auth.setupAdmin', { username: ADMIN.username, displayName: 'Root Admin', password: ADMIN.password })
  }
  return { core, clock, call, ok, signIn }
}

/**
 * For one test file: a core on a database file in a fresh temporary folder (so report reads go to
 * the worker threads), the demo data loaded and the administrator signed in, handed to `ready`
 * before the tests; closed and removed after them.
 */
export function demoCoreOnFile(prefix: string, ready: (t: TestCore, adminToken: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  let t: TestCore | undefined
  beforeAll(async () => {
    t = await makeCore({ dbPath: join(dir, 'paydesk.db') })
    await t.core.loadDemo()
    ready(t, await t.signIn(ADMIN.username, ADMIN.password))
  })
  afterAll(() => {
    t?.core.close()
    rmSync(dir, { recursive: true, force: true })
  })
}

/**
 * A user an administrator created may do nothing but change the password until they have
 * (docs/permissions.md). Fixtures act as users past that step; the tests of the rule itself
 * (tests/integration/auth-hardening.test.ts) call `auth.login`, not `signIn`.
 */
export function skipFirstPasswordChange(core: Core, userId: number): void {
  core.db.$client.prepare('update users set must_change_password = 0 where id = ?').run(userId)
}

export function countRows(core: Core, table: string): number {
  return (core.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
}
