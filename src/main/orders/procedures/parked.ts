/**
 * Parked provider reports: the list in Manual operations and on the order's page, and the
 * decisions on them (orders/parked.ts has the rules and the postings). Every decision needs a
 * reason, is audited and written on the order's timeline; money moves only through the ledger's
 * postings here or, for a credit to the merchant, through an adjustment and its maker-checker.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { ParkedRow } from '../../../shared/contract/parked'
import { fromMinor } from '../../../shared/money'
import { moneyText } from '../../../shared/money-text'
import { PERMISSIONS } from '../../../shared/permissions'
import { permissionTerm, say, term, verbatim, type TermValue } from '../../../shared/server-text'
import { contracts, merchants, orders, paymentExceptions, users } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { conflict, forbidden, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { finish, isRehearsalChannel, loadOrder } from '../outcome'
import { actionsOf, holdingKey, park, returnPosting, type PaymentException } from '../parked'
import { addEvent } from '../timeline'
import { requestAdjustment } from '../../finance/adjustments'
import { offsetOf } from '../../db/sql'

const columns = {
  e: paymentExceptions,
  orderNo: orders.orderNo,
  direction: orders.direction,
  orderStatus: orders.status,
  amountMinor: orders.amountMinor,
  merchantName: merchants.name,
  resolvedByName: users.username
}

function joined(db: Db | Tx) {
  return (db as Db)
    .select(columns)
    .from(paymentExceptions)
    .innerJoin(orders, eq(orders.id, paymentExceptions.orderId))
    .innerJoin(merchants, eq(merchants.id, paymentExceptions.merchantId))
    .leftJoin(users, eq(users.id, paymentExceptions.resolvedBy))
}

type Joined = { e: PaymentException; orderNo: string; direction: 'deposit' | 'payout'; orderStatus: string; amountMinor: number; merchantName: string; resolvedByName: string | null }

function toRow(r: Joined): ParkedRow {
  const { e } = r
  return {
    id: e.id,
    orderId: e.orderId,
    orderNo: r.orderNo,
    direction: r.direction,
    orderStatus: r.orderStatus,
    merchantId: e.merchantId,
    merchantName: r.merchantName,
    kind: e.kind,
    source: e.source,
    reported: e.reported,
    reason: e.reason,
    reasonText: e.reasonText,
    currency: e.currency,
    orderAmount: fromMinor(r.amountMinor, e.currency),
    held: fromMinor(e.heldMinor, e.currency),
    status: e.status,
    resolution: e.resolution,
    resolutionNote: e.resolutionNote,
    adjustmentId: e.adjustmentId,
    resolvedBy: r.resolvedByName,
    resolvedAt: e.resolvedAt,
    actions: actionsOf(e),
    createdAt: e.createdAt
  }
}

function loadRow(db: Db | Tx, ctx: Ctx, id: number): ParkedRow {
  const row = joined(db)
    .where(and(eq(paymentExceptions.id, id), eq(paymentExceptions.tenantId, ctx.tenantId)))
    .get()
  if (!row) throw notFound(say('thing.parkedReport', { id }))
  assertCanRead(actorOf(ctx), row.e.merchantId, say('thing.parkedReport', { id }))
  return toRow(row)
}

/** Books a late payment held in suspense as the order's payment; an excess over the amount stays parked. */
function bookLatePayment(tx: Tx, ctx: Ctx, e: PaymentException, reason: string, now: number): void {
  const order = loadOrder(tx, e.orderId)
  if (order.direction !== 'deposit' || (order.status !== 'closed' && order.status !== 'failed')) {
    throw conflict(say('error.parked.notBookable', { orderNo: order.orderNo, status: term('orderStatus', order.status) }), { code: 'parked.not_bookable' })
  }
  const actor = actorOf(ctx)
  const bookedMinor = Math.min(e.heldMinor, order.amountMinor)
  const why = say('text.reasonBy', { what: say('order.manualBookedLate'), user: actor.username, reason })
  // The order was closed or failed: it is reopened to be posted, from suspense where the money waits.
  finish(tx, ctx, { ...order, status: 'pending' }, { status: 'succeeded', paidMinor: bookedMinor, reason: why, source: 'manual', actor: actor.username, paidFrom: 'suspense' }, now)
  if (e.heldMinor > bookedMinor) {
    const money = (minor: number) => moneyText(minor, order.currency)
    const excess = e.heldMinor - bookedMinor
    const text = say('reason.overpaid', { paid: money(e.heldMinor), amount: money(order.amountMinor), excess: money(excess) })
    park(tx, ctx, { order: loadOrder(tx, order.id), kind: 'overpaid', text, source: 'manual', reportKey: holdingKey('overpaid', order), reported: e.reported, alreadyHeld: { minor: excess, postingId: e.heldPostingId } }, now)
  }
}

