import { describe, expect, it } from 'vitest'
import { PERMISSIONS } from '../../src/shared/permissions'
import { ApiError } from '../../src/renderer/src/api/error'
import { fieldErrorMessage } from '../../src/renderer/src/i18n/messages'
import { fixedTranslators } from '../../src/renderer/src/i18n/testing'
import { ADMIN, countRows, makeCore, type TestCore } from '../support/core'

async function withMerchants() {
  const t = await makeCore()
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  const siam = await t.ok('merchants.create', { name: 'Siam Lotus Retail' }, admin)
  const saigon = await t.ok('merchants.create', { name: 'Saigon Foods' }, admin)
  const roles = await t.ok('roles.list', {}, admin)
  const roleId = (key: string) => roles.find((r) => r.builtInKey === key)!.id
  return { t, admin, siam, saigon, roleId }
}

async function createUser(t: TestCore, admin: string, input: { username: string; merchantId: number | null; roleIds: number[] }) {
  const password = 'Initial-pass-1'
  const user = await t.ok('users.create', { ...input, displayName: input.username, password }, admin)
  return { user, token: await t.signIn(input.username, password) }
}

describe('permissions and merchant scope', () => {
  it('a merchant operator gets 403 for procedures it lacks, and sees only its own merchant', async () => {
    const { t, admin, siam, saigon, roleId } = await withMerchants()
    const { user, token } = await createUser(t, admin, { username: 'lotus.ops', merchantId: siam.id, roleIds: [roleId('merchantOperator')] })
    expect(user.mustChangePassword).toBe(true)
    const me = await t.ok('auth.me', {}, token)
    expect(me.merchantId).toBe(siam.id)
    expect(me.permissions).toContain(PERMISSIONS.OPERATION_PAYMENT_WRITE)
    expect(me.permissions).not.toContain(PERMISSIONS.OPERATION_PAYMENT_GLOBAL_WRITE)

    for (const name of ['users.list', 'audit.list', 'roles.list', 'settings.get'] as const) {
      expect(await t.call(name, {}, token)).toMatchObject({ status: 403, code: 'permission.missing' })
    }
    expect(await t.call('merchants.create', { name: 'Sneaky' }, token)).toMatchObject({ status: 403 })

    const visible = await t.ok('merchants.list', {}, token)
    expect(visible.items.map((m) => m.id)).toEqual([siam.id])
    expect(visible.total).toBe(1)
    expect((await t.ok('merchants.list', { search: 'Saigon' }, token)).items).toEqual([])
    expect((await t.ok('merchants.list', {}, admin)).items.map((m) => m.id).sort()).toEqual([siam.id, saigon.id].sort())
  })

  it('platform-only codes cannot be given to a merchant-bound user', async () => {
    const { t, admin, siam, roleId } = await withMerchants()
    const refused = await t.call('users.create', { username: 'x.ops', displayName: 'X', password: 'Initial-pass-1', merchantId: siam.id, roleIds: [roleId('operations')] }, admin)
    expect(refused).toMatchObject({ status: 400, field: 'roleIds' })
    expect(refused.message).toContain('OPERATION_PAYMENT_GLOBAL_WRITE (1021)')
  })

  it('roles bundle codes: a custom role grants exactly its codes', async () => {
    const { t, admin } = await withMerchants()
    const role = await t.ok('roles.create', { name: 'Audit readers', permissions: [PERMISSIONS.AUDIT_READ] }, admin)
    const { token } = await createUser(t, admin, { username: 'reader', merchantId: null, roleIds: [role.id] })
    expect((await t.call('audit.list', {}, token)).status).toBe(200)
    expect((await t.call('users.list', {}, token)).status).toBe(403)
    await t.ok('roles.update', { id: role.id, name: 'Audit readers', permissions: [PERMISSIONS.USER_READ] }, admin)
    expect((await t.call('audit.list', {}, token)).status).toBe(403)
    expect((await t.call('users.list', {}, token)).status).toBe(200)
  })

  it('a role holds what its codes need: reports without master data would answer "forbidden" to their merchant filter', async () => {
    const { t, admin } = await withMerchants()
    const refused = await t.call('roles.create', { name: 'Report readers', permissions: [PERMISSIONS.REPORT_READ] }, admin)
    expect(refused).toMatchObject({ status: 400, field: 'permissions' })
    expect(refused.message).toContain('REPORT_READ (4001) needs MASTER_DATA_READ (6001)')
    const role = await t.ok('roles.create', { name: 'Report readers', permissions: [PERMISSIONS.REPORT_READ, PERMISSIONS.MASTER_DATA_READ] }, admin)
    const { token } = await createUser(t, admin, { username: 'reports.reader', merchantId: null, roleIds: [role.id] })
    // What the report screens ask for their merchant filter.
    expect((await t.call('merchants.list', { page: 1, pageSize: 100 }, token)).status).toBe(200)
    // The FX page's writer needs the rate table the ledger reads.
    expect(await t.call('roles.update', { id: role.id, name: 'Report readers', permissions: [PERMISSIONS.FX_RATE_WRITE, PERMISSIONS.MASTER_DATA_READ] }, admin)).toMatchObject({ status: 400, field: 'permissions' })
  })

  it('a role lacking several needs is refused once, naming every code it must add', async () => {
    const { t, admin } = await withMerchants()
    const roles = countRows(t.core, 'roles')
    const refused = await t.call('roles.create', { name: 'Refunds and rates', permissions: [PERMISSIONS.REFUND_WRITE, PERMISSIONS.FX_RATE_WRITE] }, admin)
    expect(refused).toMatchObject({ status: 400, field: 'permissions', code: 'validation' })
    if (refused.status === 200) throw new Error('expected a refusal')
    expect(refused.message).toBe(
      'permissions: REFUND_WRITE (2002) needs REFUND_READ (2001); FX_RATE_WRITE (3005) needs LEDGER_READ (3001); REFUND_READ (2001) needs MASTER_DATA_READ (6001): their screens cannot work without them'
    )
    expect(refused.text).toMatchObject({ code: 'rule.permissionNeedsAll' })
    // As the role form shows it under the permissions, in the reader's language.
    const shown = fieldErrorMessage(new ApiError(refused.status, refused.code, refused.message, refused.field, refused.text), fixedTranslators().chinese)
    expect(shown).toBe('权限“发起和处理退款”（2002）需要“查看退款”（2001）；权限“维护汇率”（3005）需要“查看账本”（3001）；权限“查看退款”（2001）需要“查看基础数据”（6001）：缺少它们，这些权限的页面无法使用')
    expect(countRows(t.core, 'roles')).toBe(roles)
    // The codes it names are all it takes: the next try is accepted.
    const role = await t.ok('roles.create', { name: 'Refunds and rates', permissions: [PERMISSIONS.REFUND_WRITE, PERMISSIONS.FX_RATE_WRITE, PERMISSIONS.REFUND_READ, PERMISSIONS.LEDGER_READ, PERMISSIONS.MASTER_DATA_READ] }, admin)
    expect(role.permissions).toHaveLength(5)
  })

  it('built-in roles cannot be edited, and the last administrator cannot be disabled or demoted', async () => {
    const { t, admin, roleId } = await withMerchants()
    expect(await t.call('roles.update', { id: roleId('administrator'), name: 'Admins', permissions: [PERMISSIONS.USER_READ] }, admin)).toMatchObject({ status: 409 })
    const rootId = (await t.ok('auth.me', {}, admin)).id
    expect(await t.call('users.setStatus', { id: rootId, status: 'disabled' }, admin)).toMatchObject({ status: 409 })
    expect(await t.call('users.update', { id: rootId, displayName: 'Root', merchantId: null, roleIds: [roleId('auditor')] }, admin)).toMatchObject({ status: 409, code: 'users.last_administrator' })
  })

  it('disabling a user ends its sessions; resetting a password forces a change and clears a lockout', async () => {
    const { t, admin, roleId } = await withMerchants()
    const { user, token } = await createUser(t, admin, { username: 'fin', merchantId: null, roleIds: [roleId('finance')] })
    await t.ok('users.setStatus', { id: user.id, status: 'disabled' }, admin)
    expect((await t.call('auth.me', {}, token)).status).toBe(401)
    expect(await t.call('auth.login', { username: 'fin', password: 'Initial-pass-1' })).toMatchObject({ status: 401, code: 'auth.disabled' })
    await t.ok('users.setStatus', { id: user.id, status: 'active' }, admin)
    for (let i = 0; i < 5; i++) await t.call('auth.login', { username: 'fin', password: 'bad' })
    // Locked: even the right password gets the answer a wrong one gets (docs/permissions.md).
    expect(await t.call('auth.login', { username: 'fin', password: 'Initial-pass-1' })).toMatchObject({ status: 401, code: 'auth.invalid_credentials' })
    await t.ok('users.resetPassword', { id: user.id, newPassword: 'Reset-pass-22' }, admin)
    const login = await t.ok('auth.login', { username: 'fin', password: 'Reset-pass-22' })
    expect(login.user.mustChangePassword).toBe(true)
  })
})

