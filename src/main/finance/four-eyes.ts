/**
 * Four eyes where money moves by hand: the tenant's rules and the requests waiting for a second
 * user (the procedures: finance/procedures/four-eyes.ts). Like adjustments and withdrawals, a
 * request moves no money beyond what it holds; another user, never the requester, approves it
 * (then it applies exactly as it would have without the rule) or rejects it, in one transaction
 * with its audit event and, for orders, its timeline.
 *
 * The rule is per kind and currency, with its threshold in that currency: amounts at or over it
 * wait. No rule, no wait (off by default). A payout's amount, a forced result's order amount (a
 * deposit's paid amount when given), a channel balance change's size and a reconciliation
 * difference closed unbooked (requestCloseIfNeeded) are what is compared.
 */
import { and, eq } from 'drizzle-orm'
import { rangeViolation } from '../../shared/limits'
import { fromMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say, term, verbatim, type ServerText } from '../../shared/server-text'
import { markActionOf, type ManualResult } from '../../shared/order-actions'
import { actorOf, type Ctx } from '../core/context'
import { conflict } from '../core/errors'
import { channels, fourEyesRequests, fourEyesRules, merchants, orders, outbox, reconBreaks, services, type FourEyesKind } from '../db/schema'
import type { Tx } from '../db/transaction'
import { addEvent } from '../orders/timeline'
import { refuseUnless } from '../orders/manual'
import { isRehearsalChannel } from '../orders/outcome'
import { evaluatePair } from '../master/limits'
import { merchantOwes } from './cases'
import { minorOf } from '../core/amount-input'
import { describeRequest } from './four-eyes-requests'

type Order = typeof orders.$inferSelect
type Stored = typeof fourEyesRequests.$inferSelect

/** The threshold (minor units) at or over which this kind in this currency waits for a second user; null when no rule applies. */
export function thresholdOf(tx: Tx, tenantId: number, kind: FourEyesKind, currency: string): number | null {
  const rule = tx
    .select({ thresholdMinor: fourEyesRules.thresholdMinor })
    .from(fourEyesRules)
    .where(and(eq(fourEyesRules.tenantId, tenantId), eq(fourEyesRules.kind, kind), eq(fourEyesRules.currency, currency)))
    .get()
  return rule?.thresholdMinor ?? null
}

function waits(tx: Tx, tenantId: number, kind: FourEyesKind, currency: string, amountMinor: number): number | null {
  const threshold = thresholdOf(tx, tenantId, kind, currency)
  return threshold !== null && Math.abs(amountMinor) >= threshold ? threshold : null
}

interface NewRequest {
  kind: FourEyesKind
  orderId?: number
  merchantId?: number | null
  channelId?: number
  currency: string
  amountMinor: number
  action: Record<string, unknown>
  reason: string
  requestKey?: string
  /** What the audit event is about, when neither an order nor a channel (a reconciliation break). */
  target?: { type: 'recon_break'; id: number }
}

function record(tx: Tx, ctx: Ctx, input: NewRequest, names: { orderNo?: string; channel?: string }): Stored {
  const actor = actorOf(ctx)
  const now = ctx.clock.now()
  const r = tx
    .insert(fourEyesRequests)
    .values({
      tenantId: ctx.tenantId,
      kind: input.kind,
      status: 'pending',
      orderId: input.orderId ?? null,
      merchantId: input.merchantId ?? null,
      channelId: input.channelId ?? null,
      currency: input.currency,
      amountMinor: Math.abs(input.amountMinor),
      action: input.action,
      reason: input.reason,
      requestKey: input.requestKey ?? null,
      requestedBy: actor.userId,
      createdAt: now,
      updatedAt: now
    })
    .returning()
    .get()
  ctx.audit(tx, {
    targetType: input.target?.type ?? (input.orderId ? 'order' : 'channel'),
    targetId: input.target?.id ?? input.orderId ?? input.channelId ?? r.id,
    merchantId: input.merchantId ?? undefined,
    summary: say('audit.approvalRequested', { what: describeRequest(r, names), id: r.id }),
    after: { approvalId: r.id, kind: r.kind, amount: fromMinor(r.amountMinor, r.currency), currency: r.currency, action: input.action }
  })
  return r
}

/** The payout's pending approval, if it waits for one. */
export function pendingFor(tx: Tx, orderId: number, kind: FourEyesKind): Stored | undefined {
  return tx
    .select()
    .from(fourEyesRequests)
    .where(and(eq(fourEyesRequests.orderId, orderId), eq(fourEyesRequests.kind, kind), eq(fourEyesRequests.status, 'pending')))
    .get()
}

