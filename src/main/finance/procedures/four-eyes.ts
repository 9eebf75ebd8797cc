/**
 * Four eyes as procedures (the rules and requests: finance/four-eyes.ts): the tenant's rules, the
 * queue of requests, and a second user's decision. Approving a payout sends it exactly as an
 * unapproved one is sent at creation; rejecting it closes the order and releases its hold.
 */
import { alias } from 'drizzle-orm/sqlite-core'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { ApprovalRow } from '../../../shared/contract/four-eyes'
import { fromMinor } from '../../../shared/money'
import { PERMISSIONS } from '../../../shared/permissions'
import type { ManualResult } from '../../../shared/order-actions'
import { permissionTerm, say, term, verbatim, type ServerText } from '../../../shared/server-text'
import { channels, fourEyesRequests, fourEyesRules, merchants, orders, users, type BreakType } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Actor, type Ctx } from '../../core/context'
import { conflict, forbidden, notFound } from '../../core/errors'
import { handlers } from '../../core/registry'
import { minorOf } from '../../core/amount-input'
import { assertCanRead } from '../../core/scope'
import { ordering } from '../../master/fields'
import { offsetOf } from '../../db/sql'
import { close, loadOrder } from '../../orders/outcome'
import { markOrderResult } from '../../orders/manual'
import { addEvent } from '../../orders/timeline'
import { postChannelBalance } from '../../ledger/channel-balance'
import { acceptNoLongerHolds, reopenWaiting, type NoLongerHolds } from '../../recon/accept-check'
import { reconApprovalEnded, reconCloseDecided } from '../../recon/break-history'
import { assertNotRequester } from '../cases'
import { payoutUnreleasable, releasePayout } from '../four-eyes'
import { describeRequest } from '../four-eyes-requests'

type Stored = typeof fourEyesRequests.$inferSelect

const requester = alias(users, 'requester')
const decider = alias(users, 'decider')
const columns = {
  request: fourEyesRequests,
  orderNo: orders.orderNo,
  orderAmountMinor: orders.amountMinor,
  merchantName: merchants.name,
  channelName: channels.name,
  requestedByName: requester.username,
  decidedByName: decider.username,
  // The break a marking that accepts theirs came from, as the order's timeline names it (recon/breaks.ts).
  fromBreak: sql<string | null>`(select e.text from order_events e where e.order_id = ${fourEyesRequests.orderId} and json_extract(e.text, '$.code') = 'recon.requestedFromBreak' and json_extract(e.detail, '$.approvalId') = ${fourEyesRequests.id} limit 1)`
}

const SORT = { createdAt: fourEyesRequests.createdAt, amount: fourEyesRequests.amountMinor, status: fourEyesRequests.status }

function joined(db: Db | Tx) {
  return (db as Db)
    .select(columns)
    .from(fourEyesRequests)
    .leftJoin(orders, eq(orders.id, fourEyesRequests.orderId))
    .leftJoin(merchants, eq(merchants.id, fourEyesRequests.merchantId))
    .leftJoin(channels, eq(channels.id, fourEyesRequests.channelId))
    .innerJoin(requester, eq(requester.id, fourEyesRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, fourEyesRequests.decidedBy))
}
type Joined = ReturnType<ReturnType<typeof joined>['all']>[number]

/** The permission a decision needs: the one doing it needs (a merchant-bound user: for its own merchant only). */
function deciderPermission(actor: Actor, r: Stored): number | null {
  if (r.kind === 'payout') {
    if (actor.permissions.has(PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE) && actor.merchantId === null) return null
    return actor.permissions.has(PERMISSIONS.OPERATION_PAYOUT_WRITE) && actor.merchantId === r.merchantId ? null : PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE
  }
  if (r.kind === 'mark_result') return actor.permissions.has(PERMISSIONS.MANUAL_MARK_RESULT) ? null : PERMISSIONS.MANUAL_MARK_RESULT
  // Reconciliation is the platform's: a merchant-bound user never decides a break.
  if (r.kind === 'recon_write_off') return actor.permissions.has(PERMISSIONS.RECONCILIATION_WRITE) && actor.merchantId === null ? null : PERMISSIONS.RECONCILIATION_WRITE
  return actor.permissions.has(PERMISSIONS.CHANNEL_BALANCE_WRITE) && actor.merchantId === null ? null : PERMISSIONS.CHANNEL_BALANCE_WRITE
}

/**
 * Why this user may not decide a pending request, worded as `approvals.decide` refuses it (their
 * own request, then the permission it needs); null when they may.
 */
