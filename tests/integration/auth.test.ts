import { describe, expect, it } from 'vitest'
import { ADMIN, countRows, makeCore } from '../support/core'

describe('first run', () => {
  it('creates the first administrator once, then refuses', async () => {
    const t = await makeCore({ withAdmin: false })
    expect(await t.ok('auth.setupStatus', {})).toEqual({ needsSetup: true, setupCodeRequired: false })
    await t.ok('auth.setupAdmin', { username: 'Boss', displayName: 'Boss', password: 'Boss-password-1' })
    expect((await t.ok('auth.setupStatus', {})).needsSetup).toBe(false)
    const again = await t.call('auth.setupAdmin', { username: 'other', displayName: 'Other', password: 'Other-password-1' })
    expect(again).toMatchObject({ status: 409, code: 'setup.done' })
    const me = await t.ok('auth.me', {}, await t.signIn('boss', 'Boss-password-1'))
    expect(me.roles).toEqual(['Administrator'])
  })

  it('in browser mode needs the setup code printed on the console', async () => {
    const t = await makeCore({ mode: 'browser', withAdmin: false })
    expect(await t.ok('auth.setupStatus', {})).toEqual({ needsSetup: true, setupCodeRequired: true })
    const code = t.core.setupCode!
    expect(code).toMatch(/^[A-Z2-9]{8}$/)
    const input = { username: 'boss', displayName: 'Boss', password: 'Boss-password-1' }
    expect(await t.call('auth.setupAdmin', input)).toMatchObject({ status: 400, field: 'setupCode' })
    expect(await t.call('auth.setupAdmin', { ...input, setupCode: 'WRONG123' })).toMatchObject({ status: 400, field: 'setupCode' })
    expect(countRows(t.core, 'users')).toBe(0)
    expect((await t.call('auth.setupAdmin', { ...input, setupCode: code.toLowerCase() })).status).toBe(200)
    expect(t.core.setupCode).toBeNull()
  })

  it('takes the administrator from PAYDESK_ADMIN_USER / PAYDESK_ADMIN_PASSWORD, once', async () => {
    const t = await makeCore({ withAdmin: false })
    expect(await t.core.ensureAdminFromEnv({})).toBe('not-set')
    await expect(t.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'ops', PAYDESK_ADMIN_PASSWORD: 'short' })).rejects.toThrow('PAYDESK_ADMIN_PASSWORD')
    expect(await t.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'Ops', PAYDESK_ADMIN_PASSWORD: 'Ops-password-1' })).toBe('created')
    expect(await t.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'ops', PAYDESK_ADMIN_PASSWORD: 'Ops-password-1' })).toBe('exists')
    expect((await t.ok('auth.me', {}, await t.signIn('ops', 'Ops-password-1'))).username).toBe('ops')
  })
})

describe('sign-in', () => {
  it('answers the same 401 for a wrong password and an unknown user', async () => {
    const t = await makeCore()
    const wrong = await t.call('auth.login', { username: ADMIN.username, password: 'nope' })
    const unknown = await t.call('auth.login', { username: 'ghost', password: 'nope' })
    expect(wrong).toMatchObject({ status: 401, code: 'auth.invalid_credentials' })
    expect(unknown).toMatchObject({ status: 401, code: 'auth.invalid_credentials', message: wrong.message })
  })

  it('user names are case-insensitive', async () => {
    const t = await makeCore()
    expect(await t.signIn('ROOT', ADMIN.password)).toBeTruthy()
  })

  it('locks the account for 15 minutes after 5 failed attempts, even for the right password', async () => {
    const t = await makeCore()
    for (let i = 0; i < 5; i++) await t.call('auth.login', { username: ADMIN.username, password: `bad-${i}` })
    const locked = await t.call('auth.login', ADMIN)
    // The answer a wrong password gets: a guesser cannot learn the lock, nor a right guess during it.
    expect(locked).toMatchObject({ status: 401, code: 'auth.invalid_credentials' })
    t.clock.advance(14 * 60_000)
    expect((await t.call('auth.login', ADMIN)).status).toBe(401)
    t.clock.advance(60_000)
    expect((await t.call('auth.login', ADMIN)).status).toBe(200)
  })

  it('a success between failures resets the count', async () => {
    const t = await makeCore()
    for (let i = 0; i < 4; i++) await t.call('auth.login', { username: ADMIN.username, password: 'bad' })
    await t.signIn(ADMIN.username, ADMIN.password)
    for (let i = 0; i < 4; i++) await t.call('auth.login', { username: ADMIN.username, password: 'bad' })
    expect((await t.call('auth.login', ADMIN)).status).toBe(200)
  })
})

describe('sessions', () => {
  it('expire after the idle limit', async () => {
    const t = await makeCore()
    const token = await t.signIn(ADMIN.username, ADMIN.password)
    t.clock.advance(29 * 60_000)
    expect((await t.call('auth.me', {}, token)).status).toBe(200)
    t.clock.advance(29 * 60_000)
    expect((await t.call('auth.me', {}, token)).status).toBe(200)
    t.clock.advance(30 * 60_000)
    expect(await t.call('auth.me', {}, token)).toMatchObject({ status: 401, code: 'auth.session_expired' })
  })

  it('expire at the absolute limit however active, and the limits are configurable', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    await t.ok('settings.update', { sessionIdleMinutes: 10, sessionAbsoluteMinutes: 60 }, admin)
    const token = await t.signIn(ADMIN.username, ADMIN.password)
    for (let i = 0; i < 6; i++) {
      t.clock.advance(9 * 60_000)
      expect((await t.call('auth.me', {}, token)).status).toBe(200)
    }
    t.clock.advance(6 * 60_000)
    expect((await t.call('auth.me', {}, token)).status).toBe(401)
    expect(await t.call('settings.update', { sessionIdleMinutes: 90, sessionAbsoluteMinutes: 60 }, await t.signIn(ADMIN.username, ADMIN.password))).toMatchObject({
      status: 400,
      field: 'sessionAbsoluteMinutes'
    })
  })

  it('logout ends the session', async () => {
    const t = await makeCore()
    const token = await t.signIn(ADMIN.username, ADMIN.password)
    await t.ok('auth.logout', {}, token)
    expect((await t.call('auth.me', {}, token)).status).toBe(401)
  })

  it('changing the password needs the current one and ends the other sessions', async () => {
    const t = await makeCore()
    const a = await t.signIn(ADMIN.username, ADMIN.password)
    const b = await t.signIn(ADMIN.username, ADMIN.password)
    expect(await t.call('auth.changePassword', { currentPassword: 'wrong', newPassword: 'New-password-22' }, a)).toMatchObject({ status: 400, field: 'currentPassword' })
    expect(await t.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'short' }, a)).toMatchObject({ status: 400, field: 'newPassword' })
    await t.ok('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'New-password-22' }, a)
    expect((await t.call('auth.me', {}, a)).status).toBe(200)
    expect((await t.call('auth.me', {}, b)).status).toBe(401)
    expect((await t.call('auth.login', ADMIN)).status).toBe(401)
    expect(await t.signIn(ADMIN.username, 'New-password-22')).toBeTruthy()
  })

  it('an unknown or missing token is a 401, never a crash', async () => {
    const t = await makeCore()
    expect(await t.call('auth.me', {}, 'forged')).toMatchObject({ status: 401, code: 'auth.session_expired' })
    expect(await t.call('users.list', {})).toMatchObject({ status: 401, code: 'auth.required' })
  })
})
