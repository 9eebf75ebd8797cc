/**
 * Migration 0013 moves data: it counts the outbox rows already stored per tenant, merchant (of the
 * row's order), operation and status into `outbox_counts`, then keeps the counts with triggers on
 * `outbox`. The outbox list shows these totals instead of counting the rows, so they must equal what
 * counting the rows gives: after the backfill, after the rest of the chain, and after rows are
 * queued, move through their statuses, move to another order or operation, or are deleted.
 */
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrationSteps, type MigrationSteps } from './chain'
import { insertMasterData, insertOrder, MERCHANTS, OUTBOX_OPERATIONS, OUTBOX_STATUSES, type Merchant } from './old-shape'

const BEFORE = '0012_order_status_days'
const UNDER_TEST = '0013_outbox_counts'
const QUEUED_AT = Date.UTC(2026, 10, 20, 3)

type Operation = (typeof OUTBOX_OPERATIONS)[number]
type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** Three deposits and three payouts per merchant, over three days, one of them a test order. */
function insertOrders(db: Database.Database): Map<number, { deposits: number[]; payouts: number[] }> {
  const byMerchant = new Map<number, { deposits: number[]; payouts: number[] }>()
  for (const merchant of MERCHANTS) {
    const ids = { deposits: [] as number[], payouts: [] as number[] }
    for (let k = 0; k < 3; k++) {
      const day = 20261118 + k
      ids.deposits.push(insertOrder(db, { merchant, day, direction: 'deposit', status: (['succeeded', 'pending', 'unknown'] as const)[k], isTest: k === 2 }))
      ids.payouts.push(insertOrder(db, { merchant, day, direction: 'payout', status: (['succeeded', 'pending', 'failed'] as const)[k], isTest: false }))
    }
    byMerchant.set(merchant.id, ids)
  }
  return byMerchant
}

