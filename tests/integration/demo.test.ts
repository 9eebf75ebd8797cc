import { describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/main/demo'
import { BUILT_IN_ROLE_NAMES } from '../../src/main/core/bootstrap'
import { countRows, makeCore } from '../support/core'

describe('demo data', () => {
  it('creates a user for each built-in role, alongside the PAYDESK_ADMIN_USER administrator', async () => {
    const t = await makeCore({ withAdmin: false })
    expect(await t.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'boss', PAYDESK_ADMIN_PASSWORD: 'Boss-password-1' })).toBe('created')
    const result = await t.core.loadDemo()
    expect(result.created).toBe(true)
    expect(new Set(result.users.map((u) => u.role))).toEqual(new Set(Object.keys(BUILT_IN_ROLE_NAMES)))
    for (const u of DEMO_USERS) {
      const me = await t.ok('auth.me', {}, await t.signIn(u.username, u.password))
      expect(me.roles).toEqual([BUILT_IN_ROLE_NAMES[u.role].name])
      expect(me.merchantName).toBe(u.merchant)
    }
    expect(await t.signIn('boss', 'Boss-password-1')).toBeTruthy()
  })

  it('loading it again changes nothing', async () => {
    const t = await makeCore()
    await t.core.loadDemo()
    const tables = ['users', 'merchants', 'user_roles', 'roles', 'role_permissions']
    const counts = tables.map((name) => countRows(t.core, name))
    const again = await t.core.loadDemo()
    expect(again.created).toBe(false)
    expect(tables.map((name) => countRows(t.core, name))).toEqual(counts)
  })
})
