/**
 * The daily lists without a contract or merchant filter are counted from their day totals'
 * list-row counts, and their deep pages start at the day those counts place them on (kept by the
 * rows tables' triggers, migration 0014). Whichever way a page is read, it must hold the rows a
 * plain ordered read of the rows table holds at that offset, and the count must be its row count.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { recordingConnection } from '../../../tests/support/recording'
import { openDatabase } from '../db/open'
import { SEEK_FROM_OFFSET, type DailyFilters } from './daily'
import { settlementList } from './settlement'
import { transactionList } from './transactions'

const db = openDatabase({ path: ':memory:' })
afterAll(() => db.$client.close())

const src = { sqlite: db.$client, tenantId: 1, zone: '+08:00' }

const CURRENCIES = ['CNY', 'THB', 'VND']
const FIRST_DAY = 20261001

/**
 * 40 days with an uneven number of rows each (some days have none in a currency), in both views
 * (a few rows only in the view with tests), and another tenant's rows that must never count.
 */
function seed(): void {
  const c = db.$client
  const settlement = c.prepare('insert into settlement_daily_rows (tenant_id, include_test, business_day, contract_id, merchant_id, currency, order_pay, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0)')
  const transaction = c.prepare('insert into transaction_daily_rows (tenant_id, include_test, business_day, contract_id, merchant_id, currency, total_count, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0)')
  c.transaction(() => {
    for (let d = 0; d < 40; d++) {
      const day = FIRST_DAY + (d < 31 ? d : 100 + d - 31)
      for (let m = 1; m <= 30 + (d % 7) * 5; m++) {
        for (const [i, currency] of CURRENCIES.entries()) {
          if ((d + m + i) % 5 === 0) continue
          const views = (m + d) % 11 === 0 ? [1] : [1, 0]
          for (const view of views) {
            for (const statement of [settlement, transaction]) statement.run(1, view, day, (m % 3) + 1, m, currency, d * 1000 + m)
          }
        }
      }
      settlement.run(2, 1, day, 1, 1, 'CNY', 5)
    }
  })()
}
seed()

const ORDER = 'order by business_day desc, merchant_id, contract_id, currency'

/** The rows a plain ordered read of the table holds at that offset: what every page must equal. */
function plainPage(table: string, f: DailyFilters, offset: number, limit: number): { date: number; merchantId: number; contractId: number; currency: string }[] {
  const days = { from: f.dateStart ? Number(f.dateStart.slice(0, 10).replaceAll('-', '')) : 0, to: f.dateEnd ? Number(f.dateEnd.slice(0, 10).replaceAll('-', '')) : 99999999 }
  return db.$client
    .prepare(
      `select business_day as date, merchant_id as merchantId, contract_id as contractId, currency from ${table}
       where tenant_id = 1 and include_test = ? and currency like ? and business_day between ? and ? ${ORDER} limit ? offset ?`
    )
    .all(f.includeTest ? 1 : 0, f.currency ?? '%', days.from, days.to, limit, offset) as never
}

const FILTERS: [string, DailyFilters][] = [
  ['no filter', { includeTest: true }],
  ['live only', { includeTest: false }],
  ['a currency', { includeTest: true, currency: 'THB' }],
  ['a date range', { includeTest: true, dateStart: '2026-10-05 00:00:00', dateEnd: '2026-11-02 12:00:00' }]
]

describe.each([
  ['settlement_daily_rows', settlementList],
  ['transaction_daily_rows', transactionList]
] as const)('%s: the list counted and sought by day', (table, list) => {
  it.each(FILTERS)('%s: every page equals the plain ordered read, and the count is the row count', (_, f) => {
    const total = plainPage(table, f, 0, 1_000_000).length
    expect(total).toBeGreaterThan(SEEK_FROM_OFFSET + 100)
    for (const pageSize of [20, 100]) {
      for (let pageIndex = 1; (pageIndex - 1) * pageSize < total + pageSize; pageIndex++) {
        const page = list(src, f, { pageIndex, pageSize, withTotals: false })
        expect(page.totalItemCount).toBe(total)
        const keys = page.items.map(({ date, merchantId, contractId, currency }) => ({ date, merchantId, contractId, currency }))
        expect(keys).toEqual(plainPage(table, f, (pageIndex - 1) * pageSize, pageSize))
      }
    }
  })

  it('the count reads the day totals, and a deep page starts at the day they place it on', () => {
    const prepared: string[] = []
    const f = { includeTest: true }
    list({ ...src, sqlite: recordingConnection(db.$client, prepared) }, f, { pageIndex: Math.ceil((SEEK_FROM_OFFSET + 1) / 20) + 3, pageSize: 20, withTotals: false })
    expect(prepared.some((text) => /select coalesce\(sum\(list_rows\), 0\) as n from \w+_daily_totals/.test(text))).toBe(true)
    expect(prepared.some((text) => text.includes('sum(list_rows) as n') && text.includes('group by business_day'))).toBe(true)
    expect(prepared.some((text) => text.includes(`from ${table}`) && text.includes('business_day <= ?') && text.includes('limit ? offset ?'))).toBe(true)
  })

  it('a merchant’s rows are counted in their own index', () => {
    const page = list(src, { includeTest: true, merchantId: 4 }, { pageIndex: 1, pageSize: 100, withTotals: false })
    const rows = db.$client.prepare(`select count(*) as n from ${table} where tenant_id = 1 and include_test = 1 and merchant_id = 4`).get() as { n: number }
    expect(page.totalItemCount).toBe(rows.n)
  })
})

describe('the day totals’ list-row counts follow the rows', () => {
  it('a new row counts once, a row summed into again does not, a removed row is uncounted', () => {
    const c = db.$client
    const listRows = () => (c.prepare("select list_rows as n from settlement_daily_totals where tenant_id = 3 and include_test = 1 and business_day = 20261120 and currency = 'CNY'").get() as { n: number } | undefined)?.n
    const upsert = c.prepare(
      `insert into settlement_daily_rows (tenant_id, include_test, business_day, contract_id, merchant_id, currency, order_pay, updated_at) values (3, 1, 20261120, ?, 1, 'CNY', 100, 0)
       on conflict (tenant_id, include_test, business_day, merchant_id, contract_id, currency) do update set order_pay = order_pay + excluded.order_pay`
    )
    upsert.run(1)
    expect(listRows()).toBe(1)
    upsert.run(1)
    expect(listRows()).toBe(1)
    upsert.run(2)
    expect(listRows()).toBe(2)
    c.prepare('delete from settlement_daily_rows where tenant_id = 3 and contract_id = 2').run()
    expect(listRows()).toBe(1)
  })
})
