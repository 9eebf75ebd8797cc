/**
 * The outbox list's totals come from `outbox_counts` (kept by the triggers of migration 0013, through
 * inserts and status changes), its pages read the outbox newest first with no sort; the answers are
 * those of the list as it was read before (a count and an OFFSET over outbox ⋈ orders).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { recordingConnection } from '../../../tests/support/recording'
import { openDatabase } from '../db/open'
import { countOutbox, outboxList, outboxPageIds, type OutboxListFilters } from './outbox-list'

const db = openDatabase({ path: ':memory:' })
afterAll(() => db.$client.close())
const c = db.$client
const src = { sqlite: c, tenantId: 1, zone: '+08:00' }

const OPERATIONS = ['send_deposit', 'send_payout', 'query', 'notify'] as const
const STATUSES = ['pending', 'in_flight', 'done', 'gave_up'] as const

/** 40 orders of two tenants and three merchants, 300 outbox rows over them. */
function seed(): void {
  c.pragma('foreign_keys = OFF')
  const order = c.prepare(
    `insert into orders (id, tenant_id, order_no, txn_no, merchant_order_no, direction, merchant_id, contract_id, service_id, channel_id, service_type, currency, amount_minor, fields, status, created_at, updated_at, business_day)
     values (?, ?, ?, ?, ?, 'deposit', ?, 1, 1, 1, 'BANK', 'CNY', 100, '{}', 'pending', ?, ?, 20261120)`
  )
  for (let i = 1; i <= 40; i++) order.run(i, i % 8 === 0 ? 2 : 1, `D${i}`, i, `M${i}`, i % 8 === 0 ? 9 : (i % 3) + 1, i, i)
  const item = c.prepare(`insert into outbox (order_id, operation, idempotency_key, status, next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, 0, ?, ?)`)
  for (let i = 1; i <= 300; i++) item.run((i % 40) + 1, OPERATIONS[i % 4], `k${i}`, STATUSES[(i * 7) % 4], i, i)
}
seed()

/** The list as it was read before: counted and offset over outbox ⋈ orders. */
function before(f: OutboxListFilters): number[] {
  const where = ['o.tenant_id = 1', f.merchantId ? `o.merchant_id = ${f.merchantId}` : '', f.status ? `x.status = '${f.status}'` : '', f.operation ? `x.operation = '${f.operation}'` : ''].filter(Boolean).join(' and ')
  return c.prepare(`select x.id from outbox x join orders o on o.id = x.order_id where ${where} order by x.id desc`).pluck().all() as number[]
}

const plan = (text: string) => (c.prepare(`explain query plan ${text}`).all(...Array(text.split('?').length - 1).fill(1)) as { detail: string }[]).map((r) => r.detail).join(' | ')

const FILTERS: OutboxListFilters[] = [{}, { status: 'pending' }, { status: 'done', operation: 'notify' }, { operation: 'query' }, { merchantId: 2 }, { merchantId: 3, status: 'gave_up' }, { merchantId: 9 }]

describe('the outbox list', () => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('%s: the same total and pages as before, through status changes', (_, f) => {
    const check = () => {
      const expected = before(f)
      expect(countOutbox(src, f)).toBe(expected.length)
      for (const [page, size] of [[1, 20], [2, 7], [5, 9], [100, 20]]) {
        const got = outboxList(src, f, { pageIndex: page, pageSize: size, withTotals: false })
        expect(got.totalItemCount).toBe(expected.length)
        expect(got.items.map((i) => i.id)).toEqual(expected.slice((page - 1) * size, page * size))
        expect(got.items.every((i) => i.orderNo === `D${i.orderId}`)).toBe(true)
      }
    }
    check()
    const saved = c.prepare('select id, status from outbox').all() as { id: number; status: string }[]
    try {
      c.prepare("update outbox set status = 'done' where id % 5 = 0").run()
      c.prepare("update outbox set status = 'gave_up', attempts = attempts + 1 where status = 'pending' and id % 2 = 1").run()
      c.prepare("insert into outbox (order_id, operation, idempotency_key, status, next_attempt_at, created_at, updated_at) values (5, 'notify', 'extra', 'pending', 0, 0, 0)").run()
      check()
    } finally {
      c.prepare("delete from outbox where idempotency_key = 'extra'").run()
      const restore = c.prepare('update outbox set status = ? where id = ?')
      for (const row of saved) restore.run(row.status, row.id)
    }
    check()
  })

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('%s: the page reads the outbox newest first, each order by its key, no sort', (_, f) => {
    const prepared: string[] = []
    const recording = recordingConnection(c, prepared)
    expect(outboxPageIds({ ...src, sqlite: recording }, f, 0, 3)).toEqual(before(f).slice(0, 3))
    const pagePlan = plan(prepared.find((text) => text.includes('limit ? offset ?'))!)
    expect(pagePlan).not.toContain('TEMP B-TREE')
    expect(pagePlan).toContain('SEARCH o USING INTEGER PRIMARY KEY (rowid=?)')
    if (f.status || f.operation) expect(pagePlan).toContain(`SEARCH x USING INDEX outbox_list_${f.status ? 'status' : 'operation'}`)
  })
})
