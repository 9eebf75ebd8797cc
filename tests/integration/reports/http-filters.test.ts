/**
 * The report API's filters over HTTP against the real headless host: each filter of each path,
 * the inclusive date bounds at the exact second, how a time bound selects days in the daily
 * reports, test orders in or out, and the procedures' totals of the whole filtered set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountDetailRow } from '../../../src/shared/contract/reports'
import { allItems, ENTRY_COUNT, reportScenario, type Scenario } from './scenario'

let s: Scenario
beforeAll(async () => {
  s = await reportScenario()
})
afterAll(async () => s?.w.stop())

/** An entry as the HTTP API writes it: the amount is a JSON number. */
type Entry = Omit<AccountDetailRow, 'amount'> & { amount: number }

const entries = (params: Record<string, string | number | boolean> = {}) => allItems(s, 'accountdetail/list', params, 7) as Promise<Entry[]>
const amounts = (items: Entry[]) => items.map((e) => e.amount)

describe('accountdetail/list filters', () => {
  it('merchantId, contractId and currency each keep only their rows', async () => {
    const all = await entries()
    expect(all).toHaveLength(ENTRY_COUNT)
    const vnd = await entries({ merchantId: s.vnd.merchantId })
    expect(vnd).toEqual(all.filter((e) => e.merchantId === s.vnd.merchantId))
    expect(vnd).toHaveLength(5)
    expect(await entries({ contractId: s.cny.contractId })).toEqual(all.filter((e) => e.contractId === s.cny.contractId))
    expect(await entries({ currency: 'VND' })).toEqual(vnd)
    expect(await entries({ currency: 'cny', merchantId: s.vnd.merchantId })).toEqual([])
  })

  it('txnId keeps the order’s posting: payment, fee, processing fee and reserve', async () => {
    const items = await entries({ txnId: s.liveDepositTxn })
    expect(items.map((e) => [e.type, e.amount]).sort()).toEqual([[0, 1000], [1, -20], [2, -1], [3, -100]].sort())
    expect(items.every((e) => e.txnId === s.liveDepositTxn && e.remark.startsWith('D'))).toBe(true)
  })

  it('type keeps one entry type: 99 are the manual adjustments, 8 and 9 the payout', async () => {
    expect(amounts(await entries({ type: 99 }))).toEqual([250, 6, 5, 4, 3, 2, 1, 5.5, -20])
    expect(amounts(await entries({ type: 8 }))).toEqual([-300])
    expect(amounts(await entries({ type: 9 }))).toEqual([-5])
    expect(await entries({ type: 10 })).toEqual([])
  })

  it('remark matches a substring, with % and _ taken literally', async () => {
    expect(amounts(await entries({ remark: 'Batch correction' }))).toEqual([6, 5, 4, 3, 2, 1])
    expect(amounts(await entries({ remark: '100%' }))).toEqual([5.5])
    expect(amounts(await entries({ remark: '%' }))).toEqual([5.5])
    expect(await entries({ remark: '_' })).toEqual([])
  })

  it('includeTest=false leaves out the test orders’ entries; true (the default) keeps them', async () => {
    const live = await entries({ includeTest: false })
    expect(live).toHaveLength(ENTRY_COUNT - 8)
    expect(live.filter((e) => e.type === 0).map((e) => e.amount)).toEqual([1000])
    expect(await entries({ includeTest: true })).toHaveLength(ENTRY_COUNT)
  })
})

describe('date bounds: inclusive to the second, in the business time zone', () => {
  it('an entry at 2026-11-20 10:00:00 is inside dateEnd=10:00:00 and outside …09:59:59', async () => {
    const at10 = await entries({ dateStart: '2026-11-20 10:00:00', dateEnd: '2026-11-20 10:00:00' })
    // The second adjustment was posted half a second later; it is shown, and counted, as 10:00:00 too.
    expect(at10.map((e) => [e.amount, e.dateCreated])).toEqual([
      [5.5, '2026-11-20T10:00:00'],
      [-20, '2026-11-20T10:00:00']
    ])
    expect(await entries({ dateStart: '2026-11-20 00:00:00', dateEnd: '2026-11-20 09:59:59' })).toEqual([])
    expect(await entries({ dateStart: '2026-11-20 10:00:01', dateEnd: '2026-11-20 10:59:59' })).toEqual([])
    expect(amounts(await entries({ dateEnd: '2026-11-20 10:00:00', merchantId: s.cny.merchantId, type: 99 }))).toEqual([5.5, -20])
    expect(amounts(await entries({ dateStart: '2026-11-20 12:00:03', type: 99, currency: 'CNY' }))).toEqual([6, 5, 4, 3])
  })

  it('a bare day means the whole day; days are cut at midnight business time (+08:00), not UTC', async () => {
    const day20 = await entries({ dateStart: '2026-11-20', dateEnd: '2026-11-20' })
    expect(day20).toHaveLength(11)
    expect(day20.every((e) => e.dateCreated.startsWith('2026-11-20T'))).toBe(true)
    // 2026-11-18 10:00 business time is 02:00 UTC: still the 18th on both clocks, and nothing before 08:00 local.
    expect(await entries({ dateEnd: '2026-11-18 09:59:59' })).toEqual([])
    expect(await entries({ dateStart: '2026-11-18 10:00:00', dateEnd: '2026-11-18 10:00:00' })).toHaveLength(8)
  })

  it('the daily reports keep the days the bounds fall on', async () => {
    const days = async (path: string, params: Record<string, string>) => (await allItems(s, path, params)).map((r: { date: string | number }) => r.date)
    const bounds = { dateStart: '2026-11-19 23:59:59', dateEnd: '2026-11-20 00:00:00' }
    expect(await days('reportsettlement/statistics', bounds)).toEqual(['2026-11-20', '2026-11-20', '2026-11-19'])
    expect(await days('reporttransaction/statistics', bounds)).toEqual(['2026-11-20', '2026-11-19'])
    expect(await days('reportsettlement/list', { dateStart: '2026-11-18 23:00:00', dateEnd: '2026-11-18 23:00:00' })).toEqual([20261118, 20261118])
    expect(await days('reporttransaction/list', { dateStart: '2026-11-21 00:00:00' })).toEqual([])
  })
})

