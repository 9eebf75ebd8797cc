/** What withdrawals and adjustment requests share: numbers, the business day, maker-checker, balances. */
import { fromMinor } from '../../shared/money'
import type { Tx } from '../db/transaction'
import type { Actor } from '../core/context'
import { moneyText } from '../../shared/money-text'
import { say, type ServerText } from '../../shared/server-text'
import { forbidden } from '../core/errors'
import type { Ledger } from '../ledger/ledger'
import { businessDayFn, dayText } from '../ledger/business-day'
import { nextTxnNo } from '../orders/numbering'
import { tenantZone } from '../core/tenant'

export interface CaseNumber {
  txnNo: number
  /** `yyyy-mm-dd`: the business day, for picking the contract valid on it. */
  day: string
}

/** A new transaction number on today's business day (shared with orders, so txn ids never collide). */
export function nextCaseNumber(tx: Tx, tenantId: number, now: number): CaseNumber {
  const businessDay = businessDayFn(tenantZone(tx, tenantId))(now)
  return { txnNo: nextTxnNo(tx, businessDay), day: dayText(businessDay) }
}

/** Maker-checker: whoever requested a case may not review or complete it. */
export function assertNotRequester(actor: Actor, requestedBy: number, refusal: ServerText, code: string): void {
  if (actor.userId === requestedBy) {
    throw forbidden(refusal, code)
  }
}

/** The merchant's available (posted less held), held and reserve balances in one currency. */
export function merchantBalance(ledger: Ledger, merchantId: number, currency: string) {
  const available = ledger.balance({ kind: 'merchant_available', merchantId, currency })
  const reserve = ledger.balance({ kind: 'merchant_reserve', merchantId, currency })
  return {
    currency,
    available: fromMinor(available.available, currency),
    held: fromMinor(available.heldOut, currency),
    reserve: fromMinor(reserve.posted, currency)
  }
}


/**
 * Why money held for a merchant may not leave the platform now (a withdrawal approved, a payout
 * released), or null: the merchant owes it, a chargeback booked on a short balance since the money
 * was held. Requesting either refuses a merchant that owes; approving asks again.
 */
export function merchantOwes(ledger: Ledger, merchantId: number, currency: string): ServerText | null {
  const { available } = ledger.balance({ kind: 'merchant_available', merchantId, currency })
  return available < 0n ? say('error.finance.owesNow', { owed: moneyText(-available, currency), available: moneyText(available, currency) }) : null
}