let key = 0
function queue(db: Database.Database, orderId: number, operation: Operation, status: OutboxStatus): number {
  key += 1
  const attempts = status === 'pending' ? 0 : status === 'gave_up' ? 8 : 1
  return Number(
    db
      .prepare(
        `INSERT INTO outbox (order_id, operation, idempotency_key, status, attempts, next_attempt_at, last_error, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(orderId, operation, `${operation}-${orderId}-${key}`, status, attempts, QUEUED_AT + attempts * 60_000, status === 'gave_up' ? 'HTTP 502 from provider' : null, QUEUED_AT, QUEUED_AT + key)
      .lastInsertRowid
  )
}

/** Every operation and status, 0 to 2 rows each per merchant (never 0 for all three), on orders of the operation's direction. */
function insertOutbox(db: Database.Database, orders: Map<number, { deposits: number[]; payouts: number[] }>): number {
  let rows = 0
  MERCHANTS.forEach((merchant: Merchant, m) =>
    OUTBOX_OPERATIONS.forEach((operation, o) =>
      OUTBOX_STATUSES.forEach((status, s) => {
        const ids = orders.get(merchant.id)!
        for (let i = 0; i < (m + o + s) % 3; i++) {
          const onPayout = operation === 'send_payout' || ((operation === 'query' || operation === 'notify') && (s + i) % 2 === 1)
          queue(db, (onPayout ? ids.payouts : ids.deposits)[(o + i) % 3], operation, status)
          rows += 1
        }
      })
    )
  )
  return rows
}

interface OutboxCount {
  tenant: number
  merchant: number
  op: string
  state: string
  n: number
}

function storedCounts(db: Database.Database): OutboxCount[] {
  // A status every row left keeps its row at 0: the list shows it as none.
  return db
    .prepare(
      `SELECT tenant_id AS tenant, merchant_id AS merchant, operation AS op, status AS state, item_count AS n
       FROM outbox_counts WHERE item_count <> 0 ORDER BY tenant, merchant, op, state`
    )
    .all() as OutboxCount[]
}

function countedFromOutbox(db: Database.Database): OutboxCount[] {
  return db
    .prepare(
      `SELECT o.tenant_id AS tenant, o.merchant_id AS merchant, x.operation AS op, x.status AS state, count(*) AS n
       FROM outbox x JOIN orders o ON o.id = x.order_id
       GROUP BY tenant, merchant, op, state ORDER BY tenant, merchant, op, state`
    )
    .all() as OutboxCount[]
}

/** `floor` 1: every stored row counts an outbox row (a backfill); 0: rows left at zero by the triggers are fine, below is not. */
function expectCountsOfTheOutbox(db: Database.Database, floor: 0 | 1): void {
  const stored = storedCounts(db)
  expect(stored.length).toBeGreaterThan(0)
  expect(stored).toEqual(countedFromOutbox(db))
  expect(db.prepare('SELECT count(*) FROM outbox_counts WHERE item_count < ?').pluck().get(floor), `outbox_counts rows below ${floor}`).toBe(0)
  expect(db.prepare('SELECT sum(item_count) FROM outbox_counts').pluck().get()).toBe(db.prepare('SELECT count(*) FROM outbox').pluck().get())
}

const idOf = (db: Database.Database, where: string): number => {
  const id = db.prepare(`SELECT x.id FROM outbox x JOIN orders o ON o.id = x.order_id WHERE ${where} ORDER BY x.id LIMIT 1`).pluck().get() as number | undefined
  if (id === undefined) throw new Error(`The fixture has no outbox row where ${where}`)
  return id
}

let steps: MigrationSteps | null = null
afterEach(() => {
  steps?.remove()
  steps = null
})

describe('migration 0013: outbox counts per tenant, merchant, operation and status', () => {
  it('backfills the counts from the stored outbox rows, and its triggers keep them equal to the rows', () => {
    steps = migrationSteps()

    // The shape before 0013: no counts and no triggers on the outbox, so the counts below come from the backfill.
    const old = steps.migrateTo(BEFORE)
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'outbox_counts' OR (type = 'trigger' AND tbl_name = 'outbox')").pluck().get()).toBe(0)
    insertMasterData(old)
    const queued = old.transaction(() => insertOutbox(old, insertOrders(old)))()
    // Every operation in every status, for both tenants and all merchants.
    expect(old.prepare('SELECT count(*) FROM (SELECT DISTINCT operation, status FROM outbox)').pluck().get()).toBe(OUTBOX_OPERATIONS.length * OUTBOX_STATUSES.length)
    expect(old.prepare('SELECT count(DISTINCT o.merchant_id) AS merchants, count(DISTINCT o.tenant_id) AS tenants FROM outbox x JOIN orders o ON o.id = x.order_id').get()).toEqual({ merchants: 3, tenants: 2 })
    old.close()

    const migrated = steps.migrateTo(UNDER_TEST)
    expectCountsOfTheOutbox(migrated, 1)
    expect(migrated.prepare('SELECT sum(item_count) FROM outbox_counts').pluck().get()).toBe(queued)
    const backfilled = storedCounts(migrated)
    migrated.close()

    // The rest of the chain leaves the counts as they were.
    const db = steps.migrateTo()
    expect(storedCounts(db)).toEqual(backfilled)

    // What the order engine, the refund sender and the notifier do to the outbox afterwards.
    db.transaction(() => {
      const [tea, cycles] = MERCHANTS
      const update = (set: string, id: number) => db.prepare(`UPDATE outbox SET ${set}, updated_at = updated_at + 1 WHERE id = ?`).run(id)
      // A new deposit is queued for sending.
      const deposit = insertOrder(db, { merchant: cycles, day: 20261121, direction: 'deposit', status: 'created', isTest: false })
      queue(db, deposit, 'send_deposit', 'pending')
      // A payout is claimed and sent.
      const payout = idOf(db, `o.merchant_id = ${tea.id} AND x.operation = 'send_payout' AND x.status = 'pending'`)
      update("status = 'in_flight', attempts = attempts + 1", payout)
      update("status = 'done'", payout)
      // A query times out and waits for its next attempt; a refund gives up.
      update("status = 'pending', last_error = 'timeout', next_attempt_at = next_attempt_at + 60000", idOf(db, "x.operation = 'query' AND x.status = 'in_flight'"))
      update("status = 'gave_up', last_error = 'HTTP 502 from provider'", idOf(db, "x.operation = 'send_refund' AND x.status = 'in_flight' AND o.tenant_id = 2"))
      // The notifier delivers every pending notification in one statement (their counts drop to zero).
      expect(db.prepare("UPDATE outbox SET status = 'done' WHERE operation = 'notify' AND status = 'pending'").run().changes).toBeGreaterThan(1)
      // A row moves to another merchant's order, another to another operation (corrections by hand).
      const cyclesDeposit = db.prepare("SELECT id FROM orders WHERE merchant_id = ? AND direction = 'deposit' ORDER BY id LIMIT 1").pluck().get(cycles.id) as number
      update(`order_id = ${cyclesDeposit}`, idOf(db, `o.merchant_id = ${tea.id} AND x.operation = 'query'`))
      update("operation = 'query_refund'", idOf(db, "x.operation = 'query' AND x.status = 'pending' AND o.tenant_id = 2"))
      // Columns that are not counted change nothing.
      expect(db.prepare("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = next_attempt_at + 60000, last_error = 'connection reset' WHERE status = 'pending'").run().changes).toBeGreaterThan(0)
      // Housekeeping deletes a tenant's finished rows and one that gave up.
      expect(db.prepare("DELETE FROM outbox WHERE status = 'done' AND order_id IN (SELECT id FROM orders WHERE tenant_id = 2)").run().changes).toBeGreaterThan(1)
      db.prepare('DELETE FROM outbox WHERE id = ?').run(idOf(db, "x.status = 'gave_up' AND o.tenant_id = 1"))
    })()
    expectCountsOfTheOutbox(db, 0)
    db.close()
  })
})
