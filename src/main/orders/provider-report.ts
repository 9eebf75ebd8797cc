/**
 * Applying what a provider reports about an order (a callback, a query answer, an answer to the
 * create request): one path for all of them, so each follows the same money rules
 * (orders/payment-check.ts) and ends in a visible state: applied, ignored (it changes nothing the
 * order does not already say), or parked for a person (orders/parked.ts).
 *
 *   order open     + paid ≤ amount      → succeeded, what was paid booked
 *   order open     + paid > amount      → succeeded, the amount booked; the excess parked in suspense
 *   order failed/closed + paid (deposit)→ parked: the payment booked to suspense, the order flagged
 *   order succeeded + failed, or paid differs from what was booked → parked, no money moved
 *   any contradiction (currency, amount, unreadable amount)        → parked, no money moved
 */
import { moneyText } from '../../shared/money-text'
import { say, term, type ServerText } from '../../shared/server-text'
import type { Tx } from '../db/transaction'
import { FINAL, finish, markPending, type Order, type OutcomeDeps, type OutcomeSource } from './outcome'
import { contradictionKey, holdingKey, park, reportedPaidMinor } from './parked'
import { judgeReport, type Contradiction, type ProviderReport } from './payment-check'

export interface ReportMeta {
  source: OutcomeSource
  upstreamNo: string | null
  /** Why a failure, for people (the provider's message on an answer). */
  failureReason?: ServerText | null
  /** The stored callback this report is, when it is one. */
  callbackId?: number | null
}

export type ReportOutcome = 'applied' | 'ignored' | 'parked'

export function applyProviderReport(tx: Tx, deps: OutcomeDeps, order: Order, report: ProviderReport, meta: ReportMeta, now: number): ReportOutcome {
  const money = (minor: number) => moneyText(minor, order.currency)
  const contradiction = (exception: Contradiction, text: ServerText): ReportOutcome => {
    park(tx, deps, { order, kind: exception, text, source: meta.source, callbackId: meta.callbackId, reportKey: contradictionKey(meta.source, order, report, meta.callbackId), reported: report }, now)
    return 'parked'
  }
  const verdict = judgeReport(order, report)
  if (verdict.kind === 'contradiction') return contradiction(verdict.exception, verdict.text)
  const open = !FINAL.includes(order.status)

  if (report.status === 'pending') {
    if (order.status !== 'created' && order.status !== 'unknown') return 'ignored'
    markPending(tx, order, meta.upstreamNo, now)
    return 'applied'
  }
  if (report.status === 'failed') {
    if (open) {
      finish(tx, deps, order, { status: 'failed', upstreamNo: meta.upstreamNo, reason: meta.failureReason ?? say('reason.reportedFailed'), source: meta.source }, now)
      return 'applied'
    }
    if (order.status === 'succeeded') return contradiction('status_conflict', say('parked.failedAfterSuccess'))
    return 'ignored'
  }
  if (report.status !== 'succeeded') return 'ignored'

  if (open) {
    if (verdict.kind === 'overpaid') {
      const reason = say('reason.overpaid', { paid: money(verdict.paidMinor), amount: money(order.amountMinor), excess: money(verdict.excessMinor) })
      finish(tx, deps, order, { status: 'succeeded', paidMinor: order.amountMinor, upstreamNo: meta.upstreamNo, reason, source: meta.source }, now)
      park(tx, deps, { order, kind: 'overpaid', text: reason, source: meta.source, callbackId: meta.callbackId, reportKey: holdingKey('overpaid', order), reported: report, holdMinor: verdict.excessMinor }, now)
      return 'parked'
    }
    finish(tx, deps, order, { status: 'succeeded', paidMinor: verdict.paidMinor, upstreamNo: meta.upstreamNo, source: meta.source }, now)
    return 'applied'
  }
  const paidMinor = verdict.paidMinor ?? order.amountMinor
  if (order.status === 'succeeded') {
    // The success again (a replay under a new event id, a query after the callback): nothing new,
    // unless it now says another amount than the one booked with its parked excess.
    if (order.direction === 'payout' || paidMinor === reportedPaidMinor(tx, deps, order)) return 'ignored'
    return contradiction('status_conflict', say('parked.paidDiffers', { stated: money(paidMinor), booked: money(reportedPaidMinor(tx, deps, order)) }))
  }
  // Paid at the provider after PayDesk closed or failed the order: the money is real.
  if (order.direction === 'payout') return contradiction('status_conflict', say('parked.payoutPaidAfterFinal', { status: term('orderStatus', order.status) }))
  const text = say('parked.latePayment', { paid: money(paidMinor), status: term('orderStatus', order.status) })
  park(tx, deps, { order, kind: 'late_payment', text, source: meta.source, callbackId: meta.callbackId, reportKey: holdingKey('late_payment', order), reported: report, holdMinor: paidMinor }, now)
  return 'parked'
}
