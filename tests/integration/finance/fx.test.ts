/**
 * FX: a USDT deposit of a merchant whose contract settles in CNY. The rate is fixed on the order
 * at creation (none valid: refused, naming the pair); paying posts the order payment at the
 * reference rate, the spread to the applied rate as rate difference (10), fees and reserve on the
 * converted amount, with the FX account taking the USDT and paying the CNY so each currency sums
 * to zero. Every figure rounds half-up. Rates come from manual entry or a CSV import.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { DEFAULT_GENERIC_CONFIG } from '../../../src/main/upstream/generic'
import { MERCHANT_NO, SIGN_KEY } from '../orders/support'
import { financeWorld, type FinanceWorld } from './support'

let w: FinanceWorld
afterEach(async () => w?.stop())

async function usdtLane() {
  const service = await w.t.ok('services.create', { merchantId: w.merchantId, serviceType: 'USDT', direction: 'deposit', currency: 'USDT', activated: true }, w.admin)
  const config = { ...DEFAULT_GENERIC_CONFIG(w.sim.url), timeoutMs: 1500 } as unknown as Record<string, unknown>
  const channel = await w.t.ok('channels.create', { name: 'USDT wallet', provider: 'generic', currency: 'USDT', supportsDeposit: true, credentials: { merchantNo: MERCHANT_NO, signKey: SIGN_KEY }, adapterConfig: config }, w.admin)
  await w.t.ok('bindings.create', { channelId: channel.id, serviceId: service.id }, w.admin)
  return { serviceId: service.id, channelId: channel.id, fields: {} }
}

const sumsByCurrency = (entries: { amount: number; currency: string }[]) =>
  entries.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.currency]: (acc[e.currency] ?? 0) + e.amount }), {})

describe('FX settlement', () => {
  it('refuses a deposit with no valid rate, naming the pair; with one, posts 0 at the reference rate and 10 for the spread, rounding half-up, each currency summing to zero', async () => {
    w = await financeWorld()
    const lane = await usdtLane()
    const refused = await w.t.call('orders.createDeposit', { merchantId: w.merchantId, ...lane, amount: '100.500000' }, w.admin)
    expect(refused).toMatchObject({ status: 422, code: 'fx.no_rate', field: 'serviceId' })
    expect(refused.message).toContain('no valid USDT→CNY rate at 2026-11-22 10:00:00')
    expect((await w.t.ok('orders.list', {}, w.admin)).total).toBe(0)

    await w.t.ok('fx.create', { baseCurrency: 'USDT', quoteCurrency: 'CNY', referenceRate: '7.25', appliedRate: '7.2', validFrom: '2026-11-01', validTo: '2026-11-22 12:00:00', note: 'Desk quote' }, w.checker)
    const orderId = await w.paidDeposit('100.500000', { merchantId: w.merchantId, ...lane })
    const order = await w.t.ok('orders.get', { id: orderId }, w.admin)
    const postingId = order.ledgerEntries[0].postingId
    const entries = w.entries(postingId)
    expect(sumsByCurrency(entries)).toEqual({ USDT: 0, CNY: 0 })
    const merchant = entries.filter((e) => e.kind === 'merchant_available').map((e) => [e.type, e.amount])
    // 100.5 × 7.25 = 728.625 → 728.63 (half-up); × 7.2 = 723.60; spread 5.03;
    // fee 2 % of 728.63 = 14.5726 → 14.57; fixed 1.00; reserve 10 % = 72.863 → 72.86.
    expect(merchant).toEqual([[0, 72863], [10, -503], [1, -1457], [2, -100], [3, -7286]])
    expect(entries.filter((e) => e.kind === 'fx').map((e) => [e.currency, e.amount])).toEqual([['USDT', 100_500_000], ['CNY', -72863], ['CNY', 503]])
    const balances = await w.t.ok('ledger.balances', { merchantId: w.merchantId }, w.admin)
    expect(balances.items.map((b) => [b.kind, b.currency, b.balance])).toEqual([['merchant_available', 'CNY', '635.17'], ['merchant_reserve', 'CNY', '72.86']])
    expect(order.timeline.map((e) => e.summary)).toContain('Converted at the rate fixed when the order was created: 100.500000 USDT at 7.2 (reference 7.25) makes 723.60 CNY; rate difference 5.03 CNY')

    // Giving money back would need the conversion reversed. The order page learns it from the quote
    // before anyone fills in a form, in the words of the refusal, and is quoted no fee: the
    // contract's fees are CNY minor units, never to be shown as USDT (3.00 CNY is not 0.000300 USDT).
    await w.t.ok('contracts.update', { id: w.contractId, name: 'CN 2026', feeRate: '2', fixedFee: '1.00', refundFee: '3.00', disputeFee: '15.00', withdrawalFee: '5.00', reserveRate: '10', reserveHoldDays: 30, validFrom: '2026-01-01', validTo: null }, w.admin)
    const quote = await w.t.ok('refunds.quote', { orderId }, w.admin)
    expect(quote).toMatchObject({ currency: 'USDT', paid: '100.500000', remaining: '100.500000', refundFee: null, disputeFee: null })
    expect(quote.unavailable).toEqual({ code: 'error.aftersales.fxSettled', params: { orderNo: order.orderNo, settlement: 'CNY', currency: 'USDT' } })
    // Refused by name, nothing held or posted.
    const postings = () => w.t.core.db.$client.prepare('select count(*) as n from ledger_postings').get()
    const before = postings()
    const refund = await w.t.call('refunds.create', { orderId, amount: '10.000000', reason: 'Customer cancelled' }, w.admin)
    expect(refund).toMatchObject({ status: 409, code: 'aftersales.fx_settled', field: 'orderId' })
    expect(refund.message).toContain('settled in CNY from USDT')
    expect(refund).toMatchObject({ text: quote.unavailable })
    const dispute = await w.t.call('disputes.create', { orderId, kind: 'chargeback', reasonCode: '13.1', amount: '10.000000', evidenceDueAt: w.t.clock.now() + 86_400_000, note: 'Not received' }, w.admin)
    expect(dispute).toMatchObject({ status: 409, code: 'aftersales.fx_settled' })
    expect(postings()).toEqual(before)

    // Created while the rate was valid, paid after it expired: settles at the rate fixed on the order.
    const late = await w.t.ok('orders.createDeposit', { merchantId: w.merchantId, ...lane, amount: '1.002500' }, w.admin)
    w.t.clock.advance(3 * 3_600_000)
    await w.t.ok('orders.markResult', { id: late.id, result: 'succeeded', reason: 'Paid: confirmed on the chain' }, w.admin)
    const lateEntries = w.entries((await w.t.ok('orders.get', { id: late.id }, w.admin)).ledgerEntries[0].postingId)
    // 1.0025 × 7.25 = 7.268125 → 7.27; × 7.2 = 7.218 → 7.22; spread 0.05
    expect(lateEntries.filter((e) => e.kind === 'merchant_available' && (e.type === 0 || e.type === 10)).map((e) => e.amount)).toEqual([727, -5])
    expect(sumsByCurrency(lateEntries)).toEqual({ USDT: 0, CNY: 0 })
    const expired = await w.t.call('orders.createDeposit', { merchantId: w.merchantId, ...lane, amount: '5' }, w.admin)
    expect(expired).toMatchObject({ status: 422, code: 'fx.no_rate' })
    expect(expired.message).toContain('USDT→CNY')

    // The settlement report carries the rate difference in the settlement currency.
    const report = await w.t.ok('reports.settlementStatistics', { merchantId: w.merchantId, currency: 'CNY' }, w.admin)
    expect(report.totals).toEqual([expect.objectContaining({ currency: 'CNY', rateDifference: '-5.08', orderPay: '735.90' })])
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })

  it('keeps rates as exact decimals: a markup gives the applied rate; only FX_RATE_WRITE may add rates; every rate is audited', async () => {
    w = await financeWorld()
    const rate = await w.t.ok('fx.create', { baseCurrency: 'USD', quoteCurrency: 'CNY', referenceRate: '7.1234', markupPercent: '0.5', validFrom: '2026-11-01', validTo: '2026-11-30' }, w.checker)
    expect(rate).toMatchObject({ referenceRate: '7.1234', appliedRate: '7.087783', markup: '0.5', source: 'manual', createdBy: 'finance.checker' })
    // A date alone runs to the end of that day in the business time zone (+08:00).
    expect(rate.validTo).toBe(Date.UTC(2026, 11, 1) - 8 * 3_600_000)
    expect(await w.t.call('fx.create', { baseCurrency: 'USD', quoteCurrency: 'CNY', referenceRate: '7.1', appliedRate: '7', validFrom: '2026-11-30', validTo: '2026-11-01' }, w.checker)).toMatchObject({ status: 400, field: 'validTo' })
    expect(await w.t.call('fx.create', { baseCurrency: 'USD', quoteCurrency: 'CNY', referenceRate: '7.1', markupPercent: '100', validFrom: '2026-11-01', validTo: '2026-11-30' }, w.checker)).toMatchObject({ status: 400, field: 'markupPercent' })
    expect(await w.t.call('fx.create', { baseCurrency: 'USD', quoteCurrency: 'CNY', referenceRate: '7.1', appliedRate: '7', validFrom: '2026-02-30', validTo: '2026-11-01' }, w.checker)).toMatchObject({ status: 400, field: 'validFrom' })
    const roles = await w.t.ok('roles.list', {}, w.admin)
    const ops = roles.find((r) => r.builtInKey === 'operations')!.id
    await w.t.ok('users.create', { username: 'ops.amy', displayName: 'Amy', password: 'Initial-pass-1', merchantId: null, roleIds: [ops] }, w.admin)
    const amy = await w.t.signIn('ops.amy', 'Initial-pass-1')
    expect(await w.t.call('fx.create', { baseCurrency: 'USD', quoteCurrency: 'CNY', referenceRate: '7.1', appliedRate: '7', validFrom: '2026-11-01', validTo: '2026-11-30' }, amy)).toMatchObject({ status: 403 })
    expect(await w.t.call('fx.import', { csv: 'baseCurrency,quoteCurrency\n' }, amy)).toMatchObject({ status: 403 })
    const audit = await w.t.ok('audit.list', { procedure: 'fx.create' }, w.admin)
    expect(audit.items.map((a) => a.summary)).toEqual(['FX rate USD→CNY added: reference 7.1234, applied 7.087783'])
  })

  it('imports rates from CSV all or nothing, naming the line and field of each bad row', async () => {
    w = await financeWorld()
    const header = 'baseCurrency,quoteCurrency,referenceRate,appliedRate,markupPercent,validFrom,validTo,note'
    const bad = [header, 'USD,CNY,7.10,7.05,,2026-11-01,2026-11-30,ok', 'USD,CNY,7.1.0,,0.5,2026-11-01,2026-11-30,bad rate', 'THB,CNY,0.2,0.19,,2026-11-31,2026-12-31,bad day', 'XXX,CNY,1,1,,2026-11-01,2026-11-30,bad currency'].join('\n')
    const answer = await w.t.ok('fx.import', { csv: bad }, w.checker)
    expect(answer.imported).toBe(0)
    // Each problem in English, and as the text the screen shows in the reader's language.
    expect(answer.errors).toEqual([
      { line: 3, field: 'referenceRate', message: 'must be a rate such as 7.1234 (at most 10 decimals)', text: { code: 'rule.rateFormat' } },
      { line: 4, field: 'validFrom', message: 'is not a calendar date', text: { code: 'rule.notCalendarDate' } },
      { line: 5, field: 'baseCurrency', message: 'is not a supported currency', text: { code: 'rule.unsupportedCurrency' } }
    ])
    expect((await w.t.ok('fx.list', {}, w.admin)).total).toBe(0)
    expect((await w.t.ok('fx.import', { csv: 'base,quote\nUSD,CNY' }, w.checker)).errors).toEqual([
      { line: 1, field: 'base', message: 'is not a column; the columns are baseCurrency, quoteCurrency, referenceRate, appliedRate, markupPercent, validFrom, validTo, note', text: { code: 'rule.csvColumn', params: { columns: 'baseCurrency, quoteCurrency, referenceRate, appliedRate, markupPercent, validFrom, validTo, note' } } },
      { line: 1, field: 'quote', message: 'is not a column; the columns are baseCurrency, quoteCurrency, referenceRate, appliedRate, markupPercent, validFrom, validTo, note', text: { code: 'rule.csvColumn', params: { columns: 'baseCurrency, quoteCurrency, referenceRate, appliedRate, markupPercent, validFrom, validTo, note' } } },
      { line: 1, field: 'baseCurrency', message: 'is a required column', text: { code: 'rule.csvRequiredColumn' } },
      { line: 1, field: 'quoteCurrency', message: 'is a required column', text: { code: 'rule.csvRequiredColumn' } },
      { line: 1, field: 'referenceRate', message: 'is a required column', text: { code: 'rule.csvRequiredColumn' } },
      { line: 1, field: 'validFrom', message: 'is a required column', text: { code: 'rule.csvRequiredColumn' } },
      { line: 1, field: 'validTo', message: 'is a required column', text: { code: 'rule.csvRequiredColumn' } }
    ])
    expect((await w.t.ok('fx.import', { csv: `${header}\nUSD,CNY,7.1,7.0` }, w.checker)).errors[0]).toMatchObject({ line: 2, field: 'file' })

    const good = [header, 'USD,CNY,7.10,7.05,,2026-11-01,2026-11-30,desk', '"THB","CNY","0.2012",,"1.5","2026-11-01 00:00:00","2026-11-30 23:59:59","quoted, with comma"'].join('\r\n')
    expect(await w.t.ok('fx.import', { csv: good }, w.checker)).toEqual({ imported: 2, errors: [] })
    const list = await w.t.ok('fx.list', { sortBy: 'baseCurrency', sortDirection: 'asc' }, w.admin)
    expect(list.items.map((r) => [r.baseCurrency, r.quoteCurrency, r.referenceRate, r.appliedRate, r.source, r.note])).toEqual([
      ['THB', 'CNY', '0.2012', '0.198182', 'import', 'quoted, with comma'],
      ['USD', 'CNY', '7.1', '7.05', 'import', 'desk']
    ])
    expect((await w.t.ok('fx.list', { baseCurrency: 'THB' }, w.admin)).total).toBe(1)
    expect((await w.t.ok('audit.list', { procedure: 'fx.import' }, w.admin)).items.map((a) => a.summary)).toContain('FX rate import: 2 rates added')
  })
})