describe('audit', () => {
  it('records who, which procedure, the target and before/after for every write', async () => {
    const { t, admin, siam, roleId } = await withMerchants()
    const { user } = await createUser(t, admin, { username: 'lotus.ops', merchantId: siam.id, roleIds: [roleId('merchantOperator')] })
    await t.ok('users.update', { id: user.id, displayName: 'Lotus Ops', merchantId: siam.id, roleIds: [roleId('merchantOperator')] }, admin)
    await t.ok('merchants.update', { id: siam.id, name: 'Siam Lotus', status: 'active' }, admin)
    const log = await t.ok('audit.list', { pageSize: 100 }, admin)
    const byProcedure = (p: string) => log.items.filter((e) => e.procedure === p)
    expect(byProcedure('users.create')[0]).toMatchObject({ actor: 'root', targetType: 'user', targetId: String(user.id), merchantId: siam.id })
    expect(byProcedure('users.update')[0]).toMatchObject({ before: { displayName: 'lotus.ops' }, after: { displayName: 'Lotus Ops' } })
    expect(byProcedure('merchants.update')[0]).toMatchObject({ before: { name: 'Siam Lotus Retail' }, after: { name: 'Siam Lotus' } })
    expect(byProcedure('merchants.create')).toHaveLength(2)
    expect(byProcedure('auth.login').some((e) => e.actor === 'lotus.ops')).toBe(true)
    const filtered = await t.ok('audit.list', { procedure: 'users.update' }, admin)
    expect(filtered.items.every((e) => e.procedure === 'users.update')).toBe(true)
    expect(JSON.stringify(log.items)).not.toContain('Initial-pass-1')
  })
})