/**
 * A just-created payout at or over the threshold: records the request and says so on the order's
 * timeline. The caller then leaves its send out of the outbox (its hold stands) until approval.
 */
export function holdPayoutForApproval(tx: Tx, ctx: Ctx, order: Order): boolean {
  const threshold = waits(tx, ctx.tenantId, 'payout', order.currency, order.amountMinor)
  if (threshold === null) return false
  const r = record(tx, ctx, { kind: 'payout', orderId: order.id, merchantId: order.merchantId, currency: order.currency, amountMinor: order.amountMinor, action: {}, reason: '' }, { orderNo: order.orderNo })
  addEvent(tx, order.id, r.createdAt, 'manual', say('order.awaitingApproval', { money: moneyText(order.amountMinor, order.currency), threshold: moneyText(threshold, order.currency), id: r.id }), { approvalId: r.id }, actorOf(ctx).username)
  return true
}

/** The timeline text of a rehearsal's payout that a live run would hold for a second user. */
export const LIVE_APPROVAL = 'order.rehearsalLiveApproval'

/**
 * A payout on a field test's rehearsal copy is never held: the simulator pays it and the ledger
 * reverses what it books, so no money leaves (the rule is about money leaving). What a live run
 * would do is kept on its timeline instead (the field test's evidence shows it); whether it said so.
 */
export function noteRehearsalApproval(tx: Tx, ctx: Ctx, order: Order): boolean {
  const threshold = waits(tx, ctx.tenantId, 'payout', order.currency, order.amountMinor)
  if (threshold === null) return false
  const words = { money: moneyText(order.amountMinor, order.currency), threshold: moneyText(threshold, order.currency) }
  addEvent(tx, order.id, order.createdAt, 'manual', say(LIVE_APPROVAL, words), { threshold: fromMinor(threshold, order.currency) }, actorOf(ctx).username)
  return true
}

/** Refuses a manual step on a payout that is still waiting for its second approval (it was never sent). */
export function refuseWhileAwaiting(tx: Tx, order: Order): void {
  if (order.direction === 'payout' && pendingFor(tx, order.id, 'payout')) {
    throw conflict(say('error.fourEyes.awaitingApproval', { orderNo: order.orderNo }), { code: 'four_eyes.awaiting_approval' })
  }
}

export interface MarkRequest {
  result: ManualResult
  paidAmount?: string
  reason: string
}

/**
 * Forcing an order's result at or over the threshold: records the request (the caller applies
 * nothing) and returns it; null when the caller marks it now. The order must allow the marking
 * now (checked again on approval); a payout still waiting for its own approval is refused.
 */
export function requestMarkIfNeeded(tx: Tx, ctx: Ctx, order: Order, input: MarkRequest): Stored | null {
  refuseWhileAwaiting(tx, order)
  refuseUnless(order, markActionOf(input.result))
  const paidMinor =
    input.paidAmount !== undefined && order.direction === 'deposit' && input.result === 'succeeded'
      ? minorOf('paidAmount', input.paidAmount, order.currency, { positive: true, atMost: { minor: order.amountMinor, what: say('rule.theOrderAmount') } })
      : null
  const amountMinor = paidMinor ?? order.amountMinor
  if (waits(tx, ctx.tenantId, 'mark_result', order.currency, amountMinor) === null) return null
  const waiting = pendingFor(tx, order.id, 'mark_result')
  if (waiting) throw conflict(say('error.fourEyes.resultWaiting', { orderNo: order.orderNo, id: waiting.id }), { code: 'four_eyes.result_waiting' })
  const action = { result: input.result, ...(input.paidAmount !== undefined ? { paidAmount: input.paidAmount } : {}) }
  const r = record(tx, ctx, { kind: 'mark_result', orderId: order.id, merchantId: order.merchantId, currency: order.currency, amountMinor, action, reason: input.reason }, { orderNo: order.orderNo })
  const user = actorOf(ctx).username
  addEvent(tx, order.id, r.createdAt, 'manual', say('order.markAwaitingApproval', { status: term('orderStatus', input.result), user, reason: verbatim(input.reason), id: r.id }), { approvalId: r.id }, user)
  return r
}

/** A reconciliation break as a write-off or an ignore weighs it: its difference, else the side it stands for. */
type WeighedBreak = Pick<typeof reconBreaks.$inferSelect, 'id' | 'type' | 'merchantId' | 'currency' | 'differenceMinor' | 'theirsMinor' | 'oursMinor'>

