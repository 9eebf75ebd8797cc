/**
 * What a provider reports about an order's money (a callback, a query answer, an answer to the
 * create request), judged against the order before anything is applied (SPEC §5):
 *
 * - a stated currency or order amount that is not the order's contradicts it;
 * - a stated paid amount must be a plain amount of the order's currency (no sign, exponent or
 *   extra decimals): present but unreadable is a contradiction, never "paid in full";
 * - a success paying nothing, or a failure that says something was paid, contradicts itself;
 * - a payout is paid exactly its amount or not at all;
 * - a deposit paid more than its amount is an overpayment: the order amount is booked and the
 *   excess held apart for a person (orders/parked.ts); never credited to the merchant by itself.
 *
 * Pure: the order logic (orders/reports.ts) acts on the verdict.
 */
import { readAmount } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say, type ServerText } from '../../shared/server-text'
import type { PaymentExceptionKind } from '../db/schema'
import type { UpstreamStatus } from '../upstream/types'
import type { Order } from './outcome'

/** What the provider said, each value exactly as it wrote it (null: not stated). */
export interface ProviderReport {
  status: UpstreamStatus | null
  paidAmount: string | null
  amount: string | null
  currency: string | null
}

export type Contradiction = Extract<PaymentExceptionKind, 'bad_amount' | 'amount_mismatch' | 'currency_mismatch' | 'status_conflict'>

export type Verdict =
  /** Consistent with the order; `paidMinor` null means the whole amount (not stated). */
  | { kind: 'consistent'; paidMinor: number | null }
  | { kind: 'overpaid'; paidMinor: number; excessMinor: number }
  | { kind: 'contradiction'; exception: Contradiction; text: ServerText }

export function judgeReport(order: Pick<Order, 'direction' | 'currency' | 'amountMinor'>, report: ProviderReport): Verdict {
  const money = (minor: number) => moneyText(minor, order.currency)
  if (report.currency !== null && report.currency !== order.currency) {
    return { kind: 'contradiction', exception: 'currency_mismatch', text: say('parked.currencyMismatch', { stated: report.currency.slice(0, 40), currency: order.currency }) }
  }
  if (report.amount !== null) {
    const amount = readAmount(report.amount, order.currency)
    if (!amount.ok) return { kind: 'contradiction', exception: 'bad_amount', text: say('parked.badAmount', { field: 'amount', problem: amount.message }) }
    if (amount.minor !== order.amountMinor) {
      return { kind: 'contradiction', exception: 'amount_mismatch', text: say('parked.amountMismatch', { stated: money(amount.minor), amount: money(order.amountMinor) }) }
    }
  }
  if (report.paidAmount === null) return { kind: 'consistent', paidMinor: null }
  const paid = readAmount(report.paidAmount, order.currency)
  if (!paid.ok) return { kind: 'contradiction', exception: 'bad_amount', text: say('parked.badAmount', { field: 'paidAmount', problem: paid.message }) }
  const paidMinor = paid.minor
  if (report.status === 'failed' || report.status === 'pending' || report.status === 'not_found') {
    // A report that nothing was paid (yet) may say "0"; any other amount contradicts it.
    if (paidMinor === 0) return { kind: 'consistent', paidMinor: null }
    return { kind: 'contradiction', exception: 'status_conflict', text: say('parked.paidButNotSucceeded', { paid: money(paidMinor) }) }
  }
  if (paidMinor === 0) return { kind: 'contradiction', exception: 'bad_amount', text: say('parked.paidNothing') }
  if (order.direction === 'payout' && paidMinor !== order.amountMinor) {
    return { kind: 'contradiction', exception: 'amount_mismatch', text: say('parked.payoutAmount', { paid: money(paidMinor), amount: money(order.amountMinor) }) }
  }
  if (paidMinor > order.amountMinor) return { kind: 'overpaid', paidMinor, excessMinor: paidMinor - order.amountMinor }
  return { kind: 'consistent', paidMinor }
}
