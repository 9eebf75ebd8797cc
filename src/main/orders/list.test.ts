/**
 * The orders list reads one index in page order for every filter, finds a number through the
 * numbers' indexes, and counts from the stored day rows where they count the orders. Checked on
 * SQLite's own query plans, not on timings; and against the list as it was read before (one
 * count(*) and an OFFSET over all the filters, the search an OR of the three numbers), which must
 * give the same totals and the same pages, deep ones included.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { recordingConnection } from '../../../tests/support/recording'
import { openDatabase } from '../db/open'
import { businessDayFn, dayStartMs } from '../ledger/business-day'
import { countOrders, orderList, pageIds, type OrderListFilters } from './list'

const db = openDatabase({ path: ':memory:' })
afterAll(() => db.$client.close())
const ZONE = '+08:00'
const NOW = dayStartMs('2026-11-20', ZONE) + 12 * 3_600_000

/**
 * The connection, recording each statement the list prepares. Statements are kept per connection
 * (reports/page.ts), so each check takes a new one to see every statement its read prepares.
 */
const prepared: string[] = []
const recording = () => recordingConnection(db.$client, prepared)
const sqlite = recording()
const src = { sqlite, tenantId: 1, zone: ZONE }
const fresh = () => ({ ...src, sqlite: recording() })

const STATUSES = ['created', 'pending', 'unknown', 'succeeded', 'failed', 'closed']

/**
 * 600 orders of two tenants over six business days, several per second; the stored day rows as
 * the order engine keeps them (orders/stats.ts: each order in the view with tests, and a live one
 * in the view without). Some unpaid ones are past their expiry; some numbers repeat across columns.
 */
function seed(): void {
  const c = db.$client
  c.pragma('foreign_keys = OFF')
  const dayOf = businessDayFn(ZONE)
  const first = dayStartMs('2026-11-15', ZONE)
  const insert = c.prepare(
    `insert into orders (id, tenant_id, order_no, txn_no, merchant_order_no, upstream_no, direction, merchant_id, contract_id, service_id, channel_id, service_type, currency, amount_minor, fields, status, is_test, expires_at, created_at, updated_at, business_day)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'BANK', 'CNY', 100, '{}', ?, ?, ?, ?, ?, ?)`
  )
  for (let i = 1; i <= 600; i++) {
    const tenant = i % 10 === 0 ? 2 : 1
    const merchant = tenant === 2 ? 9 : (i % 3) + 1
    // Several orders share a second (the id breaks the tie), and the days are uneven.
    const createdAt = first + Math.floor(i / 3) * 2_000_000 + (i % 3 === 0 ? 0 : 500)
    const status = STATUSES[i % 6]
    const expires = status === 'created' || status === 'pending' ? createdAt + (i % 4 === 0 ? 60_000 : 30 * 86_400_000) : null
    // Order 7's merchant order number is order 8's upstream number: a search finds both.
    const merchantOrderNo = i === 7 ? 'UP8' : `M${i}`
    insert.run(i, tenant, `D${i}`, i, merchantOrderNo, i % 5 === 0 ? null : `UP${i}`, i % 4 === 1 ? 'payout' : 'deposit', merchant, merchant, (i % 2) + 1, status, i % 7 === 0 ? 1 : 0, expires, createdAt, createdAt, dayOf(createdAt))
  }
  for (const view of [1, 0]) {
    const live = view === 0 ? 'and is_test = 0' : ''
    // The day totals first: each row then counts itself in its day total (the rows' insert trigger).
    c.exec(`insert into transaction_daily_totals (tenant_id, include_test, business_day, currency, total_count, updated_at)
      select tenant_id, ${view}, business_day, currency, count(*), 0 from orders where 1 ${live} group by tenant_id, business_day, currency`)
    c.exec(`insert into transaction_daily_rows (tenant_id, include_test, business_day, merchant_id, contract_id, currency, total_count, updated_at)
      select tenant_id, ${view}, business_day, merchant_id, contract_id, currency, count(*), 0 from orders where 1 ${live} group by tenant_id, business_day, merchant_id, contract_id, currency`)
  }
}
seed()

/** The list as it was read before: every filter in one where clause, counted, sorted and offset. */
function before(f: OrderListFilters, page: number, pageSize: number): { total: number; ids: number[] } {
  const clauses = ['tenant_id = 1']
  const params: unknown[] = []
  const add = (clause: string, ...values: unknown[]) => (clauses.push(clause), params.push(...values))
  if (f.merchantId !== undefined) add('merchant_id = ?', f.merchantId)
  if (f.orderNo) add('order_no = ?', f.orderNo)
  if (f.merchantOrderNo) add('merchant_order_no = ?', f.merchantOrderNo)
  if (f.upstreamNo) add('upstream_no = ?', f.upstreamNo)
  if (f.search) add('(order_no = ? or merchant_order_no = ? or upstream_no = ?)', f.search, f.search, f.search)
  if (f.channelId) add('channel_id = ?', f.channelId)
  if (f.status) add('status = ?', f.status)
  if (f.direction) add('direction = ?', f.direction)
  if (f.isTest !== undefined) add('is_test = ?', f.isTest ? 1 : 0)
  if (f.dateFrom) add('created_at >= ?', dayStartMs(f.dateFrom, ZONE))
  if (f.dateTo) add('created_at <= ?', dayStartMs(f.dateTo, ZONE, 1) - 1)
  if (f.overdue !== undefined) {
    const overdue = "(status in ('created', 'pending') and expires_at <= ?)"
    add(f.overdue ? overdue : `not coalesce(${overdue}, 0)`, f.now)
  }
  const where = clauses.join(' and ')
  const c = db.$client
  const total = (c.prepare(`select count(*) as n from orders not indexed where ${where}`).get(...params) as { n: number }).n
  const ids = c.prepare(`select id from orders not indexed where ${where} order by created_at desc, id desc limit ? offset ?`).pluck().all(...params, pageSize, (page - 1) * pageSize) as number[]
  return { total, ids }
}

