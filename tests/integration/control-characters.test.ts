/**
 * Control characters in text input (issue 12, item 16): refused in every procedure's input by the
 * registry, with a 400 naming the field (nested ones by their dotted path), before anything is
 * read or written. Tab, line feed and carriage return are taken in multi-line text (reasons,
 * notes, descriptions) and refused in single-line fields. The report API's paths: reports/http-api.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { PERMISSIONS } from '../../src/shared/permissions'
import { ADMIN, countRows, makeCore } from '../support/core'

const refusal = (field: string) => ({ status: 400, code: 'validation', field, message: `${field}: must not contain control characters`, data: null })

describe('control characters in text input', () => {
  it('a NUL in a search is refused by name, not cut short into a search for everything before it', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    expect(await t.call('orders.list', { search: 'a\u0000zq' }, admin)).toMatchObject(refusal('search'))
    expect(await t.call('orders.list', { search: 'a\tzq' }, admin)).toMatchObject(refusal('search'))
    expect(await t.call('users.list', { search: 'ro\u0000' }, admin)).toMatchObject(refusal('search'))
    expect(await t.call('orders.list', { search: 'azq' }, admin)).toMatchObject({ status: 200 })
  })

  it('a nested field is named by its path; a control character in a name of the object blames the object', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    const deposit = { merchantId: 1, serviceId: 1, channelId: 1, amount: '1000.00' }
    expect(await t.call('orders.createDeposit', { ...deposit, fields: { payerName: 'Li\u0007Wei', cardNumber: '6222020200112233445' } }, admin)).toMatchObject(refusal('fields.payerName'))
    expect(await t.call('orders.createDeposit', { ...deposit, fields: { payerName: 'Li\nWei' } }, admin)).toMatchObject(refusal('fields.payerName'))
    expect(await t.call('orders.createDeposit', { ...deposit, fields: { 'payer\u0000Name': 'Li Wei' } }, admin)).toMatchObject(refusal('fields'))
    expect(await t.call('reports.exportStart', { report: 'accountDetails', format: 'csv', filters: { remark: 'fee\u0000' } }, admin)).toMatchObject(refusal('filters.remark'))
    expect(countRows(t.core, 'orders')).toBe(0)
  })

  it('before sign-in too: a user name with DEL or a newline is refused, and the password is not tried', async () => {
    const t = await makeCore()
    expect(await t.call('auth.login', { username: 'root\u007f', password: ADMIN.password })).toMatchObject(refusal('username'))
    expect(await t.call('auth.login', { username: 'ro\not', password: ADMIN.password })).toMatchObject(refusal('username'))
    expect(await t.call('auth.login', { username: ADMIN.username, password: `${ADMIN.password}\u0000` })).toMatchObject(refusal('password'))
  })

  it('single-line names refuse a line break and write nothing; a trailing one is trimmed by the contract first', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    expect(await t.call('merchants.create', { name: 'Golden\nDragon' }, admin)).toMatchObject(refusal('name'))
    expect(await t.call('merchants.create', { name: 'Golden\u001b[2JDragon' }, admin)).toMatchObject(refusal('name'))
    expect(countRows(t.core, 'merchants')).toBe(0)
    expect(await t.ok('merchants.create', { name: 'Golden Dragon Trading\n' }, admin)).toMatchObject({ name: 'Golden Dragon Trading' })
  })

  it('reasons and descriptions may span lines (tab, LF, CR), but never hold other control characters', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    const merchant = await t.ok('merchants.create', { name: 'Golden Dragon Trading' }, admin)
    const contract = await t.ok('contracts.create', { merchantId: merchant.id, name: 'CN 2026', settlementCurrency: 'CNY', feeRate: '2', fixedFee: '1.00', validFrom: '2026-01-01' }, admin)
    const request = { merchantId: merchant.id, contractId: contract.id, currency: 'CNY', amount: '12.50' }
    const reason = 'Bank fee charged twice:\r\n\t2026-11-20 and 2026-11-21'
    const requested = await t.ok('adjustments.request', { ...request, reason, requestKey: 'adjust-0001' }, admin)
    const { items } = await t.ok('adjustments.list', { search: requested.adjustmentNo }, admin)
    expect(items[0].reason).toBe(reason)
    expect(await t.call('adjustments.request', { ...request, reason: 'Bank fee\u0000 charged twice', requestKey: 'adjust-0002' }, admin)).toMatchObject(refusal('reason'))
    expect(await t.ok('roles.create', { name: 'Night shift', description: 'Orders only.\nNo refunds.', permissions: [PERMISSIONS.ORDER_READ, PERMISSIONS.MASTER_DATA_READ] }, admin)).toMatchObject({ description: 'Orders only.\nNo refunds.' })
    expect(await t.call('roles.create', { name: 'Day shift', description: 'Orders\u0007', permissions: [PERMISSIONS.ORDER_READ, PERMISSIONS.MASTER_DATA_READ] }, admin)).toMatchObject(refusal('description'))
  })
})
