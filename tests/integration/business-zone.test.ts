/**
 * Changing the business time zone (Settings): on the demo data plus orders and entries on both
 * sides of midnight, every order and entry moves to its day in the new zone, the stored daily rows
 * (both reports, the orders list's day counts) are rebuilt to match, the ledger check is clean,
 * and the change is audited. Going back restores every stored row as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../src/main/ledger/verify'
import { demoWorld, type Market, type ReportWorld } from './reports/world'

let w: ReportWorld
let cny: Market
let beforeMidnight = 0
let afterMidnight = 0
beforeAll(async () => {
  const demo = await demoWorld()
  w = demo.w
  cny = demo.cny
  await w.at('2026-11-24 23:30:00')
  beforeMidnight = (await w.deposit(cny, '1310.00', { pay: true, isTest: false })).id
  await w.payout(cny, '620.00', { isTest: false })
  await w.adjust(cny, '-2.50', 'Late fee correction')
  await w.at('2026-11-25 00:30:00')
  afterMidnight = (await w.deposit(cny, '1455.00', { pay: true, isTest: false })).id
  await w.deposit(demo.vnd, '900000', { pay: true })
  await w.deposit(cny, '777.00')
}, 60_000)
afterAll(async () => w?.stop())

const sqlite = () => w.core.db.$client
const rows = (sql: string, ...params: unknown[]) => sqlite().prepare(sql).all(...params) as Record<string, unknown>[]

/** The stored daily rows, without their update times (a rebuild writes new ones). */
function storedDailyRows() {
  const without = (table: string, order: string) => rows(`select * from ${table} order by ${order}`).map(({ id: _id, updated_at: _at, ...r }) => r)
  return {
    transactionRows: without('transaction_daily_rows', 'include_test, business_day, merchant_id, contract_id, currency'),
    transactionTotals: without('transaction_daily_totals', 'include_test, business_day, currency'),
    settlementRows: without('settlement_daily_rows', 'include_test, business_day, merchant_id, contract_id, currency'),
    settlementTotals: without('settlement_daily_totals', 'include_test, business_day, currency'),
    statusDays: without('order_status_days where order_count > 0', 'include_test, business_day, direction, status'),
    statusMerchantDays: without('order_status_merchant_days where order_count > 0', 'include_test, merchant_id, business_day, direction, status')
  }
}

/** The transaction report's counts as the orders table has them, per day, merchant, contract and currency (view with tests). */
const countsFromOrders = () =>
  rows(`select business_day, merchant_id, contract_id, currency, count(*) as total_count, sum(status = 'succeeded') as success_count,
      sum(case when status = 'succeeded' then coalesce(paid_minor, amount_minor) else 0 end) as transaction_minor
    from orders group by 1, 2, 3, 4 order by 1, 2, 3, 4`)
const countsStored = () =>
  rows(`select business_day, merchant_id, contract_id, currency, total_count, success_count, transaction_minor
    from transaction_daily_rows where include_test = 1 order by 1, 2, 3, 4`)

const dayOfOrder = (id: number) => rows('select business_day from orders where id = ?', id)[0].business_day
const entryDays = (id: number) =>
  rows(`select distinct e.business_day from ledger_entries e join ledger_postings p on p.id = e.posting_id join orders o on p.idempotency_key = 'order:' || o.order_no || ':paid' where o.id = ?`, id).map((r) => r.business_day)

