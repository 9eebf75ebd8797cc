/**
 * Sign-in against an attacker: parallel guesses, the forced password change, and answers that do
 * not tell accounts apart (issue 12, items 8–10; the rules are in docs/permissions.md).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../src/main/http/host'
import type { ErrorEnvelope } from '../../src/shared/envelope'
import { ApiError } from '../../src/renderer/src/api/error'
import { errorMessage } from '../../src/renderer/src/i18n/messages'
import { fixedTranslators } from '../../src/renderer/src/i18n/testing'
import type { Core } from '../../src/main/app/core'
import { ADMIN, makeCore, ManualClock, type TestCore } from '../support/core'

const LOCKOUT_MS = 15 * 60_000
const PASSWORD = 'Initial-pass-1'

async function withUser(username: string, role = 'operations') {
  const t = await makeCore()
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  const roles = await t.ok('roles.list', {}, admin)
  const roleIds = [roles.find((r) => r.builtInKey === role)!.id]
  const user = await t.ok('users.create', { username, displayName: username, password: PASSWORD, merchantId: null, roleIds }, admin)
  return { t, admin, user, roleIds }
}

function lockState(core: Core, username: string) {
  return core.db.$client.prepare('select failed_attempts as failedAttempts, locked_until as lockedUntil from users where username = ?').get(username) as {
    failedAttempts: number
    lockedUntil: number | null
  }
}

/** The catalog codes of the sign-in audit events about one user, oldest first. */
function signInAuditCodes(core: Core, userId: number): string[] {
  const rows = core.db.$client.prepare("select text from audit_events where procedure = 'auth.login' and target_id = ? order by id").all(String(userId)) as { text: string }[]
  return rows.map((r) => (JSON.parse(r.text) as { code: string }).code)
}

const answerOf = (envelope: { status: number; message: string; code?: string }) => ({ status: envelope.status, code: envelope.code, message: envelope.message })

describe('parallel guesses against the lockout', () => {
  it('30 wrong passwords at once: at most 5 are checked, the account locks, every guess is audited, and the right password is then refused', { timeout: 120_000 }, async () => {
    const { t, user } = await withUser('amy')
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => t.call('auth.login', { username: 'amy', password: `guess-${i}` })))
    expect(new Set(answers.map((a) => JSON.stringify(answerOf(a))))).toEqual(new Set([JSON.stringify(answerOf(answers[0]))]))
    expect(answers[0]).toMatchObject({ status: 401, code: 'auth.invalid_credentials' })
    expect(lockState(t.core, 'amy')).toEqual({ failedAttempts: 5, lockedUntil: t.clock.now() + LOCKOUT_MS })

    const codes = signInAuditCodes(t.core, user.id)
    expect(codes).toHaveLength(30)
    // Only the five counted guesses were checked against the password; the rest met the lock.
    expect(codes.filter((c) => c === 'audit.signInFailed')).toHaveLength(4)
    expect(codes.filter((c) => c === 'audit.signInLocked')).toHaveLength(1)
    expect(codes.filter((c) => c === 'audit.signInWhileLocked')).toHaveLength(25)

    expect(answerOf(await t.call('auth.login', { username: 'amy', password: PASSWORD }))).toEqual(answerOf(answers[0]))
    t.clock.advance(LOCKOUT_MS)
    expect((await t.call('auth.login', { username: 'amy', password: PASSWORD })).status).toBe(200)
    expect(lockState(t.core, 'amy')).toEqual({ failedAttempts: 0, lockedUntil: null })
  })
})

