/**
 * Changing the tenant's business time zone (Settings): the zone days are cut in. Orders and ledger
 * entries keep their instants and amounts; what moves is the business day each belongs to, and
 * with it every stored row kept per day. In the caller's transaction, all at once:
 *
 * - each order whose creation day differs in the new zone gets its new `business_day`; the
 *   orders list's per-day status counts follow by their triggers (migration 0012), and its
 *   transaction report rows are taken off its old day's row and added to its new day's;
 * - each ledger entry likewise, and the settlement report's rows and day totals are rebuilt from
 *   the entries (the same query `verify` compares them with);
 * - the tenant's zone is set, so postings and orders from then on are cut in it.
 *
 * Order and withdrawal numbers, which carry the day they were made on, are names and stay.
 */
import Decimal from 'decimal.js'
import type Database from 'better-sqlite3'
import { fromMinor, roundToMinor } from '../../shared/money'
import { businessDaySql } from '../ledger/business-day'
import { rebuildSettlementRows } from '../ledger/settlement-rows'

export interface ZoneChange {
  /** Ledger entries now on another business day. */
  entriesMoved: number
  /** Orders now on another business day. */
  ordersMoved: number
}

interface MovedOrder {
  id: number
  orderNo: string
  oldDay: number
  newDay: number
  direction: 'deposit' | 'payout'
  status: string
  contractId: number
  merchantId: number
  currency: string
  isTest: number
  amountMinor: number
  paidMinor: number | null
  feeMinor: number
  fxReferenceRate: string | null
}

/** What an order counts in the transaction report's row of its day (orders/stats.ts, orders/outcome.ts). */
interface Counted {
  total: number
  success: number
  transactionMinor: number
  settleMinor: number
}

/** The SQL function the updates below compute a row's day in a named zone with (this connection only). */
const DAY_FUNCTION = 'paydesk_business_day'

/**
 * What a succeeded deposit settled to the merchant in its own currency, as it was counted when it
 * succeeded: its paid posting's merchant entries (available and reserve: paid − spread − fees), at
 * the order's fixed reference rate for an FX order. The contract's fees may have changed since, so
 * they are read from the books, not recomputed. One statement for every order: prepared per order,
 * it made a zone change over 1.2 M orders (398,660 moved) take 35 s instead of 27.
 */
function countedReader(sqlite: Database.Database, tenantId: number): (order: MovedOrder) => Counted {
  const settledOf = sqlite.prepare(
    `select e.currency, sum(e.amount) as settled from ledger_postings p join ledger_entries e on e.posting_id = p.id
     where p.tenant_id = ? and p.idempotency_key = ? and e.account_kind in ('merchant_available', 'merchant_reserve') group by e.currency`
  )
  const depositSettled = (order: MovedOrder): number => {
    const row = settledOf.get(tenantId, `order:${order.orderNo}:paid`) as { currency: string; settled: number } | undefined
    if (!row) return 0
    if (!order.fxReferenceRate || row.currency === order.currency) return row.settled
    return roundToMinor(new Decimal(fromMinor(row.settled, row.currency)).dividedBy(order.fxReferenceRate), order.currency)
  }
  return (order) => {
    if (order.status !== 'succeeded') return { total: 1, success: 0, transactionMinor: 0, settleMinor: 0 }
    if (order.direction === 'payout') return { total: 1, success: 1, transactionMinor: order.amountMinor, settleMinor: order.amountMinor + order.feeMinor }
    return { total: 1, success: 1, transactionMinor: order.paidMinor ?? order.amountMinor, settleMinor: depositSettled(order) }
  }
}

/** Counts to add to a stored row: its key's values, then its four sums. */
type Delta = [key: unknown[], total: number, success: number, transactionMinor: number, settleMinor: number]

/**
 * The transaction report's rows and day totals, moved: each order's counts are taken off its old
 * day's row and total and added to its new day's, in each view it counts in, summed per row and
 * written once per row (`write`). Written per order, eight upserts each, they were a third of a
 * zone change over 1.2 M orders; summed they are one per row a moved order touches. Sums of
 * integers, so the stored figures are the same.
 */
