/**
 * Card and account numbers (SPEC §11) against the real core and the provider simulator: sealed at
 * rest, masked (first 6, last 4) for every reader, the auditor and a merchant's own staff included;
 * revealed only with CARD_NUMBER_REVEAL, audited without the number; sent upstream in full.
 * Callbacks are stored masked by the channel's upstream-log rules. A database written before
 * migration 0017 (numbers and callback bodies in clear) is sealed and masked at start-up.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aesSecretBox } from '../../../src/main/core/secrets'
import { maskClearCallbackBodies } from '../../../src/main/orders/callback-bodies'
import { sealClearOrderFields } from '../../../src/main/orders/card-numbers'
import { genericAdapterFactory } from '../../../src/main/orders/sending'
import { sign } from '../../../src/main/upstream/signing'
import type { OrderDetail } from '../../../src/shared/contract/orders'
import { PERMISSIONS } from '../../../src/shared/permissions'
import { recordDbCalls } from '../../support/db-calls'
import { cardFields, MERCHANT_NO, orderWorld, payoutFields, reopen, SIGN_KEY, waitForOrder, type OrderWorld } from './support'

const CARD = cardFields.cardNumber
const CARD_MASKED = '622202*********3445'
const ACCOUNT = payoutFields.recipientAccount
const ACCOUNT_MASKED = '622202*********7665'
const PASSWORD = 'Initial-pass-1'

let dir: string
let w: OrderWorld
let deposit: OrderDetail
let payout: OrderDetail
let auditor: string
let merchantStaff: string

/** Every cell of every table, as text: what someone who copies the database file can read. */
function everyRow(w: OrderWorld): string {
  const sqlite = w.t.core.db.$client
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name)
  return tables.map((t) => JSON.stringify(sqlite.prepare(`select * from "${t}"`).all())).join('\n')
}

async function userWithRole(key: string, username: string, merchantId: number | null): Promise<string> {
  const roles = await w.t.ok('roles.list', {}, w.admin)
  await w.t.ok('users.create', { username, displayName: username, password: PASSWORD, merchantId, roleIds: [roles.find((r) => r.builtInKey === key)!.id] }, w.admin)
  return w.t.signIn(username, PASSWORD)
}

const reveal = (token: string, id: number, field: string) => w.t.call('orders.revealCardNumber', { id, field, reason: 'payer disputes the charge' }, token)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paydesk-cards-'))
  w = await orderWorld({ dbPath: join(dir, 'paydesk.db') })
  const created = await w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '1000.00', fields: cardFields }, w.admin)
  await w.sim.pay(created.orderNo)
  deposit = await waitForOrder(w, created.id, (o) => o.status === 'succeeded' && o.callbacks.length > 0, 'paid')
  const sent = await w.t.ok('orders.createPayout', { merchantId: w.merchantId, serviceId: w.payoutServiceId, channelId: w.channelId, amount: '50.00', fields: payoutFields }, w.admin)
  payout = await waitForOrder(w, sent.id, (o) => o.status === 'succeeded', 'paid out')
  auditor = await userWithRole('auditor', 'audit.reader', null)
  merchantStaff = await userWithRole('merchantOperator', 'dragon.ops', w.merchantId)
})