describe('the daily reports’ filters', () => {
  const DAILY = ['reporttransaction/statistics', 'reporttransaction/list', 'reportsettlement/statistics', 'reportsettlement/list']

  it.each(DAILY)('%s: merchantId, contractId and currency', async (path) => {
    const all = await allItems(s, path)
    const vnd = all.filter((r: { currency: string }) => r.currency === 'VND')
    expect(vnd.length).toBeGreaterThan(0)
    expect(await allItems(s, path, { merchantId: s.vnd.merchantId })).toEqual(vnd)
    expect(await allItems(s, path, { contractId: s.vnd.contractId })).toEqual(vnd)
    expect(await allItems(s, path, { currency: 'VND' })).toEqual(vnd)
    expect(await allItems(s, path, { currency: 'THB' })).toEqual([])
  })

  it('includeTest=false leaves the test orders out of the transaction and settlement reports', async () => {
    expect(await allItems(s, 'reporttransaction/statistics', { includeTest: false })).toEqual([
      { date: '2026-11-20', currency: 'CNY', transactionAmount: 300, settleAmount: 305, totalCount: 1, successCount: 1 },
      { date: '2026-11-18', currency: 'CNY', transactionAmount: 1000, settleAmount: 979, totalCount: 1, successCount: 1 }
    ])
    const settled = await allItems(s, 'reportsettlement/statistics', { includeTest: false })
    expect(settled.map((r: { date: string; currency: string; orderPay: number }) => [r.date, r.currency, r.orderPay])).toEqual([
      ['2026-11-20', 'CNY', 0],
      ['2026-11-20', 'VND', 0],
      ['2026-11-18', 'CNY', 1000]
    ])
  })
})

describe('the same reports as procedures', () => {
  it('answer amounts as decimal strings, with totals of the whole filtered set per currency', async () => {
    const page = await s.w.ok('reports.settlementList', { pageIndex: 1, pageSize: 1 })
    expect(page).toMatchObject({ pageIndex: 1, pageSize: 1, totalItemCount: 5, totalPageCount: 5 })
    expect(page.items[0]).toMatchObject({ date: 20261120, currency: 'CNY', drawcash: '-300.00', manualAdjust: '6.50', orderPay: '0.00' })
    expect(page.totals).toEqual([
      expect.objectContaining({ currency: 'CNY', orderPay: '3000.00', orderFee: '-60.00', fixedFee: '-2.00', deposit: '-300.00', drawcash: '-300.00', drawcashFee: '-5.00', manualAdjust: '6.50', refund: '0.00' }),
      expect.objectContaining({ currency: 'VND', orderPay: '1500000', orderFee: '-30000', manualAdjust: '250' })
    ])
    const entriesPage = await s.w.ok('reports.accountDetails', { pageSize: 2, type: 99 })
    expect(entriesPage.items.map((e) => e.amount)).toEqual(['250', '6.00'])
    expect(entriesPage.totals).toEqual([
      { currency: 'CNY', amount: '6.50', count: 8 },
      { currency: 'VND', amount: '250', count: 1 }
    ])
    // With a filter the daily summaries do not carry, the totals come from the entries themselves.
    const dated = await s.w.ok('reports.accountDetails', { pageSize: 1, dateStart: '2026-11-20 10:00:00', dateEnd: '2026-11-20 10:00:00', remark: 'o' })
    expect(dated.totals).toEqual([{ currency: 'CNY', amount: '-14.50', count: 2 }])
    const transactions = await s.w.ok('reports.transactionStatistics', { includeTest: false, withTotals: true })
    expect(transactions.totals).toEqual([{ currency: 'CNY', transactionAmount: '1300.00', settleAmount: '1284.00', totalCount: 2, successCount: 2 }])
    expect((await s.w.ok('reports.transactionList', { withTotals: false })).totals).toBeNull()
  })
})