const plan = (text: string) => (db.$client.prepare(`explain query plan ${text}`).all(...Array(text.split('?').length - 1).fill(1)) as { detail: string }[]).map((r) => r.detail).join(' | ')

const day = { dateFrom: '2026-11-17', dateTo: '2026-11-17' }
/** Filters that read their own index (and how: from the index alone, or with the rows for the other filters). */
const RANGES: [string, Omit<OrderListFilters, 'now'>, string, 'covering' | 'index'][] = [
  ['no filter', {}, 'orders_list_created', 'covering'],
  ['a merchant', { merchantId: 2 }, 'orders_list_merchant', 'covering'],
  ['a channel', { channelId: 1 }, 'orders_list_channel', 'covering'],
  ['a status', { status: 'failed' }, 'orders_list_status', 'covering'],
  ['a direction', { direction: 'payout' }, 'orders_list_direction', 'covering'],
  ['test orders', { isTest: true }, 'orders_list_test', 'covering'],
  ['live orders', { isTest: false }, 'orders_list_test', 'covering'],
  ['whole days', { dateFrom: '2026-11-16', dateTo: '2026-11-18' }, 'orders_list_created', 'covering'],
  ['a merchant on one day', { merchantId: 2, ...day }, 'orders_list_merchant', 'covering'],
  ['a merchant’s pending live payouts', { merchantId: 2, status: 'pending', direction: 'payout', isTest: false }, 'orders_list_merchant', 'index'],
  ['not overdue', { overdue: false }, 'orders_list_created', 'index']
]

describe('the orders list’s query plans', () => {
  it.each(RANGES)('%s: a range of one index, in page order, no sort', (_, filters, index, reading) => {
    prepared.length = 0
    const page = orderList(fresh(), { ...filters, now: NOW }, { pageIndex: 2, pageSize: 2, withTotals: false })
    expect(page.items).toHaveLength(2)
    const read = prepared.find((text) => /^select id from orders .*limit \? offset \?$/s.test(text))!
    const readPlan = plan(read)
    expect(readPlan).toContain(`USING ${reading === 'covering' ? 'COVERING ' : ''}INDEX ${index} (tenant_id=?`)
    expect(readPlan).not.toContain('TEMP B-TREE')
    expect(readPlan).not.toMatch(/\bSCAN\b/)
    for (const count of prepared.filter((text) => text.includes('count(*)'))) expect(plan(count)).not.toMatch(/\bSCAN\b/)
  })

  it('a merchant, a status, a direction, the test flag and whole days are counted from the stored day rows, not the orders', () => {
    for (const [filters, table] of [
      [{}, 'transaction_daily_totals'],
      [{ isTest: false }, 'transaction_daily_totals'],
      [{ isTest: true, ...day }, 'transaction_daily_totals'],
      [{ merchantId: 2 }, 'transaction_daily_rows'],
      [{ merchantId: 2, isTest: true, dateFrom: '2026-11-16' }, 'transaction_daily_rows'],
      [{ status: 'failed' }, 'order_status_days'],
      [{ direction: 'payout', isTest: true }, 'order_status_days'],
      [{ status: 'pending', direction: 'payout', isTest: false, dateTo: '2026-11-17' }, 'order_status_days'],
      [{ merchantId: 2, status: 'pending' }, 'order_status_merchant_days'],
      [{ merchantId: 1, direction: 'deposit', ...day }, 'order_status_merchant_days']
    ] as [Omit<OrderListFilters, 'now'>, string][]) {
      prepared.length = 0
      const total = countOrders(fresh(), { ...filters, now: NOW })
      expect(prepared.some((text) => text.includes(`from ${table}`))).toBe(true)
      expect(prepared.some((text) => text.includes('from orders'))).toBe(false)
      expect(total).toBe(before({ ...filters, now: NOW }, 1, 1).total)
      for (const text of prepared) expect(plan(text)).not.toMatch(/\bSCAN\b/)
    }
  })

  it.each([
    ['the search', { search: 'UP8' }],
    ['an order number', { orderNo: 'D8' }],
    ['a merchant order number', { merchantOrderNo: 'M11' }],
    ['an upstream number', { upstreamNo: 'UP11' }],
    ['overdue orders', { overdue: true }]
  ] as [string, Omit<OrderListFilters, 'now'>][])('%s: exact lookups through the numbers’ indexes, only the matches sorted', (_, filters) => {
    prepared.length = 0
    const page = orderList(fresh(), { ...filters, now: NOW }, { pageIndex: 1, pageSize: 20, withTotals: false })
    expect(page.totalItemCount).toBeGreaterThan(0)
    const plans = prepared.filter((text) => text.includes('from orders')).map(plan)
    expect(plans.length).toBeGreaterThan(0)
    for (const p of plans) expect(p).not.toMatch(/\bSCAN\b/)
    if (filters.search) {
      for (const index of ['orders_order_no (order_no=?)', 'orders_merchant_order_lookup (tenant_id=? AND merchant_order_no=?)', 'orders_upstream_no (upstream_no=?)']) expect(plans.join(' | ')).toContain(index)
      expect(plans.join(' | ')).toContain('SEARCH orders USING INTEGER PRIMARY KEY (rowid=?)')
    }
  })

  it('a deep page seeks its day through the stored day rows and steps over one day at most', () => {
    prepared.length = 0
    expect(pageIds(fresh(), { now: NOW }, 250, 5, 100)).toEqual(before({ now: NOW }, 51, 5).ids)
    const read = prepared.find((text) => text.includes('limit ? offset ?'))!
    expect(read).toContain('created_at <= ?')
    expect(prepared.some((text) => text.includes('group by business_day'))).toBe(true)
  })
})

