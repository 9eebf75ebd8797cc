/**
 * Migration 0012 moves data: it counts the orders already stored per tenant, business day,
 * direction and status into `order_status_days` (all merchants) and `order_status_merchant_days`
 * (per merchant), each in the view with test orders (`include_test = 1`) and the view without them
 * (0), then keeps the counts with triggers on `orders`. The orders list shows these counts, so they
 * must equal what counting the orders themselves gives: after the backfill, after the rest of the
 * chain, and after orders are added, change status, test flag or day, or are deleted.
 */
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrationSteps, type MigrationSteps } from './chain'
import { DIRECTIONS, insertMasterData, insertOrder, MERCHANTS, ORDER_STATUSES, type OrderSpec } from './old-shape'

const BEFORE = '0011_orders_list_indexes'
const UNDER_TEST = '0012_order_status_days'
const DAYS = [20261118, 20261119, 20261120]

/** Every merchant, day, direction, status and test flag, 0 to 3 orders each (never 0 for all three merchants). */
function oldOrders(): OrderSpec[] {
  const specs: OrderSpec[] = []
  MERCHANTS.forEach((merchant, m) =>
    DAYS.forEach((day, d) =>
      DIRECTIONS.forEach((direction, r) =>
        ORDER_STATUSES.forEach((status, s) =>
          [false, true].forEach((isTest, t) => {
            const n = (m + d * 2 + r * 3 + s * 5 + t * 7) % 4
            for (let i = 0; i < n; i++) specs.push({ merchant, day, direction, status, isTest })
          })
        )
      )
    )
  )
  return specs
}

interface StatusCount {
  tenant: number
  merchant?: number
  view: number
  day: number
  direction: string
  status: string
  n: number
}

function storedCounts(db: Database.Database, perMerchant: boolean): StatusCount[] {
  const merchant = perMerchant ? 'merchant_id AS merchant, ' : ''
  const table = perMerchant ? 'order_status_merchant_days' : 'order_status_days'
  // A status an order left keeps its row at 0: the list shows no such status, like a count of none.
  return db
    .prepare(
      `SELECT tenant_id AS tenant, ${merchant}include_test AS view, business_day AS day, direction, status, order_count AS n
       FROM ${table} WHERE order_count <> 0
       ORDER BY tenant, ${perMerchant ? 'merchant, ' : ''}view, day, direction, status`
    )
    .all() as StatusCount[]
}

/** The same counts from the orders: view 1 counts every order, view 0 the orders that are not tests. */
function countedFromOrders(db: Database.Database, perMerchant: boolean): StatusCount[] {
  const merchant = perMerchant ? 'o.merchant_id AS merchant, ' : ''
  const order = `tenant, ${perMerchant ? 'merchant, ' : ''}view, day, direction, status`
  return db
    .prepare(
      `SELECT o.tenant_id AS tenant, ${merchant}v.include_test AS view, o.business_day AS day, o.direction, o.status, count(*) AS n
       FROM orders o JOIN (SELECT 1 AS include_test UNION ALL SELECT 0) v ON v.include_test = 1 OR o.is_test = 0
       GROUP BY ${order} ORDER BY ${order}`
    )
    .all() as StatusCount[]
}

/** `floor` 1: every stored row counts an order (a backfill); 0: rows left at zero by the triggers are fine, below is not. */
function expectCountsOfTheOrders(db: Database.Database, floor: 0 | 1): void {
  for (const perMerchant of [false, true]) {
    const stored = storedCounts(db, perMerchant)
    expect(stored.length).toBeGreaterThan(0)
    expect(stored, perMerchant ? 'order_status_merchant_days' : 'order_status_days').toEqual(countedFromOrders(db, perMerchant))
    const table = perMerchant ? 'order_status_merchant_days' : 'order_status_days'
    expect(db.prepare(`SELECT count(*) FROM ${table} WHERE order_count < ?`).pluck().get(floor), `${table} rows below ${floor}`).toBe(0)
  }
}

function viewTotals(db: Database.Database): { view: number; n: number }[] {
  return db.prepare('SELECT include_test AS view, sum(order_count) AS n FROM order_status_days GROUP BY include_test ORDER BY include_test').all() as { view: number; n: number }[]
}

const idOf = (db: Database.Database, where: string): number => {
  const id = db.prepare(`SELECT id FROM orders WHERE ${where} ORDER BY id LIMIT 1`).pluck().get() as number | undefined
  if (id === undefined) throw new Error(`The fixture has no order where ${where}`)
  return id
}

let steps: MigrationSteps | null = null
afterEach(() => {
  steps?.remove()
  steps = null
})

