/**
 * What refunds and disputes share: the paid deposit they belong to, what it can still give back,
 * their numbers, and money as timelines show it.
 */
import { and, eq, ne, sql } from 'drizzle-orm'
import { moneyText } from '../../shared/money-text'
import { say, type ServerText } from '../../shared/server-text'
import { minorOf } from '../core/amount-input'
import { contracts, disputes, orders, refunds } from '../db/schema'
import type { Db } from '../db/open'
import type { Tx } from '../db/transaction'
import { actorOf, type Ctx } from '../core/context'
import { AppError, conflict, notFound } from '../core/errors'
import type { Ledger } from '../ledger/ledger'
import { isRehearsalChannel } from '../orders/outcome'
import { payoutCoverage } from '../../shared/limits'
import { assertCanRead } from '../core/scope'

export type Order = typeof orders.$inferSelect
export type Contract = typeof contracts.$inferSelect

/** An order the caller may see (another merchant's order does not exist for a merchant-bound user). */
export function visibleOrder(ctx: Ctx, db: Db | Tx, orderId: number): Order {
  const order = db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.tenantId, ctx.tenantId))).get()
  if (!order) throw notFound(say('thing.order', { id: orderId }))
  assertCanRead(actorOf(ctx), order.merchantId, say('thing.order', { id: orderId }))
  return order
}

interface Refusal {
  text: ServerText
  code: string
}

function notPaidDeposit(order: Order): Refusal | null {
  if (order.direction === 'deposit' && order.status === 'succeeded' && order.paidMinor) return null
  return { text: say('error.aftersales.notPaidDeposit', { orderNo: order.orderNo }), code: 'aftersales.not_paid_deposit' }
}

/**
 * Refunds and disputes move money in the order's currency. An order settled to the merchant in
 * another currency (FX, at the rate fixed on the order) would need that conversion reversed, which
 * is not supported yet: refused, never posted in the wrong currency.
 */
function settledInAnotherCurrency(order: Order): Refusal | null {
  if (!order.settlementCurrency || order.settlementCurrency === order.currency) return null
  return { text: say('error.aftersales.fxSettled', { orderNo: order.orderNo, settlement: order.settlementCurrency, currency: order.currency }), code: 'aftersales.fx_settled' }
}

function refuse(refusal: Refusal | null): void {
  if (refusal) throw conflict(refusal.text, { code: refusal.code, field: 'orderId' })
}

/** Refunds, disputes and waybills are for deposits the payer actually paid. */
export function assertPaidDeposit(order: Order): number {
  refuse(notPaidDeposit(order))
  return order.paidMinor!
}

export function assertSettledInOrderCurrency(order: Order): void {
  refuse(settledInAnotherCurrency(order))
}

/**
 * Why the order can have no refund or dispute, in the words `refunds.create` and `disputes.create`
 * refuse it with (so a screen can say so before anyone fills in a form); null when it can.
 */
export function givingBackRefusal(order: Order): ServerText | null {
  return (notPaidDeposit(order) ?? settledInAnotherCurrency(order))?.text ?? null
}

/**
 * Money going back out: the channel pays the amount back upstream and the merchant's available
 * balance must cover the amount plus the fee (the same check, and words, as a payout's; for a
 * merchant-bound user without the channel's balance). Not for a rehearsal's order: the simulator
 * pays it back, and the ledger reverses what it books (ledger.ts, `isRehearsalChannel`).
 */
export function assertCovered(tx: Tx, ledger: Ledger, order: Order, amountMinor: number, feeMinor: number, merchantUser = false): void {
  if (isRehearsalChannel(tx, order.channelId)) return
  const format = (minor: number | bigint) => moneyText(minor, order.currency)
  const channel = ledger.balance({ kind: 'channel', channelId: order.channelId, currency: order.currency }).available
  const merchant = ledger.balance({ kind: 'merchant_available', merchantId: order.merchantId, currency: order.currency }).available
  const coverage = payoutCoverage(amountMinor, feeMinor, channel, merchant, format, { channelFigure: !merchantUser })
  if (!coverage.ok && coverage.reason) throw new AppError('limit', coverage.reason, { field: 'amount', code: 'ledger.insufficient_funds' })
}

export interface CaseBalance {
  paid: number
  /** Refunds not failed (requested, processing, succeeded). */
  refunded: number
  /** Disputes not won (open, evidence submitted, lost, accepted). */
  disputed: number
  /** What can still be refunded or disputed: paid − refunded − disputed. */
  remaining: number
}

/**
 * Read inside the transaction that writes the new refund or dispute: SQLite serialises writers
 * (`transact` opens an immediate transaction), so two requests racing for the same money see each
 * other and the second is refused.
 */
export function caseBalance(db: Db | Tx, order: Order): CaseBalance {
  const paid = order.paidMinor ?? 0
  const refunded = db.select({ n: sql<number>`coalesce(sum(${refunds.amountMinor}), 0)` }).from(refunds).where(and(eq(refunds.orderId, order.id), ne(refunds.status, 'failed'))).get()?.n ?? 0
  const disputed = db.select({ n: sql<number>`coalesce(sum(${disputes.amountMinor}), 0)` }).from(disputes).where(and(eq(disputes.orderId, order.id), ne(disputes.status, 'won'))).get()?.n ?? 0
  return { paid, refunded, disputed, remaining: paid - refunded - disputed }
}

/**
 * The amount a new refund or dispute claims, in minor units: a positive amount in the order's
 * currency, within what the order can still give back (422 naming what is left otherwise).
 */
export function claimAmount(tx: Tx, order: Order, amount: string, what: 'refunded' | 'disputed'): number {
  const amountMinor = minorOf('amount', amount, order.currency, { positive: true })
  const b = caseBalance(tx, order)
  if (amountMinor > b.remaining) {
    const f = (minor: number) => moneyText(minor, order.currency)
    throw new AppError(
      'limit',
      say(what === 'refunded' ? 'error.aftersales.refundExceeds' : 'error.aftersales.disputeExceeds', {
        money: f(b.remaining),
        orderNo: order.orderNo,
        paid: f(b.paid),
        refunded: f(b.refunded),
        disputed: f(b.disputed)
      }),
      { code: what === 'refunded' ? 'refunds.exceeds_paid' : 'disputes.exceeds_paid', field: 'amount' }
    )
  }
  return amountMinor
}

export function contractOf(db: Db | Tx, order: Order): Contract {
  return db.select().from(contracts).where(eq(contracts.id, order.contractId)).get()!
}

/** `R`/`DS` + the order's transaction number + `-` + its sequence among the order's refunds or disputes. */
export function caseNumber(db: Db | Tx, prefix: 'R' | 'DS', order: Order): string {
  const table = prefix === 'R' ? refunds : disputes
  const count = db.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.orderId, order.id)).get()?.n ?? 0
  return `${prefix}${order.txnNo}-${count + 1}`
}