function transactionRowsMover(sqlite: Database.Database, tenantId: number, now: number) {
  const addRow = sqlite.prepare(
    `insert into transaction_daily_rows (tenant_id, include_test, business_day, merchant_id, contract_id, currency, total_count, success_count, transaction_minor, settle_minor, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (tenant_id, include_test, business_day, merchant_id, contract_id, currency) do update set total_count = total_count + excluded.total_count,
       success_count = success_count + excluded.success_count, transaction_minor = transaction_minor + excluded.transaction_minor,
       settle_minor = settle_minor + excluded.settle_minor, updated_at = excluded.updated_at`
  )
  const addTotal = sqlite.prepare(
    `insert into transaction_daily_totals (tenant_id, include_test, business_day, currency, total_count, success_count, transaction_minor, settle_minor, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (tenant_id, include_test, business_day, currency) do update set total_count = total_count + excluded.total_count,
       success_count = success_count + excluded.success_count, transaction_minor = transaction_minor + excluded.transaction_minor,
       settle_minor = settle_minor + excluded.settle_minor, updated_at = excluded.updated_at`
  )
  const rows = new Map<string, Delta>()
  const totals = new Map<string, Delta>()
  const sum = (deltas: Map<string, Delta>, key: unknown[], c: Counted, sign: 1 | -1) => {
    const id = key.join('|')
    const delta = deltas.get(id) ?? [key, 0, 0, 0, 0]
    delta[1] += sign * c.total
    delta[2] += sign * c.success
    delta[3] += sign * c.transactionMinor
    delta[4] += sign * c.settleMinor
    deltas.set(id, delta)
  }
  return {
    /** Adds (sign 1) or takes off (sign −1) an order's counts in its day's row and total, in each view it counts in. */
    add(order: MovedOrder, day: number, c: Counted, sign: 1 | -1): void {
      for (const view of order.isTest ? [1] : [1, 0]) {
        sum(rows, [view, day, order.merchantId, order.contractId, order.currency], c, sign)
        sum(totals, [view, day, order.currency], c, sign)
      }
    },
    write(): void {
      // The rows first: a row's insert counts itself in its day total's list_rows (migration 0014).
      for (const [key, ...sums] of rows.values()) addRow.run(tenantId, ...key, ...sums, now)
      for (const [key, ...sums] of totals.values()) addTotal.run(tenantId, ...key, ...sums, now)
    }
  }
}

/**
 * Moves every order and ledger entry of the tenant to its business day in `zone` and rebuilds the
 * stored daily rows; sets the zone. Run inside the caller's (immediate) transaction on `sqlite`.
 */
export function applyBusinessZone(sqlite: Database.Database, tenantId: number, zone: string, now: number): ZoneChange {
  const day = businessDaySql(sqlite, zone, 'created_at', DAY_FUNCTION)

  const moved = sqlite
    .prepare(
      `select id, order_no as orderNo, business_day as oldDay, ${day} as newDay, direction, status, contract_id as contractId,
         merchant_id as merchantId, currency, is_test as isTest, amount_minor as amountMinor, paid_minor as paidMinor, fee_minor as feeMinor,
         fx_reference_rate as fxReferenceRate
       from orders where tenant_id = ? and business_day != ${day}`
    )
    .all(tenantId) as MovedOrder[]
  const reports = transactionRowsMover(sqlite, tenantId, now)
  const countedOf = countedReader(sqlite, tenantId)
  const setDay = sqlite.prepare('update orders set business_day = ? where id = ?')
  for (const order of moved) {
    const counted = countedOf(order)
    reports.add(order, order.oldDay, counted, -1)
    reports.add(order, order.newDay, counted, 1)
    setDay.run(order.newDay, order.id)
  }
  reports.write()
  // Days left with no order: their rows go (the delete trigger uncounts each from its day total).
  // Only rows with nothing left at all: one with an amount but no order would be drift to see.
  const empty = 'total_count = 0 and success_count = 0 and transaction_minor = 0 and settle_minor = 0'
  sqlite.prepare(`delete from transaction_daily_rows where tenant_id = ? and ${empty}`).run(tenantId)
  sqlite.prepare(`delete from transaction_daily_totals where tenant_id = ? and ${empty} and list_rows = 0`).run(tenantId)
  sqlite.prepare('delete from order_status_days where tenant_id = ? and order_count = 0').run(tenantId)
  sqlite.prepare('delete from order_status_merchant_days where tenant_id = ? and order_count = 0').run(tenantId)

  const entriesMoved = sqlite.prepare(`update ledger_entries set business_day = ${day} where tenant_id = ? and business_day != ${day}`).run(tenantId).changes
  if (entriesMoved > 0) rebuildSettlementRows(sqlite, now)

  sqlite.prepare('update tenants set time_zone = ? where id = ?').run(zone, tenantId)
  return { entriesMoved, ordersMoved: moved.length }
}
