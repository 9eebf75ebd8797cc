import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { procedureNames, type ProcedureName } from '../../src/shared/contract'
import type { Core } from '../../src/main/app/core'
import { ADMIN, makeCore } from '../support/core'
import { aftersalesCases } from './aftersales/bad-input-cases'
import { fieldtestCases } from './fieldtest/bad-input-cases'
import { homeCases } from './home/bad-input-cases'
import { connectCases } from './fieldtest/bad-input-cases-connect'
import { masterDataCases } from './master-data/bad-input-cases'
import { orderCases } from './orders/bad-input-cases'
import { reconCases } from './recon/bad-input-cases'
import { reportCases } from './reports/bad-input-cases'
import { safetyCases } from './safety/bad-input-cases'
import { fourEyesCases } from './four-eyes/bad-input-cases'
import { preferenceCases } from './preferences/bad-input-cases'

/** Every row of every table but sessions (whose last-seen time moves on reads), hashed. */
function snapshot(core: Core): string {
  const tables = (core.db.$client.prepare("select name from sqlite_master where type = 'table' and name not in ('sessions') order by name").all() as { name: string }[]).map((t) => t.name)
  const hash = createHash('sha256')
  for (const t of tables) hash.update(t + JSON.stringify(core.db.$client.prepare(`select * from "${t}"`).all()))
  return hash.digest('hex')
}

