/**
 * Four-eyes requests as the rest of the app meets them: what one asks for, in words, and the end
 * of an order's requests when the order ends. Apart from finance/four-eyes.ts (which checks an
 * order's manual actions, and so reaches the order state machine) so that the state machine
 * (orders/outcome.ts) can call it without an import cycle.
 */
import { and, eq } from 'drizzle-orm'
import { moneyText } from '../../shared/money-text'
import { say, term, type ServerText } from '../../shared/server-text'
import { writeAuditEvent } from '../core/audit'
import type { Actor, Ctx } from '../core/context'
import { fourEyesRequests, orders, type OrderStatus } from '../db/schema'
import type { Tx } from '../db/transaction'
import { addEvent } from '../orders/timeline'
import { closeRequestText, reconApprovalEnded } from '../recon/break-history'

type Stored = typeof fourEyesRequests.$inferSelect

/** What a request asks for, in words, for audit events and refusals. */
export function describeRequest(r: Pick<Stored, 'kind' | 'currency' | 'amountMinor' | 'action'>, names: { orderNo?: string | null; channel?: string | null }): ServerText {
  // A channel balance change's amount is signed (a correction may take money off); amountMinor holds it so.
  const action = r.action as { result?: 'succeeded' | 'failed'; kind?: 'top_up' | 'correction' }
  if (r.kind === 'payout') return say('fourEyes.what.payout', { orderNo: names.orderNo ?? '', money: moneyText(r.amountMinor, r.currency) })
  if (r.kind === 'recon_write_off') return closeRequestText(r.action as { action?: string; breakId?: number }, moneyText(r.amountMinor, r.currency))
  if (r.kind === 'mark_result') return say('fourEyes.what.markResult', { orderNo: names.orderNo ?? '', money: moneyText(r.amountMinor, r.currency), status: term('orderStatus', action.result ?? 'succeeded') })
  return say('fourEyes.what.channelBalance', { kind: term('channelBalance', action.kind ?? 'correction'), money: moneyText(r.amountMinor, r.currency), channel: names.channel ?? '' })
}

/** Who ends an order: a person's procedure (its context: audited under its name), or the order engine (the system). */
export interface RequestEnder {
  tenantId: number
  audit?: Ctx['audit']
  actor?: Actor | null
}

/** The audit procedure of what the order engine does by itself (provider answers, callbacks, expiry). */
export const ORDER_ENGINE_PROCEDURE = 'system.orderEngine'

/**
 * An order that became final (succeeded, failed, closed) withdraws every request about it still
 * waiting for a second user, whatever the kind: approving one then could only be refused (a
 * forced result on a final order) or act on an order that is over. Each withdrawal is on the
 * order's timeline and audited, in the transaction that ends the order. Called by the state
 * machine (orders/outcome.ts), which every path to a final state goes through; a request being
 * decided is marked decided before its decision ends the order, so it is not withdrawn.
 */
export function withdrawOrderRequests(tx: Tx, by: RequestEnder, order: Pick<typeof orders.$inferSelect, 'id' | 'orderNo' | 'merchantId'>, status: Extract<OrderStatus, 'succeeded' | 'failed' | 'closed'>, now: number): void {
  const waiting = tx
    .select()
    .from(fourEyesRequests)
    .where(and(eq(fourEyesRequests.orderId, order.id), eq(fourEyesRequests.status, 'pending')))
    .all()
  if (waiting.length === 0) return
  const actor = by.actor ?? null
  const audit = by.audit ?? ((t: Tx, event: Parameters<Ctx['audit']>[1]) => writeAuditEvent(t, { tenantId: by.tenantId, userId: null, actor: 'system', procedure: ORDER_ENGINE_PROCEDURE, at: now }, event))
  for (const r of waiting) {
    tx.update(fourEyesRequests).set({ status: 'withdrawn', decidedBy: actor?.userId ?? null, decidedAt: now, updatedAt: now }).where(eq(fourEyesRequests.id, r.id)).run()
    const what = describeRequest(r, { orderNo: order.orderNo })
    const became = term('orderStatus', status)
    addEvent(tx, order.id, now, 'status', say('order.approvalWithdrawn', { id: r.id, what, status: became }), { approvalId: r.id }, actor?.username ?? 'system')
    audit(tx, {
      targetType: 'order',
      targetId: order.id,
      merchantId: order.merchantId,
      summary: say('audit.approvalWithdrawn', { id: r.id, what, status: became }),
      before: { approvalId: r.id, status: r.status },
      after: { approvalId: r.id, status: 'withdrawn', orderStatus: status }
    })
    // A reconciliation break waiting for it is open again: the order ended another way.
    reconApprovalEnded(tx, { id: r.id, orderNo: order.orderNo, result: (r.action as { result?: string }).result }, { outcome: 'withdrawn', orderStatus: status }, actor?.username ?? 'system', now)
  }
}
