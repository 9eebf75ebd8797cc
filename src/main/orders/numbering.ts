/**
 * Order numbers. The transaction number is the business day × 10^7 + that day's sequence
 * (e.g. 202611220000042): numeric as the report API's txnId, sortable, unique, and within
 * JavaScript's safe integers. The order number is `D` or `P` followed by it.
 */
import { sql } from 'drizzle-orm'
import type { Tx } from '../db/transaction'

export const DAILY_CAPACITY = 10_000_000

/** The shape of what `nextOrderNumbers` makes: `D` or `P` and the 15 digits of the day (8) and its sequence (7). */
export const ORDER_NO_SHAPE = /^[DP]\d{15}$/

export function nextOrderNumbers(tx: Tx, businessDay: number, direction: 'deposit' | 'payout'): { txnNo: number; orderNo: string } {
  const txnNo = nextTxnNo(tx, businessDay)
  return { txnNo, orderNo: `${direction === 'deposit' ? 'D' : 'P'}${txnNo}` }
}

/** The next transaction number of the day, shared by orders, withdrawals and adjustments. */
export function nextTxnNo(tx: Tx, businessDay: number): number {
  const row = tx.get<{ last: number }>(
    sql`insert into order_sequences (business_day, last) values (${businessDay}, 1)
        on conflict (business_day) do update set last = last + 1 returning last`
  )
  if (row.last >= DAILY_CAPACITY) throw new Error(`More than ${DAILY_CAPACITY - 1} orders on business day ${businessDay}`)
  return businessDay * DAILY_CAPACITY + row.last
}
