/**
 * The reports agree with the books, on the demo data set plus real activity on several business
 * days (orders through the simulator, payouts, adjustments): for each day and currency, settlement
 * statistics = the sum of their list rows = the ledger's merchant entries summed by type, and the
 * transaction counts equal the orders table. The expected figures come from the raw tables, never
 * from the daily summaries the reports read.
 */
import Decimal from 'decimal.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTRY_TYPE_CODES, SETTLEMENT_COLUMNS } from '../../../src/shared/ledger'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { fromMinor } from '../../../src/shared/money'
import type { ProcedureName } from '../../../src/shared/contract'
import { demoWorld, type ReportWorld } from './world'

let w: ReportWorld
beforeAll(async () => {
  const demo = await demoWorld()
  w = demo.w
  const { cny, vnd } = demo
  await w.at('2026-11-23 09:30:00')
  await w.deposit(cny, '1200.00', { pay: true, isTest: false })
  await w.deposit(cny, '888.13')
  await w.deposit(vnd, '2500000', { pay: true })
  await w.adjust(cny, '-3.33', 'Fee correction after review')
  await w.at('2026-11-24 23:59:59')
  await w.deposit(cny, '730.45', { pay: true })
  await w.deposit(vnd, '910000', { pay: true, isTest: false })
  await w.deposit(vnd, '400000')
  await w.at('2026-11-25 00:00:00')
  await w.payout(cny, '150.00')
  await w.payout(vnd, '600000', { isTest: false })
  await w.adjust(vnd, '1200', 'Rounding correction')
})
afterAll(async () => w?.stop())

type Row = Record<string, string | number>

async function walk(name: ProcedureName, input: Record<string, unknown>): Promise<Row[]> {
  const rows: Row[] = []
  for (let pageIndex = 1; ; pageIndex++) {
    const page = (await w.ok(name, { ...input, pageIndex, pageSize: 10 })) as { items: Row[]; totalPageCount: number }
    rows.push(...page.items)
    if (pageIndex >= page.totalPageCount) return rows
  }
}

const key = (r: Row) => `${String(r.date).replaceAll('-', '')} ${r.currency}`

/** Sums the named columns of rows by day and currency, exactly. */
function byDay(rows: Row[], columns: string[]): Map<string, Record<string, string>> {
  const sums = new Map<string, Record<string, Decimal>>()
  for (const r of rows) {
    const into = sums.get(key(r)) ?? Object.fromEntries(columns.map((c) => [c, new Decimal(0)]))
    for (const c of columns) into[c] = into[c].plus(String(r[c]))
    sums.set(key(r), into)
  }
  return new Map([...sums].map(([k, v]) => [k, Object.fromEntries(columns.map((c) => [c, v[c].toString()]))]))
}

const sql = <T>(text: string) => w.core.db.$client.prepare(text).all() as T[]

describe.each([true, false])('reports on the demo data (includeTest=%s)', (includeTest) => {
  const test = includeTest ? '' : 'and is_test = 0'

  it('settlement: statistics = sum of list rows = the ledger’s merchant entries by type, per day and currency', async () => {
    const columns = ENTRY_TYPE_CODES.map((t) => SETTLEMENT_COLUMNS[t])
    const statistics = await walk('reports.settlementStatistics', { includeTest })
    const list = await walk('reports.settlementList', { includeTest })
    expect(byDay(statistics, columns)).toEqual(byDay(list, columns))

    const entries = sql<{ day: number; currency: string; type: number; minor: number }>(
      `select business_day as day, currency, type, sum(amount) as minor from ledger_entries where account_kind = 'merchant_available' ${test} group by 1, 2, 3`
    )
    const fromLedger = entries.map((e) => ({ date: e.day, currency: e.currency, ...Object.fromEntries(columns.map((c) => [c, 0])), [SETTLEMENT_COLUMNS[e.type as 0]]: fromMinor(e.minor, e.currency) }))
    expect(byDay(statistics, columns)).toEqual(byDay(fromLedger, columns))
    expect(new Set(statistics.map((r) => r.date)).size).toBeGreaterThanOrEqual(includeTest ? 3 : 2)
    expect([...new Set(statistics.map((r) => r.currency))]).toEqual(expect.arrayContaining(['CNY', 'VND']))
  })

  it('transactions: counts equal the orders created each day, successes the succeeded ones, amounts what they moved', async () => {
    const columns = ['totalCount', 'successCount', 'transactionAmount', 'settleAmount']
    const statistics = await walk('reports.transactionStatistics', { includeTest })
    expect(byDay(statistics, columns)).toEqual(byDay(await walk('reports.transactionList', { includeTest }), columns))

    const orders = sql<{ day: number; currency: string; total: number; succeeded: number; moved: number }>(
      `select business_day as day, currency, count(*) as total, sum(status = 'succeeded') as succeeded,
         sum(case when status = 'succeeded' then coalesce(paid_minor, amount_minor) else 0 end) as moved
       from orders where 1 = 1 ${test} group by 1, 2`
    )
    const counted = (rows: Row[]) => byDay(rows, columns.slice(0, 3))
    expect(counted(statistics)).toEqual(counted(orders.map((o) => ({ date: o.day, currency: o.currency, totalCount: o.total, successCount: o.succeeded, transactionAmount: fromMinor(o.moved, o.currency) }))))
    // The declined and the unpaid orders are test orders.
    if (includeTest) expect(statistics.some((r) => Number(r.totalCount) > Number(r.successCount))).toBe(true)
  })

  it('the entry list’s totals are the settlement totals, and its pages hold every merchant entry once', async () => {
    const entries = await w.ok('reports.accountDetails', { includeTest, pageSize: 100 })
    const settlement = await w.ok('reports.settlementStatistics', { includeTest })
    for (const total of entries.totals!) {
      const columns = settlement.totals!.find((t) => t.currency === total.currency)!
      const sum = ENTRY_TYPE_CODES.reduce((acc, t) => acc.plus(columns[SETTLEMENT_COLUMNS[t] as keyof typeof columns]), new Decimal(0))
      expect(sum.eq(total.amount), `${total.currency}: ${sum} vs ${total.amount}`).toBe(true)
    }
    const ids = (await walk('reports.accountDetails', { includeTest })).map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(entries.totalItemCount)
    expect(ids.length).toBe(sql<{ n: number }>(`select count(*) as n from ledger_entries where account_kind = 'merchant_available' ${test}`)[0].n)
  })
})

describe('after the activity', () => {
  it('the ledger self-check finds no drift between entries and the daily summaries', () => {
    expect(verifyLedger(w.core.db.$client).drifts).toEqual([])
  })
})