/** For each procedure: bad inputs and the field each must be blamed on. */
const cases: Record<ProcedureName, [unknown, string][]> = {
  'auth.setupStatus': [['nope', 'input']],
  'auth.setupAdmin': [
    [{ username: 'ab', displayName: 'A', password: 'Long-enough-1' }, 'username'],
    [{ username: 'bad name!', displayName: 'A', password: 'Long-enough-1' }, 'username'],
    [{ username: 'abc', displayName: '', password: 'Long-enough-1' }, 'displayName'],
    [{ username: 'abc', displayName: 'A', password: 'nodigitsatall' }, 'password']
  ],
  'auth.login': [
    [{ password: 'x' }, 'username'],
    [{ username: 'root' }, 'password'],
    [{ username: 'root', password: 42 }, 'password']
  ],
  'auth.logout': [[[], 'input']],
  'auth.me': [[7, 'input']],
  'auth.changePassword': [
    [{ newPassword: 'Long-enough-1' }, 'currentPassword'],
    [{ currentPassword: ADMIN.password, newPassword: 'short1' }, 'newPassword']
  ],
  'users.list': [
    [{ page: 0 }, 'page'],
    [{ pageSize: 101 }, 'pageSize'],
    [{ status: 'gone' }, 'status'],
    [{ merchantId: -1 }, 'merchantId']
  ],
  'users.get': [[{ id: 'one' }, 'id'], [{}, 'id']],
  'users.create': [
    [{ username: 'new.user', displayName: 'N', password: 'Long-enough-1', merchantId: null, roleIds: [] }, 'roleIds'],
    [{ username: 'new.user', displayName: 'N', password: 'Long-enough-1', merchantId: 999, roleIds: [1] }, 'merchantId'],
    [{ username: 'new.user', displayName: 'N', password: 'Long-enough-1', merchantId: null, roleIds: [999] }, 'roleIds'],
    [{ username: 'new.user', displayName: 'N', password: 'Long-enough-1', roleIds: [1] }, 'merchantId'],
    [{ username: 'x', displayName: 'N', password: 'Long-enough-1', merchantId: null, roleIds: [1] }, 'username']
  ],
  'users.update': [
    [{ id: 1, displayName: '', merchantId: null, roleIds: [1] }, 'displayName'],
    [{ id: 1, displayName: 'R', merchantId: null, roleIds: [1.5] }, 'roleIds.0']
  ],
  'users.setStatus': [[{ id: 1, status: 'deleted' }, 'status']],
  'users.resetPassword': [[{ id: 1, newPassword: 'abc' }, 'newPassword']],
  'roles.list': [['x', 'input']],
  'roles.create': [
    [{ name: 'R', permissions: [6001] }, 'name'],
    [{ name: 'Readers', permissions: [1001] }, 'permissions'],
    [{ name: 'Readers', permissions: [] }, 'permissions'],
    [{ name: 'Readers', permissions: [1234] }, 'permissions.0']
  ],
  'roles.update': [[{ id: 1, name: 'Readers', permissions: ['9001'] }, 'permissions.0']],
  'permissions.catalog': [[1, 'input']],
  'audit.list': [
    [{ from: -5 }, 'from'],
    [{ to: 1.5 }, 'to'],
    [{ from: 2_000_000_000_000, to: 1_000_000_000_000 }, 'to'],
    [{ userId: 0 }, 'userId']
  ],
  'merchants.list': [[{ status: 'closed' }, 'status']],
  'merchants.create': [
    [{ name: 'A' }, 'name'],
    [{ name: 'Valid Name', status: 'open' }, 'status'],
    [{ name: 'Valid Name', notifyUrl: 'ftp://merchant.example/notify' }, 'notifyUrl'],
    [{ name: 'Valid Name', contactEmail: 'not-an-email' }, 'contactEmail'],
    [{ name: 'Valid Name', contactPhone: 'call me' }, 'contactPhone']
  ],
  'merchants.update': [
    [{ id: 1, name: 'Valid Name' }, 'status'],
    [{ id: 1, name: 'Valid Name', status: 'active', notifyUrl: 'javascript:alert(1)' }, 'notifyUrl']
  ],
  'merchants.get': [[{ id: 0 }, 'id']],
  'merchants.setStatus': [[{ id: 1, status: 'closed' }, 'status']],
  'merchants.rotateSecret': [[{ id: 'one' }, 'id']],
  ...masterDataCases,
  ...orderCases,
  ...reportCases,
  ...aftersalesCases,
  ...reconCases,
  ...connectCases,
  ...fieldtestCases,
  ...homeCases,
  ...safetyCases,
  ...fourEyesCases,
  ...preferenceCases,
  'system.info': [['x', 'input']],
  'settings.get': [['x', 'input']],
  'settings.update': [
    [{ sessionIdleMinutes: 0, sessionAbsoluteMinutes: 60 }, 'sessionIdleMinutes'],
    [{ sessionIdleMinutes: 30, sessionAbsoluteMinutes: '60' }, 'sessionAbsoluteMinutes']
  ],
  'settings.setBusinessZone': [
    [{}, 'timeZone'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ timeZone: '+15:00' }, 'timeZone'],
    [{ timeZone: 8 }, 'timeZone']
  ],
  'demo.load': [['x', 'input']],
  'desktop.notify': [
    [{ notices: [] }, 'notices'],
    [{ notices: [{ title: '', body: 'x' }] }, 'notices.0.title'],
    [{ notices: [{ title: 'x'.repeat(121), body: 'x' }] }, 'notices.0.title'],
    [{ notices: Array.from({ length: 6 }, () => ({ title: 'a', body: 'b' })) }, 'notices']
  ],
  'adjustments.request': [
    [{ merchantId: 1, contractId: 1, currency: 'THB', amount: '0', reason: 'valid reason', requestKey: 'key-12345' }, 'amount'],
    [{ merchantId: 1, contractId: 1, currency: 'THB', amount: '5', reason: 'no', requestKey: 'key-12345' }, 'reason'],
    [{ merchantId: 1, contractId: 1, currency: 'XXX', amount: '5', reason: 'valid reason', requestKey: 'key-12345' }, 'currency'],
    [{ merchantId: 1, contractId: 1, currency: 'THB', amount: '5', reason: 'valid reason' }, 'requestKey']
  ],
  'adjustments.decide': [
    [{ id: 1, decision: 'maybe' }, 'decision'],
    [{ id: 1, decision: 'reject', note: 'no' }, 'note']
  ],
  'adjustments.list': [[{ status: 'posted' }, 'status'], [{ requestedBy: 'nobody' }, 'requestedBy']],
  'adjustments.get': [[{ id: 'x' }, 'id']],
  'withdrawals.request': [
    [{ merchantId: 1, currency: 'THB', amount: '-5', bankCode: 'KBANK', accountNo: '1234567890', holderName: 'Somchai', requestKey: 'key-12345' }, 'amount'],
    [{ merchantId: 1, currency: 'THB', amount: '5', bankCode: 'KBANK', accountNo: '12 34', holderName: 'Somchai', requestKey: 'key-12345' }, 'accountNo'],
    [{ merchantId: 1, currency: 'THB', amount: '5', bankCode: 'KBANK', accountNo: '1234567890', holderName: '', requestKey: 'key-12345' }, 'holderName']
  ],
  'withdrawals.review': [
    [{ id: 1, decision: 'ok' }, 'decision'],
    [{ id: 1, decision: 'reject' }, 'note']
  ],
  'withdrawals.complete': [
    [{ id: 1, outcome: 'paid' }, 'bankReference'],
    [{ id: 1, outcome: 'failed', reason: '' }, 'reason']
  ],
  'withdrawals.list': [[{ status: 'done' }, 'status'], [{ requestedBy: 42 }, 'requestedBy']],
  'withdrawals.get': [[{ id: 0 }, 'id']],
  'fx.list': [[{ baseCurrency: 'XXX' }, 'baseCurrency']],
  'fx.create': [
    [{ baseCurrency: 'USD', quoteCurrency: 'CNY', referenceRate: '7.1.2', appliedRate: '7.1', validFrom: '2026-01-01', validTo: '2026-12-31' }, 'referenceRate'],
    [{ baseCurrency: 'USD', quoteCurrency: 'USD', referenceRate: '1', appliedRate: '1', validFrom: '2026-01-01', validTo: '2026-12-31' }, 'quoteCurrency'],
    [{ baseCurrency: 'USD', quoteCurrency: 'CNY', referenceRate: '7.1', validFrom: '2026-01-01', validTo: '2026-12-31' }, 'appliedRate'],
    [{ baseCurrency: 'USD', quoteCurrency: 'CNY', referenceRate: '7.1', appliedRate: '7', validFrom: '2026/01/01', validTo: '2026-12-31' }, 'validFrom']
  ],
  'fx.import': [[{ csv: '' }, 'csv']],
  'ledger.balances': [[{ kind: 'wallet' }, 'kind']]
}

describe('bad input', () => {
  it('covers every procedure of the contract', () => {
    expect(Object.keys(cases).sort()).toEqual([...procedureNames].sort())
  })

  it('is refused with 400, a message naming the field, and writes nothing', async () => {
    const t = await makeCore()
    const admin = await t.signIn(ADMIN.username, ADMIN.password)
    await t.ok('merchants.create', { name: 'Existing Merchant' }, admin)
    const before = snapshot(t.core)
    for (const [name, list] of Object.entries(cases) as [ProcedureName, [unknown, string][]][]) {
      for (const [input, field] of list) {
        const envelope = await t.core.dispatch(name, input, { token: admin, transport: 'http' })
        expect(envelope, `${name} ${JSON.stringify(input)}`).toMatchObject({ status: 400, field, data: null })
        expect(envelope.message.startsWith(`${field}: `), `${name}: "${envelope.message}" should name ${field}`).toBe(true)
      }
    }
    expect(snapshot(t.core)).toBe(before)
  })
})