describe('the business time zone', () => {
  it('a zone set without moving the rows is drift the ledger check names', () => {
    expect(verifyLedger(sqlite()).drifts).toEqual([])
    sqlite().prepare("update tenants set time_zone = '+00:00'").run()
    try {
      const drifts = verifyLedger(sqlite()).drifts.filter((d) => d.what === 'business_day')
      // Orders and entries made between midnight and 08:00 (+08:00) are a day earlier in UTC.
      expect(drifts.map((d) => d.detail)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^order \d+ is on business day (\d{8}), but was created on \d{8} in the business time zone \+00:00$/),
          expect.stringMatching(/^entry \d+ is on business day (\d{8}), but was created on \d{8} in the business time zone \+00:00$/)
        ])
      )
    } finally {
      sqlite().prepare("update tenants set time_zone = '+08:00'").run()
    }
    expect(verifyLedger(sqlite()).drifts).toEqual([])
  })

  it('moves orders and entries to their days in the new zone, rebuilds the daily rows, stays clean and is audited', async () => {
    const before = storedDailyRows()
    expect(dayOfOrder(beforeMidnight)).toBe(20261124)
    expect(dayOfOrder(afterMidnight)).toBe(20261125)
    expect(countsStored()).toEqual(countsFromOrders())

    const changed = await w.ok('settings.setBusinessZone', { timeZone: 'UTC' })
    expect(changed).toMatchObject({ timeZone: 'UTC', drifts: 0 })
    expect(changed.ordersMoved).toBeGreaterThan(0)
    expect(changed.entriesMoved).toBeGreaterThan(0)
    expect((await w.ok('system.info', {})).timeZone).toBe('UTC')

    // 00:30 on the 25th at +08:00 is 16:30 on the 24th in UTC: that order and its entries move back a day;
    // 23:30 on the 24th (+08:00) is 15:30 the same day in UTC and stays.
    expect(dayOfOrder(afterMidnight)).toBe(20261124)
    expect(entryDays(afterMidnight)).toEqual([20261124])
    expect(dayOfOrder(beforeMidnight)).toBe(20261124)
    expect(verifyLedger(sqlite()).drifts).toEqual([])
    // The transaction report counts each order on its new day.
    expect(countsStored()).toEqual(countsFromOrders())
    // Every order of the 25th (+08:00) was made at 00:30, the 24th in UTC: its rows are gone, and no
    // row is left holding an amount without an order (what each moved order counted came off exactly).
    expect(rows('select * from transaction_daily_rows where business_day = 20261125')).toEqual([])
    expect(rows('select * from transaction_daily_rows where total_count = 0 or (success_count = 0 and (transaction_minor != 0 or settle_minor != 0))')).toEqual([])
    expect(rows('select * from transaction_daily_totals where list_rows = 0 or total_count = 0')).toEqual([])
    const after = storedDailyRows()
    expect(after.transactionRows).not.toEqual(before.transactionRows)
    expect(after.settlementTotals).not.toEqual(before.settlementTotals)

    // The reports read the new days: the 25th no longer holds the order made at 00:30 (+08:00).
    const statistics = await w.ok('reports.transactionStatistics', { dateStart: '2026-11-24 00:00:00', dateEnd: '2026-11-25 23:59:59', currency: 'CNY', pageIndex: 1, pageSize: 10 })
    const of = (date: string) => statistics.items.find((r) => r.date === date)
    expect(of('2026-11-24')?.totalCount).toBe(countsFromOrders().filter((r) => r.business_day === 20261124 && r.currency === 'CNY').reduce((n, r) => n + Number(r.total_count), 0))

    const audit = await w.ok('audit.list', { procedure: 'settings.setBusinessZone' })
    expect(audit.items[0].summary).toBe(
      `Business time zone changed from +08:00 to UTC: ${changed.entriesMoved} ledger entries and ${changed.ordersMoved} orders moved to their days in the new zone, daily rows rebuilt`
    )

    // And back: every stored row as it was before, the same orders and entries moved again.
    const back = await w.ok('settings.setBusinessZone', { timeZone: '+08:00' })
    expect(back).toMatchObject({ entriesMoved: changed.entriesMoved, ordersMoved: changed.ordersMoved, drifts: 0 })
    expect(storedDailyRows()).toEqual(before)
  })

  it('new postings after the change are cut in the new zone', async () => {
    await w.ok('settings.setBusinessZone', { timeZone: '-05:00' })
    await w.at('2026-11-26 10:00:00') // 21:00 on the 25th at -05:00
    const id = (await w.deposit(cny, '864.00', { pay: true, isTest: false })).id
    expect(dayOfOrder(id)).toBe(20261125)
    expect(entryDays(id)).toEqual([20261125])
    expect(verifyLedger(sqlite()).drifts).toEqual([])
    expect(countsStored()).toEqual(countsFromOrders())
  })

  it('refuses the zone it already has, and what is not a zone', async () => {
    const same = await w.core.dispatch('settings.setBusinessZone', { timeZone: '-05:00' }, { token: w.admin, transport: 'http' })
    expect(same).toMatchObject({ status: 409, code: 'settings.same_zone' })
    const bad = await w.core.dispatch('settings.setBusinessZone', { timeZone: 'Asia/Atlantis' }, { token: w.admin, transport: 'http' })
    expect(bad).toMatchObject({ status: 400, field: 'timeZone' })
  })
})