describe('the orders list answers as before', () => {
  const FILTERS: Omit<OrderListFilters, 'now'>[] = [
    ...RANGES.map(([, filters]) => filters),
    { search: 'UP8' },
    { search: 'D8' },
    { search: 'M11', merchantId: 3 },
    { search: 'M11', merchantId: 1 },
    { search: 'nothing' },
    { search: 'M10' },
    { orderNo: 'D9', isTest: false },
    { merchantOrderNo: 'M12' },
    { upstreamNo: 'UP13', status: 'pending' },
    { overdue: true },
    { overdue: true, merchantId: 1 },
    { overdue: false, status: 'created' },
    { isTest: true, merchantId: 3, dateFrom: '2026-11-16' },
    { isTest: false, dateTo: '2026-11-16' },
    { channelId: 2, direction: 'deposit', dateFrom: '2026-11-17', dateTo: '2026-11-19' },
    { dateFrom: '2026-12-01' },
    { merchantId: 9 }
  ]

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('%s: the same total and pages', (_, filters) => {
    const f = { ...filters, now: NOW }
    const expected = before(f, 1, 1000)
    for (const [page, size] of [[1, 20], [2, 7], [3, 50], [40, 7], [1000, 20]]) {
      const got = orderList(src, f, { pageIndex: page, pageSize: size, withTotals: false })
      expect(got.totalItemCount).toBe(expected.total)
      expect(got.items.map((o) => o.id)).toEqual(expected.ids.slice((page - 1) * size, page * size))
    }
    // Every page from a seek (from the first offset) is the same page stepped over.
    for (let offset = 0; offset < expected.total; offset += 37) expect(pageIds(src, f, offset, 9, 0)).toEqual(expected.ids.slice(offset, offset + 9))
  })

  it('the status counts follow every change of an order’s status (the triggers of migration 0012)', () => {
    const c = db.$client
    const saved = c.prepare('select id, status from orders').all() as { id: number; status: string }[]
    try {
      c.prepare("update orders set status = 'failed' where id % 11 = 0").run()
      c.prepare("update orders set status = 'succeeded', updated_at = updated_at + 1 where status = 'pending' and id % 2 = 1").run()
      c.prepare('update orders set updated_at = updated_at + 1 where id % 5 = 0').run()
      for (const filters of [{ status: 'failed' }, { status: 'pending' }, { status: 'succeeded', isTest: true }, { merchantId: 1, status: 'failed', isTest: false }, { direction: 'payout', status: 'succeeded', dateFrom: '2026-11-17' }] as Omit<OrderListFilters, 'now'>[]) {
        const f = { ...filters, now: NOW }
        const expected = before(f, 1, 1000)
        expect(countOrders(src, f)).toBe(expected.total)
        for (let offset = 0; offset < expected.total; offset += 13) expect(pageIds(src, f, offset, 5, 0)).toEqual(expected.ids.slice(offset, offset + 5))
      }
    } finally {
      const restore = c.prepare('update orders set status = ? where id = ?')
      for (const row of saved) restore.run(row.status, row.id)
    }
    expect(countOrders(src, { status: 'failed', now: NOW })).toBe(before({ status: 'failed', now: NOW }, 1, 1).total)
  })

  it('another tenant’s orders are never listed or counted', () => {
    const all = orderList({ ...src, tenantId: 2 }, { now: NOW }, { pageIndex: 1, pageSize: 100, withTotals: false })
    expect(all.totalItemCount).toBe(60)
    expect(all.items.every((o) => o.merchantId === 9)).toBe(true)
    expect(orderList(src, { merchantId: 9, now: NOW }, { pageIndex: 1, pageSize: 1, withTotals: false }).totalItemCount).toBe(0)
  })
})