describe('migration 0012: order counts per business day, direction and status', () => {
  it('backfills both tables in both views from the stored orders, and its triggers keep them equal to the orders', () => {
    steps = migrationSteps()

    // The shape before 0012: no count tables and no triggers, so the counts below come from the backfill.
    const old = steps.migrateTo(BEFORE)
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'order_status%' OR type = 'trigger'").pluck().get()).toBe(0)
    insertMasterData(old)
    const specs = oldOrders()
    old.transaction(() => {
      for (const spec of specs) insertOrder(old, spec)
    })()
    // Every day, direction, status and test flag is there, for both tenants and all merchants.
    expect(old.prepare('SELECT count(*) FROM (SELECT DISTINCT business_day, direction, status, is_test FROM orders)').pluck().get()).toBe(DAYS.length * 2 * 6 * 2)
    expect(old.prepare('SELECT count(DISTINCT merchant_id) AS merchants, count(DISTINCT tenant_id) AS tenants FROM orders').get()).toEqual({ merchants: 3, tenants: 2 })
    old.close()

    const migrated = steps.migrateTo(UNDER_TEST)
    expectCountsOfTheOrders(migrated, 1)
    // Test orders are in view 1 only.
    const backfilled = viewTotals(migrated)
    expect(backfilled).toEqual([
      { view: 0, n: specs.filter((s) => !s.isTest).length },
      { view: 1, n: specs.length }
    ])
    const perDay = storedCounts(migrated, false)
    const perMerchant = storedCounts(migrated, true)
    migrated.close()

    // The rest of the chain leaves the counts as they were.
    const db = steps.migrateTo()
    expect(storedCounts(db, false)).toEqual(perDay)
    expect(storedCounts(db, true)).toEqual(perMerchant)

    // What the app and its loops do to orders afterwards; the triggers keep every count.
    db.transaction(() => {
      const [tea, cycles, books] = MERCHANTS
      insertOrder(db, { merchant: cycles, day: 20261121, direction: 'deposit', status: 'created', isTest: false })
      insertOrder(db, { merchant: cycles, day: 20261121, direction: 'payout', status: 'pending', isTest: true })
      insertOrder(db, { merchant: tea, day: 20261120, direction: 'deposit', status: 'succeeded', isTest: false })
      insertOrder(db, { merchant: books, day: 20261119, direction: 'payout', status: 'failed', isTest: true })
      const update = (set: string, id: number) => db.prepare(`UPDATE orders SET ${set}, updated_at = updated_at + 1 WHERE id = ?`).run(id)
      // A deposit is paid; a test payout goes created → pending → failed.
      update("status = 'succeeded', paid_minor = amount_minor", idOf(db, "status = 'pending' AND direction = 'deposit' AND is_test = 0"))
      const testPayout = idOf(db, "status = 'created' AND direction = 'payout' AND is_test = 1")
      update("status = 'pending'", testPayout)
      update("status = 'failed'", testPayout)
      // A query settles an unknown result.
      update("status = 'succeeded'", idOf(db, "status = 'unknown' AND tenant_id = 2"))
      // The test flag and the business day change (a correction by hand).
      update('is_test = 0', idOf(db, "is_test = 1 AND status = 'succeeded'"))
      update('is_test = 1', idOf(db, "is_test = 0 AND status = 'closed'"))
      update('business_day = 20261121', idOf(db, "business_day = 20261118 AND status = 'succeeded' AND is_test = 0"))
      // Expiry closes a day's created deposits in one statement (some groups drop to zero).
      expect(db.prepare("UPDATE orders SET status = 'closed' WHERE status = 'created' AND direction = 'deposit' AND business_day = 20261119").run().changes).toBeGreaterThan(1)
      // Columns that are not counted change nothing.
      expect(db.prepare("UPDATE orders SET updated_at = updated_at + 5, upstream_no = 'UP' || id WHERE merchant_id = 11").run().changes).toBeGreaterThan(0)
      // An order with nothing hanging from it is deleted, a test one and a real one.
      expect(db.prepare('DELETE FROM orders WHERE id IN (?, ?)').run(idOf(db, "is_test = 1 AND status = 'failed'"), idOf(db, "is_test = 0 AND status = 'pending'")).changes).toBe(2)
    })()
    expectCountsOfTheOrders(db, 0)
    const orders = db.prepare('SELECT sum(is_test = 0) AS real, count(*) AS every FROM orders').get() as { real: number; every: number }
    expect(viewTotals(db)).toEqual([
      { view: 0, n: orders.real },
      { view: 1, n: orders.every }
    ])
    expect(orders.every).toBe(specs.length + 4 - 2)
    db.close()
  })
})