function cannotDecide(actor: Actor, j: Joined): ServerText | null {
  const r = j.request
  if (r.status !== 'pending') return null
  const what = () => describeRequest(r, { orderNo: j.orderNo, channel: j.channelName })
  if (r.requestedBy === actor.userId) return say('error.fourEyes.ownRequest', { what: what() })
  const missing = deciderPermission(actor, r)
  return missing === null ? null : say('error.fourEyes.needPermission', { what: what(), permission: permissionTerm(missing), code: missing })
}

/** Why approving a pending payout would be refused now (the check `approvals.decide` makes), or null. */
function approvalRefused(db: Db | Tx, ctx: Ctx, r: Stored, orderNo: string | null): ServerText | null {
  if (r.status !== 'pending' || r.kind !== 'payout' || !r.orderId) return null
  const why = payoutUnreleasable(db as Tx, ctx, loadOrder(db as Tx, r.orderId))
  return why ? say('error.fourEyes.payoutNotReleasable', { orderNo: orderNo ?? '', why }) : null
}

/** The break a write-off or ignore request came from, and which of the two it asked (not "accept theirs", a marking's `requestedFromBreak`). */
function writeOffBreak(r: Stored): ServerText {
  const action = r.action as { action?: string; breakId?: number; type?: string }
  return say(action.action === 'ignore' ? 'recon.ignoreFromBreak' : 'recon.writeOffFromBreak', { breakId: action.breakId ?? 0, type: term('breakType', (action.type ?? 'amount_over') as BreakType) })
}

function toRow(db: Db | Tx, ctx: Ctx, j: Joined): ApprovalRow {
  const actor = actorOf(ctx)
  const r = j.request
  const action = r.action as { result?: string; kind?: string; amount?: string; action?: string }
  const why = cannotDecide(actor, j)
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    orderId: r.orderId,
    orderNo: j.orderNo ?? null,
    merchantId: r.merchantId,
    merchantName: j.merchantName ?? null,
    channelId: r.channelId,
    channelName: j.channelName ?? null,
    currency: r.currency,
    amount: r.kind === 'channel_balance' && action.amount ? action.amount : fromMinor(r.amountMinor, r.currency),
    action: action.result ?? action.kind ?? action.action ?? null,
    reason: r.reason,
    fromBreak: r.kind === 'recon_write_off' ? writeOffBreak(r) : j.fromBreak === null ? null : (JSON.parse(j.fromBreak) as ServerText),
    requestedById: r.requestedBy,
    requestedBy: j.requestedByName,
    createdAt: r.createdAt,
    decidedBy: j.decidedByName ?? null,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    canDecide: r.status === 'pending' && why === null,
    cannotDecide: why,
    approvalRefused: why === null ? approvalRefused(db, ctx, r, j.orderNo) : null
  }
}

/** A merchant-bound user sees its merchant's requests; channel balances are the platform's. */
function scopeFilter(actor: Actor): SQL | undefined {
  return actor.merchantId === null ? undefined : eq(fourEyesRequests.merchantId, actor.merchantId)
}

function loadRow(db: Db | Tx, ctx: Ctx, id: number): ApprovalRow {
  const j = joined(db)
    .where(and(eq(fourEyesRequests.id, id), eq(fourEyesRequests.tenantId, ctx.tenantId)))
    .get()
  const actor = actorOf(ctx)
  if (!j || (actor.merchantId !== null && j.request.merchantId !== actor.merchantId)) throw notFound(say('thing.approval', { id }))
  return toRow(db, ctx, j)
}