export const parkedProcedures = handlers({
  'parked.list': (ctx, input) => {
    const filters: SQL[] = [eq(paymentExceptions.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(eq(paymentExceptions.merchantId, merchantId))
    if (input.status) filters.push(eq(paymentExceptions.status, input.status))
    if (input.kind) filters.push(eq(paymentExceptions.kind, input.kind))
    if (input.orderId) filters.push(eq(paymentExceptions.orderId, input.orderId))
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(paymentExceptions).where(where).get()?.n ?? 0
    const items = joined(ctx.db)
      .where(where)
      .orderBy(desc(paymentExceptions.createdAt), desc(paymentExceptions.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map(toRow)
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'parked.resolve': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const e = tx.select().from(paymentExceptions).where(and(eq(paymentExceptions.id, input.id), eq(paymentExceptions.tenantId, ctx.tenantId))).get()
      if (!e) throw notFound(say('thing.parkedReport', { id: input.id }))
      assertCanRead(actor, e.merchantId, say('thing.parkedReport', { id: input.id }))
      if (e.status !== 'open') throw conflict(say(e.status === 'resolved' ? 'error.parked.decided' : 'error.parked.awaitingApproval', { id: e.id }), { code: 'parked.decided' })
      const allowed = actionsOf(e)
      if (!allowed.includes(input.action)) throw validationError('action', say('rule.parkedActions', { kind: term('parkedKind', e.kind), actions: allowed.length ? allowed.join(', ') : say('rule.nothing') }))
      const order = loadOrder(tx, e.orderId)
      // What the ledger held for a rehearsal's order it also reversed: there is nothing to credit or book.
      if ((input.action === 'credit' || input.action === 'book') && isRehearsalChannel(tx, order.channelId)) {
        throw conflict(say('error.parked.rehearsal', { orderNo: order.orderNo }), { field: 'action', code: 'parked.rehearsal' })
      }
      const now = ctx.clock.now()
      const held = moneyText(e.heldMinor, e.currency)
      let update: Partial<typeof paymentExceptions.$inferInsert>
      if (input.action === 'credit') {
        if (!actor.permissions.has(PERMISSIONS.ADJUSTMENT_REQUEST)) throw forbidden(say('error.parked.creditNeedsAdjustment', { permission: permissionTerm(PERMISSIONS.ADJUSTMENT_REQUEST), code: PERMISSIONS.ADJUSTMENT_REQUEST }), 'permission.missing')
        if (!input.requestKey) throw validationError('requestKey', say('rule.requestKeyToCredit'))
        const contract = tx.select().from(contracts).where(eq(contracts.id, order.contractId)).get()!
        if (contract.settlementCurrency !== e.currency) {
          throw conflict(say('error.parked.fxCredit', { orderNo: order.orderNo, settlement: contract.settlementCurrency, currency: e.currency }), { code: 'parked.fx_credit' })
        }
        const adjustment = requestAdjustment(tx, ctx, { merchantId: e.merchantId, contractId: contract.id, currency: e.currency, amountMinor: e.heldMinor, reason: `Overpayment of ${order.orderNo}: ${input.reason}`, requestKey: input.requestKey })
        update = { status: 'awaiting_approval', adjustmentId: adjustment.id }
        addEvent(tx, order.id, now, 'manual', say('order.parkedCreditRequested', { kind: term('parkedKind', e.kind), adjustmentNo: adjustment.adjustmentNo, money: held, user: actor.username, reason: verbatim(input.reason) }), { paymentExceptionId: e.id, adjustmentId: adjustment.id }, actor.username)
      } else {
        let postingId: number | null = null
        if (input.action === 'book') bookLatePayment(tx, ctx, e, input.reason, now)
        if (input.action === 'return') postingId = ctx.ledger.post({ ...returnPosting(order, e, actor.userId), at: now }).postingId
        const resolution: TermValue<'parkedResolution'> = input.action === 'book' ? 'booked' : input.action === 'return' ? 'returned' : 'dismissed'
        update = { status: 'resolved', resolution, resolvedPostingId: postingId, resolvedBy: actor.userId, resolvedAt: now }
        const text = say('order.parkedResolved', { kind: term('parkedKind', e.kind), resolution: term('parkedResolution', resolution), user: actor.username, reason: verbatim(input.reason) })
        addEvent(tx, order.id, now, 'manual', text, { paymentExceptionId: e.id, postingId }, actor.username)
      }
      tx.update(paymentExceptions).set({ ...update, resolutionNote: input.reason, updatedAt: now }).where(eq(paymentExceptions.id, e.id)).run()
      ctx.audit(tx, {
        targetType: 'order',
        targetId: order.id,
        merchantId: order.merchantId,
        summary: say('audit.parkedResolved', { orderNo: order.orderNo, kind: term('parkedKind', e.kind), action: term('parkedAction', input.action), reason: verbatim(input.reason) }),
        before: { status: e.status, held },
        after: { status: update.status, resolution: update.resolution ?? null, adjustmentId: update.adjustmentId ?? null }
      })
      return loadRow(tx, ctx, e.id)
    })
  }
})