describe('the sign-in rate limit of the headless host', () => {
  let host: RunningHost
  const clock = new ManualClock()

  async function post(path: string, body: unknown) {
    const response = await fetch(`${host.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return { http: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as ErrorEnvelope }
  }

  beforeAll(async () => {
    host = await startHost({ dataDir: mkdtempSync(join(tmpdir(), 'paydesk-auth-')), port: 0, host: '127.0.0.1', version: 'test', rendererDir: null, clock })
    await host.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password })
  })
  afterAll(async () => host.stop())

  it('30 parallel wrong passwords over HTTP: 10 reach the check, 20 get a 429 with Retry-After; the right password is refused while the account is locked', { timeout: 120_000 }, async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post('/auth/login', { username: 'root', password: `guess-${i}` })))
    const refused = answers.filter((a) => a.http === 401)
    const limited = answers.filter((a) => a.http === 429)
    expect(refused).toHaveLength(10)
    expect(limited).toHaveLength(20)
    for (const a of refused) expect(a.body).toMatchObject({ status: 401, code: 'auth.invalid_credentials', data: null })
    for (const a of limited) {
      expect(a.body).toMatchObject({ status: 429, code: 'auth.rate_limited', message: 'Too many sign-in attempts; try again in 60 s', data: null })
      expect(a.body.text).toEqual({ code: 'error.auth.rateLimited', params: { n: 60 } })
      expect(a.retryAfter).toBe('60')
    }
    // A screen shows the text in the reader's language, never the English sentence.
    const { english, chinese } = fixedTranslators()
    const shown = (language: typeof english) => errorMessage(new ApiError(429, 'auth.rate_limited', limited[0].body.message, undefined, limited[0].body.text), language)
    expect(shown(english)).toBe('Too many sign-in attempts; try again in 60 s')
    expect(shown(chinese)).toBe('登录尝试过于频繁，请在 60 秒后重试')
    expect(lockState(host.core, 'root')).toMatchObject({ failedAttempts: 5 })

    // Still within the minute: the name has used its 10 attempts.
    expect((await post('/auth/login', ADMIN)).http).toBe(429)
    // The same limit holds on the procedure's generic path.
    expect((await post('/api/auth.login', ADMIN)).body).toMatchObject({ status: 429, code: 'auth.rate_limited' })
    clock.advance(61_000)
    const locked = await post('/auth/login', ADMIN)
    expect(locked.http).toBe(401)
    expect(locked.body).toMatchObject({ code: 'auth.invalid_credentials', message: refused[0].body.message })
    clock.advance(LOCKOUT_MS)
    expect((await post('/auth/login', ADMIN)).http).toBe(200)
  })

  it('one address may try 30 sign-ins a minute, whatever the names', async () => {
    clock.advance(120_000)
    // An empty password fails validation after the limit has counted the attempt: no scrypt needed.
    for (let i = 0; i < 30; i++) expect((await post('/auth/login', { username: `name-${i}`, password: '' })).http).toBe(400)
    clock.advance(20_000)
    const limited = await post('/auth/login', ADMIN)
    expect(limited.http).toBe(429)
    expect(limited.retryAfter).toBe('40')
    clock.advance(40_000)
    expect((await post('/auth/login', ADMIN)).http).toBe(200)
  })
})

describe('a user who must change the password', () => {
  it('may only change it, sign out or read who they are until they have', async () => {
    const { t, admin, user } = await withUser('fresh.ops')
    const login = await t.ok('auth.login', { username: 'fresh.ops', password: PASSWORD })
    expect(login.user.mustChangePassword).toBe(true)
    const token = login.token

    const refused = await t.call('orders.list', {}, token)
    expect(refused).toMatchObject({ status: 403, code: 'auth.password_change_required', message: 'Change your password before doing anything else' })
    // Even where the user lacks the permission, the password change comes first.
    expect(await t.call('users.list', {}, token)).toMatchObject({ status: 403, code: 'auth.password_change_required' })
    expect(await t.call('merchants.create', { name: 'Sneaky' }, token)).toMatchObject({ status: 403, code: 'auth.password_change_required' })
    expect((await t.ok('auth.me', {}, token)).mustChangePassword).toBe(true)
    expect((await t.call('auth.setupStatus', {}, token)).status).toBe(200)

    await t.ok('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'Chosen-pass-22' }, token)
    expect((await t.ok('auth.me', {}, token)).mustChangePassword).toBe(false)
    expect((await t.call('orders.list', {}, token)).status).toBe(200)

    // An administrator's reset brings the rule back, and logging out stays open.
    await t.ok('users.resetPassword', { id: user.id, newPassword: 'Reset-pass-33' }, admin)
    const again = (await t.ok('auth.login', { username: 'fresh.ops', password: 'Reset-pass-33' })).token
    expect(await t.call('orders.list', {}, again)).toMatchObject({ status: 403, code: 'auth.password_change_required' })
    await t.ok('auth.logout', {}, again)
  })

  it('the sign-in refusal and the forced password change read in both languages', async () => {
    const { english, chinese } = fixedTranslators()
    const { t } = await withUser('new.ops')
    const wrong = await t.call('auth.login', { username: ADMIN.username, password: 'nope' })
    const token = (await t.ok('auth.login', { username: 'new.ops', password: PASSWORD })).token
    const mustChange = await t.call('orders.list', {}, token)
    for (const answer of [wrong, mustChange]) {
      if (answer.status === 200) throw new Error('expected a refusal')
      const error = new ApiError(answer.status, answer.code, answer.message, answer.field, answer.text)
      expect(answer.text, answer.code).toBeDefined()
      expect(errorMessage(error, english)).toBe(answer.message)
      expect(errorMessage(error, chinese)).not.toBe(answer.message)
    }
    expect(errorMessage(new ApiError(401, '', '', undefined, (wrong as ErrorEnvelope).text), chinese)).toBe('用户名或密码错误；连续 5 次登录失败后账户将被锁定 15 分钟')
    expect(errorMessage(new ApiError(403, '', '', undefined, (mustChange as ErrorEnvelope).text), chinese)).toBe('请先修改密码，然后才能进行其他操作')
  })
})

describe('accounts cannot be told apart without the password', () => {
  async function accounts(): Promise<TestCore & { admin: string }> {
    const { t, admin, roleIds } = await withUser('active.amy')
    for (const username of ['locked.ben', 'disabled.cat']) {
      await t.ok('users.create', { username, displayName: username, password: PASSWORD, merchantId: null, roleIds }, admin)
    }
    for (let i = 0; i < 5; i++) await t.call('auth.login', { username: 'locked.ben', password: `bad-${i}` })
    const cat = (await t.ok('users.list', { search: 'disabled.cat' }, admin)).items[0]
    await t.ok('users.setStatus', { id: cat.id, status: 'disabled' }, admin)
    return { ...t, admin }
  }

  it('unknown, wrong, locked and disabled get the same answer to a wrong password; a locked account gets it to the right one too', { timeout: 120_000 }, async () => {
    const t = await accounts()
    const wrong = answerOf(await t.call('auth.login', { username: 'active.amy', password: 'not-it' }))
    expect(wrong).toMatchObject({ status: 401, code: 'auth.invalid_credentials' })
    expect(answerOf(await t.call('auth.login', { username: 'nobody.here', password: 'not-it' }))).toEqual(wrong)
    expect(answerOf(await t.call('auth.login', { username: 'locked.ben', password: 'not-it' }))).toEqual(wrong)
    expect(answerOf(await t.call('auth.login', { username: 'disabled.cat', password: 'not-it' }))).toEqual(wrong)
    // The right password does not open a locked account, nor says that it is locked.
    expect(answerOf(await t.call('auth.login', { username: 'locked.ben', password: PASSWORD }))).toEqual(wrong)
    // Only someone who holds the password learns that the account is disabled.
    expect(await t.call('auth.login', { username: 'disabled.cat', password: PASSWORD })).toMatchObject({ status: 401, code: 'auth.disabled' })
    // A disabled account locks like any other; then the right password gets the common answer too.
    for (let i = 0; i < 5; i++) await t.call('auth.login', { username: 'disabled.cat', password: `bad-${i}` })
    expect(answerOf(await t.call('auth.login', { username: 'disabled.cat', password: PASSWORD }))).toEqual(wrong)
  })

  it('and in the same time: no path answers an order of magnitude sooner than a wrong password', { timeout: 120_000 }, async () => {
    const t = await accounts()
    const paths = {
      wrong: { username: 'active.amy', password: 'not-it' },
      unknown: { username: 'nobody.here', password: 'not-it' },
      locked: { username: 'locked.ben', password: 'not-it' },
      disabled: { username: 'disabled.cat', password: 'not-it' }
    }
    // Warm the decoy hash, made on first use.
    await t.call('auth.login', { username: 'warm.up', password: 'not-it' })
    const times: Record<keyof typeof paths, number[]> = { wrong: [], unknown: [], locked: [], disabled: [] }
    // Interleaved rounds, so a burst of load elsewhere on the machine hits every path alike.
    for (let round = 0; round < 5; round++) {
      for (const [path, credentials] of Object.entries(paths) as [keyof typeof paths, { username: string; password: string }][]) {
        const started = performance.now()
        expect((await t.call('auth.login', credentials)).status).toBe(401)
        times[path].push(performance.now() - started)
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const wrong = median(times.wrong)
    for (const path of ['unknown', 'locked', 'disabled'] as const) {
      expect(median(times[path]), `${path}: ${times[path].map(Math.round).join(', ')} ms vs wrong ${times.wrong.map(Math.round).join(', ')} ms`).toBeGreaterThanOrEqual(0.3 * wrong)
    }
  })
})
