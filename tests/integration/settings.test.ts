import { describe, expect, it } from 'vitest'
import { ADMIN, makeCore } from '../support/core'

describe('tenant settings', () => {
  it('the organisation’s name is set in Settings, shown in the title bar facts, and audited with its old value', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    const before = await t.ok('settings.get', {}, admin)
    expect(before.tenantName).toBe((await t.ok('system.info', {})).tenantName)

    const saved = await t.ok('settings.update', { tenantName: '  Lotus Payments  ', sessionIdleMinutes: 30, sessionAbsoluteMinutes: 600 }, admin)
    expect(saved).toEqual({ tenantName: 'Lotus Payments', sessionIdleMinutes: 30, sessionAbsoluteMinutes: 600 })
    expect(await t.ok('settings.get', {}, admin)).toEqual(saved)
    expect((await t.ok('system.info', {})).tenantName).toBe('Lotus Payments')

    const audit = await t.ok('audit.list', { procedure: 'settings.update' }, admin)
    expect(audit.items[0].summary).toBe(`Organisation renamed from “${before.tenantName}” to “Lotus Payments” (session limits saved with it)`)

    // Leaving the name out keeps it; an empty one is refused, naming the field.
    expect((await t.ok('settings.update', { sessionIdleMinutes: 20, sessionAbsoluteMinutes: 600 }, admin)).tenantName).toBe('Lotus Payments')
    expect(await t.call('settings.update', { tenantName: '  ', sessionIdleMinutes: 20, sessionAbsoluteMinutes: 600 }, admin)).toMatchObject({ status: 400, field: 'tenantName' })
  })
})