export const fourEyesProcedures = handlers({
  'fourEyes.settings': (ctx) => {
    const rules = ctx.db.select().from(fourEyesRules).where(eq(fourEyesRules.tenantId, ctx.tenantId)).orderBy(fourEyesRules.kind, fourEyesRules.currency).all()
    return { rules: rules.map((r) => ({ kind: r.kind, currency: r.currency, threshold: fromMinor(r.thresholdMinor, r.currency) })) }
  },

  'fourEyes.updateSettings': (ctx, input) => {
    const actor = actorOf(ctx)
    const now = ctx.clock.now()
    const rows = input.rules.map((r, i) => ({ tenantId: ctx.tenantId, kind: r.kind, currency: r.currency, thresholdMinor: minorOf(`rules.${i}.threshold`, r.threshold, r.currency), updatedBy: actor.userId, updatedAt: now }))
    return transact(ctx.db, (tx) => {
      const before = tx.select().from(fourEyesRules).where(eq(fourEyesRules.tenantId, ctx.tenantId)).all()
      tx.delete(fourEyesRules).where(eq(fourEyesRules.tenantId, ctx.tenantId)).run()
      if (rows.length) tx.insert(fourEyesRules).values(rows).run()
      const shown = (list: { kind: string; currency: string; thresholdMinor: number }[]) => list.map((r) => `${r.kind} ${r.currency} ${fromMinor(r.thresholdMinor, r.currency)}`)
      ctx.audit(tx, { targetType: 'settings', targetId: ctx.tenantId, summary: say('audit.fourEyesSettings', { count: rows.length }), before: { rules: shown(before) }, after: { rules: shown(rows) } })
      return { rules: rows.map((r) => ({ kind: r.kind, currency: r.currency, threshold: fromMinor(r.thresholdMinor, r.currency) })) }
    })
  },

  'approvals.list': (ctx, input) => {
    const actor = actorOf(ctx)
    const filters: (SQL | undefined)[] = [eq(fourEyesRequests.tenantId, ctx.tenantId), scopeFilter(actor)]
    if (input.status) filters.push(eq(fourEyesRequests.status, input.status))
    if (input.kind) filters.push(eq(fourEyesRequests.kind, input.kind))
    if (input.orderId) filters.push(eq(fourEyesRequests.orderId, input.orderId))
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(fourEyesRequests).where(where).get()?.n ?? 0
    const items = joined(ctx.db)
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, fourEyesRequests.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map((j) => toRow(ctx.db, ctx, j))
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'approvals.decide': async (ctx, input) => {
    const actor = actorOf(ctx)
    const decided = transact(ctx.db, (tx) => {
      const r = tx.select().from(fourEyesRequests).where(and(eq(fourEyesRequests.id, input.id), eq(fourEyesRequests.tenantId, ctx.tenantId))).get()
      if (!r) throw notFound(say('thing.approval', { id: input.id }))
      assertCanRead(actor, r.merchantId, say('thing.approval', { id: input.id }))
      if (r.status !== 'pending') throw conflict(say('error.fourEyes.decided', { id: r.id, status: term('fourEyesStatus', r.status) }), { code: 'four_eyes.decided' })
      const order = r.orderId ? loadOrder(tx, r.orderId) : null
      const channel = r.channelId ? tx.select().from(channels).where(eq(channels.id, r.channelId)).get()! : null
      const what = describeRequest(r, { orderNo: order?.orderNo, channel: channel?.name })
      assertNotRequester(actor, r.requestedBy, say('error.fourEyes.ownRequest', { what }), 'four_eyes.maker_checker')
      const missing = deciderPermission(actor, r)
      if (missing !== null) throw forbidden(say('error.fourEyes.needPermission', { what, permission: permissionTerm(missing), code: missing }), 'permission.missing')
      const now = ctx.clock.now()
      const approve = input.decision === 'approve'
      const action = r.action as { result?: ManualResult; paidAmount?: string; kind?: 'top_up' | 'correction'; amount?: string }
      // A marking that accepts theirs on a reconciliation break, asked again now: the break may have changed since the request.
      const changed = approve && r.kind === 'mark_result' && order ? acceptNoLongerHolds(tx, { kind: 'mark_result', id: r.id, result: action.result ?? 'succeeded', paidAmount: action.paidAmount }) : null
      if (changed && order) return { id: r.id, sendOrder: null, refused: withdrawn(tx, ctx, r, order, what, changed, input.note, now) }
      // A payout's creation checked what can change while it waits: asked again (it stays waiting, its funds held).
      const unreleasable = approve && r.kind === 'payout' && order ? payoutUnreleasable(tx, ctx, order) : null
      if (unreleasable && order) throw conflict(say('error.fourEyes.payoutNotReleasable', { orderNo: order.orderNo, why: unreleasable }), { code: 'four_eyes.payout_not_releasable' })
      const status = approve ? ('approved' as const) : ('rejected' as const)
      // Decided before it applies: finishing or closing the order withdraws the order's requests
      // still pending (orders/outcome.ts), and this one is decided, not withdrawn.
      tx.update(fourEyesRequests).set({ status, decidedBy: actor.userId, decidedAt: now, decisionNote: input.note || null, updatedAt: now }).where(eq(fourEyesRequests.id, r.id)).run()
      let postingId: number | null = null
      if (r.kind === 'payout' && order) {
        if (approve) releasePayout(tx, ctx, order, now)
        else close(tx, ctx, order, say('order.approvalRefused', { user: actor.username, reason: verbatim(input.note) }), now, actor.username)
      } else if (r.kind === 'mark_result' && order) {
        // Applied as the approver's own marking would be: the same rules, checked again now.
        if (approve) markOrderResult(tx, ctx, order.id, { result: action.result!, paidAmount: action.paidAmount, reason: r.reason })
        else addEvent(tx, order.id, now, 'manual', say('order.markRefused', { status: term('orderStatus', action.result!), user: actor.username, reason: verbatim(input.note) }), { approvalId: r.id }, actor.username)
        // A reconciliation break that asked for it (accepting theirs) follows the decision.
        reconApprovalEnded(tx, { id: r.id, orderNo: order.orderNo, result: action.result }, { outcome: approve ? 'approved' : 'rejected' }, actor.username, now)
      } else if (r.kind === 'recon_write_off') {
        // Closing a difference unbooked: every run's break waiting for it closes, or opens again.
        reconCloseDecided(tx, { id: r.id, reason: r.reason, action: r.action as { action?: string; breakId?: number } }, what, approve, actor.username, input.note, now)
      } else if (r.kind === 'channel_balance' && channel && approve) {
        const change = { kind: action.kind!, amount: action.amount!, reason: r.reason, requestKey: r.requestKey! }
        postingId = postChannelBalance(tx, ctx, channel, change, minorOf('amount', change.amount, channel.currency), actor.userId).postingId
      }
      if (postingId !== null) tx.update(fourEyesRequests).set({ postingId }).where(eq(fourEyesRequests.id, r.id)).run()
      ctx.audit(tx, {
        targetType: order ? 'order' : r.kind === 'recon_write_off' ? 'recon_break' : 'channel',
        targetId: order?.id ?? channel?.id ?? (r.action as { breakId?: number }).breakId ?? r.id,
        merchantId: r.merchantId ?? undefined,
        summary: approve ? say('audit.approvalApproved', { id: r.id, what }) : say('audit.approvalRejected', { id: r.id, what, reason: verbatim(input.note) }),
        before: { status: r.status },
        after: { approvalId: r.id, status, note: input.note, postingId }
      })
      return { id: r.id, sendOrder: approve && r.kind === 'payout' ? r.orderId : null, refused: null }
    })
    // Committed: the request withdrawn, the break open again, the refusal audited; then refused.
    if (decided.refused) throw conflict(decided.refused, { code: 'recon.accept_no_longer_holds' })
    // Sent after the commit, as a payout is right after its creation (orders.createPayout).
    if (decided.sendOrder) await ctx.sending.sendNow(decided.sendOrder)
    return loadRow(ctx.db, ctx, decided.id)
  }
})

/**
 * A marking that accepts theirs whose break no longer holds it: withdrawn, never applied, as a
 * request is when its order ends another way (four-eyes-requests.ts); the break is open again to
 * be decided as it now stands. Answers the refusal for the approver.
 */
function withdrawn(tx: Tx, ctx: Ctx, r: Stored, order: { id: number; merchantId: number }, what: ServerText, changed: NoLongerHolds, note: string, now: number): ServerText {
  const actor = actorOf(ctx)
  const request = say('recon.request.approval', { id: r.id, what })
  const refusal = say('error.recon.noLongerHolds', { request, breakId: changed.break.id, runId: changed.break.runId, why: changed.why })
  tx.update(fourEyesRequests).set({ status: 'withdrawn', decidedBy: actor.userId, decidedAt: now, decisionNote: note || null, updatedAt: now }).where(eq(fourEyesRequests.id, r.id)).run()
  addEvent(tx, order.id, now, 'manual', say('order.approvalNoLongerHolds', { id: r.id, what, user: actor.username, breakId: changed.break.id, why: changed.why }), { approvalId: r.id, breakId: changed.break.id }, actor.username)
  reopenWaiting(tx, changed.waiting, say('recon.requestWithdrawn', { request, user: actor.username, why: changed.why }), actor.username, now, { approvalId: r.id })
  ctx.audit(tx, {
    targetType: 'order',
    targetId: order.id,
    merchantId: order.merchantId,
    summary: refusal,
    before: { status: r.status },
    after: { approvalId: r.id, status: 'withdrawn', breakId: changed.break.id, reopened: changed.waiting.map((b) => b.id), note }
  })
  return refusal
}