afterAll(async () => {
  await w?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('card and account numbers', () => {
  it('every reader sees them masked, first 6 and last 4: the administrator, the auditor, the merchant’s own staff', async () => {
    expect(deposit.fields).toEqual({ ...cardFields, cardNumber: CARD_MASKED })
    expect(payout.fields).toEqual({ ...payoutFields, recipientAccount: ACCOUNT_MASKED })
    for (const token of [auditor, merchantStaff]) {
      expect((await w.t.ok('orders.get', { id: deposit.id }, token)).fields.cardNumber).toBe(CARD_MASKED)
      expect((await w.t.ok('orders.get', { id: payout.id }, token)).fields.recipientAccount).toBe(ACCOUNT_MASKED)
    }
    // Nothing an order page shows carries them: fields, timeline, upstream log, callbacks.
    for (const order of [deposit, payout]) {
      const shown = JSON.stringify(await w.t.ok('orders.get', { id: order.id }, auditor))
      expect(shown).not.toContain(CARD)
      expect(shown).not.toContain(ACCOUNT)
    }
    expect(JSON.parse(deposit.exchanges[0].requestBody)).toMatchObject({ cardNumber: CARD_MASKED, merchantNo: '***', sign: '***' })
  })

  it('the provider still gets the full number', () => {
    const received = new Map(w.sim.orders().map((o) => [o.orderNo, o.fields]))
    expect(received.get(deposit.orderNo)?.cardNumber).toBe(CARD)
    expect(received.get(payout.orderNo)?.recipientAccount).toBe(ACCOUNT)
  })

  it('only CARD_NUMBER_REVEAL reveals one (403 for the auditor and the merchant’s staff), audited without the number', async () => {
    expect(await reveal(auditor, deposit.id, 'cardNumber')).toMatchObject({ status: 403, code: 'permission.missing' })
    expect(await reveal(merchantStaff, deposit.id, 'cardNumber')).toMatchObject({ status: 403, code: 'permission.missing' })
    expect(await reveal(w.admin, deposit.id, 'cardNumber')).toMatchObject({ status: 200, data: { field: 'cardNumber', value: CARD } })
    expect(await reveal(w.admin, payout.id, 'recipientAccount')).toMatchObject({ status: 200, data: { field: 'recipientAccount', value: ACCOUNT } })
    expect(await reveal(w.admin, payout.id, 'cardNumber')).toMatchObject({ status: 404 })

    const events = w.t.core.db.$client.prepare("select * from audit_events where procedure = 'orders.revealCardNumber' order by id").all() as Record<string, unknown>[]
    // The two reveals; the refusals and the 404 left none.
    expect(events).toHaveLength(2)
    expect(events[0]).toMatchObject({ target_type: 'order', target_id: String(deposit.id), merchant_id: w.merchantId, actor: 'root' })
    expect(events[0].summary).toBe(`Card number of order ${deposit.orderNo} revealed: payer disputes the charge`)
    expect(JSON.stringify(events)).not.toContain(CARD)
    expect(JSON.stringify(events)).not.toContain(ACCOUNT)
  })

  it('no table holds a number, the channel’s credential or a signature in clear', () => {
    const stored = everyRow(w)
    for (const secret of [CARD, ACCOUNT, MERCHANT_NO, SIGN_KEY]) expect(stored).not.toContain(secret)
    const row = w.t.core.db.$client.prepare('select fields, sealed_fields as sealed from orders where id = ?').get(deposit.id) as { fields: string; sealed: string }
    expect(JSON.parse(row.fields).cardNumber).toBe(CARD_MASKED)
    expect(row.sealed).toMatch(/^v1:/)
  })

  it('a stored callback shows no credential and no signature in clear', () => {
    const body = new URLSearchParams(deposit.callbacks[0].body)
    expect(deposit.callbacks[0].body).not.toContain(MERCHANT_NO)
    expect(body.get('merchantNo')).toBe('***')
    expect(body.get('sign')).toBe('***')
    expect(body.get('orderNo')).toBe(deposit.orderNo)
  })

  it('a re-submission of the same merchant order number is still recognised with the number sealed', async () => {
    const input = { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '600.00', merchantOrderNo: 'GD-CARD-0001', fields: cardFields }
    const first = await w.t.ok('orders.createDeposit', input, w.admin)
    expect(await w.t.ok('orders.createDeposit', input, w.admin)).toMatchObject({ id: first.id, replayed: true })
    // Another card under the same number is another request.
    expect(await w.t.call('orders.createDeposit', { ...input, fields: { ...cardFields, cardNumber: '6222020200112239999' } }, w.admin)).toMatchObject({ status: 409 })
  })

  it('exports carry no number', async () => {
    const { job } = await w.t.ok('reports.exportStart', { report: 'accountDetails', format: 'csv' }, w.admin)
    await w.t.core.exports.settled(job!.id)
    const done = await w.t.ok('reports.exportStatus', { jobId: job!.id }, w.admin)
    expect(done).toMatchObject({ state: 'done' })
    // The headless-style target: the file waits in `exports/` beside the database for its download.
    const [name] = readdirSync(join(dir, 'exports')).filter((f) => f.endsWith(done.fileName))
    const file = readFileSync(join(dir, 'exports', name), 'utf8')
    expect(file).toContain(deposit.orderNo)
    expect(file).not.toContain(CARD)
    expect(file).not.toContain(ACCOUNT)
  })
})

describe('a database from before 0017', () => {
  it('start-up seals and masks the clear numbers and callback bodies, once, reading only what is left to do', async () => {
    // The old shape: numbers in clear in orders.fields, nothing sealed; callback bodies as received.
    await w.t.core.engine.stop()
    const old = w.t.core.db.$client
    old.prepare('update orders set fields = ?, sealed_fields = null where id = ?').run(JSON.stringify(cardFields), deposit.id)
    old.prepare('update orders set fields = ?, sealed_fields = null where id = ?').run(JSON.stringify(payoutFields), payout.id)
    const params: Record<string, string> = { merchantNo: MERCHANT_NO, orderNo: deposit.orderNo, status: 'SUCCESS', cardNumber: CARD, timestamp: '1700000000000' }
    params.sign = sign(params, SIGN_KEY, 'md5', false, 'sign')
    const clearBody = new URLSearchParams(params).toString()
    old.prepare('update provider_callbacks set body = ?, body_masked = 0').run(clearBody)
    expect(everyRow(w)).toContain(CARD)
    w.t.core.close()

    w = await reopen(w)
    const sqlite = w.t.core.db.$client
    expect(everyRow(w)).not.toContain(CARD)
    expect(everyRow(w)).not.toContain(ACCOUNT)
    expect(everyRow(w)).not.toContain(params.sign)
    expect(everyRow(w)).not.toContain(MERCHANT_NO)
    expect((await w.t.ok('orders.get', { id: deposit.id }, w.admin)).fields).toEqual({ ...cardFields, cardNumber: CARD_MASKED })
    expect((await w.t.ok('orders.get', { id: payout.id }, w.admin)).fields).toEqual({ ...payoutFields, recipientAccount: ACCOUNT_MASKED })
    expect((await reveal(w.admin, deposit.id, 'cardNumber')).data).toEqual({ field: 'cardNumber', value: CARD })
    const masked = new URLSearchParams((await w.t.ok('orders.get', { id: deposit.id }, w.admin)).callbacks[0].body)
    expect(Object.fromEntries(masked)).toEqual({ ...params, merchantNo: '***', sign: '***', cardNumber: CARD_MASKED })

    // Again: nothing left, nothing changed, and the look-ups read only their partial indexes.
    const sealed = sqlite.prepare('select id, fields, sealed_fields from orders order by id').all()
    const secrets = aesSecretBox(w.secretKey)
    const calls = recordDbCalls(sqlite)
    try {
      expect(sealClearOrderFields(w.t.core.db, secrets)).toBe(0)
      expect(maskClearCallbackBodies(w.t.core.db, secrets, genericAdapterFactory)).toBe(0)
    } finally {
      calls.stop()
    }
    expect(sqlite.prepare('select id, fields, sealed_fields from orders order by id').all()).toEqual(sealed)
    const plans = calls
      .all()
      .filter((c) => c.source && /^\s*select/i.test(c.source))
      .flatMap((c) => (sqlite.prepare(`explain query plan ${c.source}`).all(...(c.args ?? [])) as { detail: string }[]).map((p) => p.detail))
    expect(plans).toEqual([expect.stringContaining('USING INDEX orders_fields_to_seal'), expect.stringContaining('USING INDEX provider_callbacks_to_mask')])
  })
})

describe('the permission', () => {
  it('is an operations code held by administrators only among the built-in roles', async () => {
    const roles = await w.t.ok('roles.list', {}, w.admin)
    expect(roles.filter((r) => r.permissions.includes(PERMISSIONS.CARD_NUMBER_REVEAL)).map((r) => r.builtInKey)).toEqual(['administrator'])
  })
})