/**
 * Closing a reconciliation difference without booking it (a write-off or an ignore) at or over the
 * threshold (kind recon_write_off, in the break's currency): records the request and returns it
 * (the caller sets the break waiting); null when it closes now. What is weighed is the money the
 * break leaves unexplained: its difference, or the whole line or payment one side lacks.
 */
export function requestCloseIfNeeded(tx: Tx, ctx: Ctx, b: WeighedBreak, action: 'write_off' | 'ignore', reason: string): Stored | null {
  const amountMinor = Math.abs(b.differenceMinor ?? b.theirsMinor ?? b.oursMinor ?? 0)
  if (b.currency === null || amountMinor === 0 || waits(tx, ctx.tenantId, 'recon_write_off', b.currency, amountMinor) === null) return null
  return record(tx, ctx, { kind: 'recon_write_off', merchantId: b.merchantId, currency: b.currency, amountMinor, action: { action, breakId: b.id, type: b.type }, reason, target: { type: 'recon_break', id: b.id } }, {})
}

export interface BalanceRequest {
  kind: 'top_up' | 'correction'
  amount: string
  reason: string
  requestKey: string
}

/**
 * A channel balance change at or over the threshold: records the request (once per request key;
 * a retry answers the same request) and returns it; null when it posts straight away.
 */
export function requestBalanceIfNeeded(tx: Tx, ctx: Ctx, channel: { id: number; name: string; currency: string }, input: BalanceRequest, delta: number): { request: Stored; replayed: boolean } | null {
  const existing = tx
    .select()
    .from(fourEyesRequests)
    .where(and(eq(fourEyesRequests.tenantId, ctx.tenantId), eq(fourEyesRequests.kind, 'channel_balance'), eq(fourEyesRequests.requestKey, input.requestKey)))
    .get()
  if (existing) {
    const same = existing.channelId === channel.id && (existing.action as { amount?: string }).amount === input.amount && (existing.action as { kind?: string }).kind === input.kind
    if (!same) throw conflict(say('error.fourEyes.requestKeyTaken', { key: input.requestKey, id: existing.id }), { field: 'requestKey', code: 'four_eyes.request_key_taken' })
    ctx.audit(tx, { targetType: 'channel', targetId: channel.id, summary: say('audit.channelBalanceReplayed', { kind: term('channelBalance', input.kind) }), after: { approvalId: existing.id, status: existing.status } })
    return { request: existing, replayed: true }
  }
  if (waits(tx, ctx.tenantId, 'channel_balance', channel.currency, delta) === null) return null
  const request = record(tx, ctx, { kind: 'channel_balance', channelId: channel.id, currency: channel.currency, amountMinor: delta, action: { kind: input.kind, amount: input.amount }, reason: input.reason, requestKey: input.requestKey }, { channel: channel.name })
  return { request, replayed: false }
}

/**
 * Why a payout waiting for its second user may not be released now, or null. Its creation checked
 * what can change while it waits: its merchant active, its service and channel usable together
 * (evaluatePair, as creation asks it), its amount within their limits, and the merchant's balance covering it, so owing nothing (a
 * chargeback booked on a short balance since; a rehearsal's payout is not limited by balances).
 * Its funds stay held: an approver releases it once that is put right, or rejects it.
 */
export function payoutUnreleasable(tx: Tx, ctx: Ctx, order: Order): ServerText | null {
  const merchant = tx.select({ name: merchants.name, status: merchants.status }).from(merchants).where(eq(merchants.id, order.merchantId)).get()!
  if (merchant.status !== 'active') return say('error.orders.merchantDisabled', { name: merchant.name })
  const service = tx.select().from(services).where(eq(services.id, order.serviceId)).get()!
  const channel = tx.select().from(channels).where(eq(channels.id, order.channelId)).get()!
  const pair = evaluatePair(tx, service, channel)
  if (!pair.usable) return pair.blockers[0]
  // The limits its amount was checked against may have been narrowed since.
  const outside = rangeViolation(order.amountMinor, pair.range, pair.money)
  if (outside) return outside
  return isRehearsalChannel(tx, channel.id) ? null : merchantOwes(ctx.ledger, order.merchantId, order.currency)
}

/** Approving a payout: its send joins the outbox as it would have at creation; the caller sends it after the commit. */
export function releasePayout(tx: Tx, ctx: Ctx, order: Order, now: number): void {
  tx.insert(outbox).values({ orderId: order.id, operation: 'send_payout', idempotencyKey: order.orderNo, status: 'pending', nextAttemptAt: now, createdAt: now, updatedAt: now }).run()
  addEvent(tx, order.id, now, 'manual', say('order.approvalGranted', { user: actorOf(ctx).username }), null, actorOf(ctx).username)
}
