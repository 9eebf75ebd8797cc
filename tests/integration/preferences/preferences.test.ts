/** Settings that follow the user: language, colour scheme and saved views, each user's own. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VIEW_LIMITS } from '../../../src/shared/contract/preferences'
import { ADMIN, makeCore, type TestCore } from '../../support/core'

async function secondUser(t: TestCore, admin: string): Promise<string> {
  const roles = await t.ok('roles.list', {}, admin)
  const role = roles.find((r) => r.builtInKey === 'administrator')!.id
  await t.ok('users.create', { username: 'second.sam', displayName: 'Second Sam', password: 'Initial-pass-1', merchantId: null, roleIds: [role] }, admin)
  return t.signIn('second.sam', 'Initial-pass-1')
}

describe('user preferences', () => {
  it('start unset, and keep the language and colour scheme a user chooses', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    expect(await t.ok('me.preferences', {}, admin)).toEqual({ language: null, colorScheme: null, timeZone: null, displayZone: '+08:00' })

    expect(await t.ok('me.updatePreferences', { language: 'zh-CN' }, admin)).toEqual({ language: 'zh-CN', colorScheme: null, timeZone: null, displayZone: '+08:00' })
    expect(await t.ok('me.updatePreferences', { colorScheme: 'dark' }, admin)).toEqual({ language: 'zh-CN', colorScheme: 'dark', timeZone: null, displayZone: '+08:00' })
    // A new session (another machine) reads the same choice.
    const again = await t.signIn(ADMIN.username, ADMIN.password)
    expect(await t.ok('me.preferences', {}, again)).toEqual({ language: 'zh-CN', colorScheme: 'dark', timeZone: null, displayZone: '+08:00' })

    const audit = await t.ok('audit.list', { procedure: 'me.updatePreferences' }, admin)
    expect(audit.items.map((e) => e.summary)).toContain('Display preferences changed: language zh-CN, colour scheme dark')

    // Saved as they are (the dialog's Save with nothing changed, the language switch to the same): answered, not audited.
    expect(await t.ok('me.updatePreferences', { language: 'zh-CN' }, admin)).toEqual({ language: 'zh-CN', colorScheme: 'dark', timeZone: null, displayZone: '+08:00' })
    expect(await t.ok('me.updatePreferences', {}, admin)).toMatchObject({ language: 'zh-CN' })
    expect((await t.ok('audit.list', { procedure: 'me.updatePreferences' }, admin)).total).toBe(audit.total)
  })

  it('keep the zone a user reads times in, per user, following the business zone until one is chosen', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    const sam = await secondUser(t, admin)
    expect(await t.ok('me.updatePreferences', { timeZone: ' Asia/Bangkok ' }, admin)).toMatchObject({ timeZone: 'Asia/Bangkok', displayZone: 'Asia/Bangkok' })
    expect(await t.ok('me.preferences', {}, sam)).toMatchObject({ timeZone: null, displayZone: '+08:00' })
    // Language and scheme changes leave the zone as it was; null goes back to the business zone.
    expect(await t.ok('me.updatePreferences', { language: 'en' }, admin)).toMatchObject({ timeZone: 'Asia/Bangkok' })
    await t.ok('settings.setBusinessZone', { timeZone: '+07:00' }, admin)
    expect(await t.ok('me.preferences', {}, sam)).toMatchObject({ timeZone: null, displayZone: '+07:00' })
    expect(await t.ok('me.updatePreferences', { timeZone: null }, admin)).toMatchObject({ timeZone: null, displayZone: '+07:00' })

    const audit = await t.ok('audit.list', { procedure: 'me.updatePreferences' }, admin)
    expect(audit.items.map((e) => e.summary)).toEqual(expect.arrayContaining(['Display time zone changed from +08:00 to Asia/Bangkok', 'Display time zone changed from Asia/Bangkok to +07:00']))
    expect(await t.call('me.updatePreferences', { timeZone: 'Europe/Atlantis' }, admin)).toMatchObject({ status: 400, field: 'timeZone' })
  })

  it('are per user', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    const sam = await secondUser(t, admin)
    await t.ok('me.updatePreferences', { language: 'zh-CN', colorScheme: 'dark' }, admin)
    expect(await t.ok('me.preferences', {}, sam)).toEqual({ language: null, colorScheme: null, timeZone: null, displayZone: '+08:00' })
  })

  it('need a session', async () => {
    const t = await makeCore()
    expect((await t.call('me.preferences', {})).status).toBe(401)
    expect((await t.call('views.list', { list: 'orders' })).status).toBe(401)
  })
})

describe('saved views', () => {
  it('are saved, replaced by name, listed by name and deleted', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    const unknown = await t.ok('views.save', { list: 'orders', name: 'Unknown payouts', filters: { status: 'unknown', direction: 'payout', dateFrom: '' } }, admin)
    await t.ok('views.save', { list: 'orders', name: 'All deposits', filters: { direction: 'deposit' } }, admin)
    await t.ok('views.save', { list: 'audit', name: 'Sign-ins', filters: { procedure: 'auth.login' } }, admin)

    const orders = await t.ok('views.list', { list: 'orders' }, admin)
    expect(orders.items.map((v) => v.name)).toEqual(['All deposits', 'Unknown payouts'])
    expect(orders.items[1].filters).toEqual({ status: 'unknown', direction: 'payout', dateFrom: '' })

    t.clock.advance(60_000)
    const replaced = await t.ok('views.save', { list: 'orders', name: 'Unknown payouts', filters: { status: 'unknown' } }, admin)
    expect(replaced.id).toBe(unknown.id)
    expect(replaced.updatedAt).toBe(unknown.createdAt + 60_000)
    expect((await t.ok('views.list', { list: 'orders' }, admin)).items).toHaveLength(2)

    await t.ok('views.delete', { id: unknown.id }, admin)
    expect((await t.ok('views.list', { list: 'orders' }, admin)).items.map((v) => v.name)).toEqual(['All deposits'])
    expect((await t.ok('views.list', { list: 'audit' }, admin)).items.map((v) => v.name)).toEqual(['Sign-ins'])

    const audit = await t.ok('audit.list', { targetType: 'saved_view' }, admin)
    expect(audit.items.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Saved view “Unknown payouts” of the list orders',
        'Replaced the saved view “Unknown payouts” of the list orders',
        'Deleted the saved view “Unknown payouts” of the list orders'
      ])
    )
  })

  it('are seen, replaced and deleted only by their owner', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    const sam = await secondUser(t, admin)
    const mine = await t.ok('views.save', { list: 'withdrawals', name: 'Pending', filters: { status: 'pending' } }, admin)

    expect((await t.ok('views.list', { list: 'withdrawals' }, sam)).items).toEqual([])
    const denied = await t.call('views.delete', { id: mine.id }, sam)
    expect(denied).toMatchObject({ status: 404 })
    expect(denied.message).toBe(`Saved view ${mine.id} was not found`)
    // The same name is another view for another user, not a replacement of the first.
    const theirs = await t.ok('views.save', { list: 'withdrawals', name: 'Pending', filters: { status: 'approved' } }, sam)
    expect(theirs.id).not.toBe(mine.id)
    expect((await t.ok('views.list', { list: 'withdrawals' }, admin)).items).toEqual([expect.objectContaining({ id: mine.id, filters: { status: 'pending' } })])
  })

  it(`hold at most ${VIEW_LIMITS.perList} per list, names of at most ${VIEW_LIMITS.nameChars} characters`, async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    for (let i = 0; i < VIEW_LIMITS.perList; i += 1) await t.ok('views.save', { list: 'adjustments', name: `View ${i}`, filters: {} }, admin)

    const over = await t.call('views.save', { list: 'adjustments', name: 'One too many', filters: {} }, admin)
    expect(over).toMatchObject({ status: 422, code: 'views.too_many', field: 'name' })
    expect(over.message).toContain(`${VIEW_LIMITS.perList} saved views`)
    // Replacing one still works at the limit, and another list has its own room.
    await t.ok('views.save', { list: 'adjustments', name: 'View 3', filters: { status: 'pending' } }, admin)
    await t.ok('views.save', { list: 'audit', name: 'One too many', filters: {} }, admin)

    const long = await t.call('views.save', { list: 'audit', name: 'n'.repeat(VIEW_LIMITS.nameChars + 1), filters: {} }, admin)
    expect(long).toMatchObject({ status: 400, field: 'name' })
    expect(long.message).toBe(`name: must be at most ${VIEW_LIMITS.nameChars} characters`)
    await t.ok('views.save', { list: 'audit', name: 'n'.repeat(VIEW_LIMITS.nameChars), filters: {} }, admin)
  })

  it('survive closing and opening the database again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-views-'))
    try {
      const dbPath = join(dir, 'paydesk.db')
      const first = await makeCore({ dbPath })
      const admin = await first.signIn(ADMIN.username, ADMIN.password)
      await first.ok('views.save', { list: 'reports.settlement-summary', name: 'THB only', filters: { currency: 'THB', includeTest: false } }, admin)
      await first.ok('me.updatePreferences', { language: 'zh-CN' }, admin)
      first.core.close()

      const second = await makeCore({ dbPath, withAdmin: false })
      const again = await second.signIn(ADMIN.username, ADMIN.password)
      expect((await second.ok('views.list', { list: 'reports.settlement-summary' }, again)).items).toEqual([
        expect.objectContaining({ name: 'THB only', filters: { currency: 'THB', includeTest: false } })
      ])
      expect((await second.ok('me.preferences', {}, again)).language).toBe('zh-CN')
      second.core.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
