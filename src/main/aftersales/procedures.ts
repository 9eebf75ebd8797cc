/** After-sales: refunds, disputes and waybills. Every write is scoped to the caller's merchant and audited. */
import { and, eq, sql } from 'drizzle-orm'
import { fromMinor } from '../../shared/money'
import { moneyText } from '../../shared/money-text'
import { say, term, type ServerText } from '../../shared/server-text'
import { disputeEvidence, disputes, outbox, refunds, waybills } from '../db/schema'
import { transact, type Tx } from '../db/transaction'
import { actorOf, type Ctx } from '../core/context'
import { conflict, notFound } from '../core/errors'
import { handlers } from '../core/registry'
import { assertCanRead, merchantFilter } from '../core/scope'
import { addCaseEvent } from '../cases/timeline'
import { tenantZone } from '../core/tenant'
import { rowOf } from '../core/ref'
import { caseBalance, contractOf, givingBackRefusal, visibleOrder } from './cases'
import { assertUnresolved, attachWaybill, loadDispute, openDispute, resolveDispute, submitEvidence } from './disputes'
import { changeWaybillStatus, recordWaybill } from './waybills'
import { decodeEvidence, evidenceStore } from './evidence'
import { disputeDetail, listDisputes, listRefunds, listWaybills, refundDetail, waybillDetail } from './read'
import { requestRefund } from './refunds'

function scopeOf(ctx: Ctx, requested: number | undefined) {
  return { tenantId: ctx.tenantId, merchantId: merchantFilter(actorOf(ctx), requested), zone: tenantZone(ctx.db, ctx.tenantId), now: ctx.clock.now() }
}

function visible<T extends { merchantId: number; tenantId: number }>(ctx: Ctx, row: T | undefined, what: ServerText): T {
  if (!row || row.tenantId !== ctx.tenantId) throw notFound(what)
  assertCanRead(actorOf(ctx), row.merchantId, what)
  return row
}

const visibleRefund = (ctx: Ctx, db: Ctx['db'] | Tx, id: number) => visible(ctx, db.select().from(refunds).where(eq(refunds.id, id)).get(), say('thing.refund', { id }))
const visibleDispute = (ctx: Ctx, db: Ctx['db'] | Tx, id: number) => visible(ctx, db.select().from(disputes).where(eq(disputes.id, id)).get(), say('thing.dispute', { id }))
const visibleWaybill = (ctx: Ctx, db: Ctx['db'] | Tx, id: number) => visible(ctx, db.select().from(waybills).where(eq(waybills.id, id)).get(), say('thing.waybill', { id }))

/**
 * The waybill a tracking number names, among those the user may see (another merchant's parcel
 * with that number is not there for a merchant-bound user). A number is one parcel per carrier:
 * the same number at two carriers is refused, naming them, rather than one of them opened.
 */
function waybillByNo(ctx: Ctx, no: string): { id: number } | undefined {
  const merchantId = actorOf(ctx).merchantId
  const found = ctx.db
    .select({ id: waybills.id, carrier: waybills.carrier })
    .from(waybills)
    .where(and(eq(waybills.tenantId, ctx.tenantId), sql`upper(${waybills.trackingNo}) = ${no}`, merchantId === null ? undefined : eq(waybills.merchantId, merchantId)))
    .all()
  if (found.length > 1) throw conflict(say('error.waybills.severalWithNo', { trackingNo: no, carriers: found.map((w) => w.carrier).join(', ') }), { code: 'waybills.several_with_no' })
  return found[0]
}

const who = (ctx: Ctx) => ({ userId: actorOf(ctx).userId, actor: actorOf(ctx).username, merchantUser: actorOf(ctx).merchantId !== null })

export const aftersalesProcedures = handlers({
  'refunds.quote': (ctx, input) => {
    const order = visibleOrder(ctx, ctx.db, input.orderId)
    const b = caseBalance(ctx.db, order)
    const contract = contractOf(ctx.db, order)
    const unavailable = givingBackRefusal(order)
    const f = (minor: number) => fromMinor(minor, order.currency)
    // The contract's fees are minor units of its settlement currency: quoted in the order's only
    // when the two are the same (an FX-settled order is refused, and `unavailable` says why).
    const fee = (minor: number) => (unavailable === null && contract.settlementCurrency === order.currency ? f(minor) : null)
    return {
      currency: order.currency,
      paid: f(b.paid),
      refunded: f(b.refunded),
      disputed: f(b.disputed),
      remaining: f(Math.max(b.remaining, 0)),
      refundFee: fee(contract.refundFeeMinor),
      disputeFee: fee(contract.disputeFeeMinor),
      unavailable
    }
  },

  'refunds.create': async (ctx, input) => {
    const refund = transact(ctx.db, (tx) => {
      const order = visibleOrder(ctx, tx, input.orderId)
      const created = requestRefund(tx, ctx.ledger, ctx.tenantId, order, { amount: input.amount, reason: input.reason, ...who(ctx) }, ctx.clock.now())
      ctx.audit(tx, {
        targetType: 'refund',
        targetId: created.id,
        merchantId: created.merchantId,
        summary: say('audit.refundRequested', { refundNo: created.refundNo, money: moneyText(created.amountMinor, created.currency), orderNo: order.orderNo }),
        after: { refundNo: created.refundNo, orderNo: order.orderNo, amount: input.amount, fee: fromMinor(created.feeMinor, created.currency), reason: input.reason, status: created.status }
      })
      return created
    })
    // Sent at once; when the provider cannot be reached it waits in the outbox under the same key.
    const item = ctx.db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.operation, 'send_refund'), eq(outbox.idempotencyKey, refund.refundNo))).get()
    if (item) await ctx.sending.runOutboxItem(item.id)
    return refundDetail(ctx.db, visibleRefund(ctx, ctx.db, refund.id))
  },

  'refunds.list': (ctx, input) => listRefunds(ctx.db, input, scopeOf(ctx, input.merchantId)),
  'refunds.get': (ctx, input) => {
    const byNo = (no: string) => ctx.db.select({ id: refunds.id }).from(refunds).where(and(eq(refunds.tenantId, ctx.tenantId), eq(refunds.refundNo, no))).get()
    return refundDetail(ctx.db, rowOf(input, byNo, (no) => notFound(say('thing.refund', { id: no })), (id) => visibleRefund(ctx, ctx.db, id)))
  },

  'disputes.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const order = visibleOrder(ctx, tx, input.orderId)
      const dispute = openDispute(tx, ctx.ledger, ctx.tenantId, order, { ...input, ...who(ctx) }, now)
      ctx.audit(tx, {
        targetType: 'dispute',
        targetId: dispute.id,
        merchantId: dispute.merchantId,
        summary: say('audit.disputeOpened', { kind: term('disputeKind', dispute.kind), disputeNo: dispute.disputeNo, money: moneyText(dispute.amountMinor, dispute.currency), orderNo: order.orderNo }),
        after: {
          disputeNo: dispute.disputeNo,
          orderNo: order.orderNo,
          kind: dispute.kind,
          reasonCode: dispute.reasonCode,
          amount: input.amount,
          fee: fromMinor(dispute.feeMinor, dispute.currency),
          evidenceDueAt: dispute.evidenceDueAt,
          // A chargeback booked on short balances: which accounts went below zero, and by how much.
          ...(dispute.overdrafts.length > 0 && {
            belowZero: dispute.overdrafts.map((o) => ({ account: o.account.kind, availableBefore: fromMinor(o.availableBefore, dispute.currency), shortBy: fromMinor(o.shortBy, dispute.currency), availableAfter: fromMinor(o.availableAfter, dispute.currency) }))
          })
        }
      })
      return disputeDetail(tx, dispute, now)
    }),

  'disputes.list': (ctx, input) => listDisputes(ctx.db, input, scopeOf(ctx, input.merchantId)),
  'disputes.get': (ctx, input) => {
    const byNo = (no: string) => ctx.db.select({ id: disputes.id }).from(disputes).where(and(eq(disputes.tenantId, ctx.tenantId), eq(disputes.disputeNo, no))).get()
    return disputeDetail(ctx.db, rowOf(input, byNo, (no) => notFound(say('thing.dispute', { id: no })), (id) => visibleDispute(ctx, ctx.db, id)), ctx.clock.now())
  },

  'disputes.addEvidence': (ctx, input) => {
    const dispute = visibleDispute(ctx, ctx.db, input.id)
    assertUnresolved(dispute)
    const file = decodeEvidence(input.contentBase64)
    const stored = evidenceStore(ctx.evidenceDir).put(dispute.id, file)
    try {
      return transact(ctx.db, (tx) => {
        const now = ctx.clock.now()
        const current = loadDispute(tx, dispute.id)
        assertUnresolved(current)
        tx.insert(disputeEvidence)
          .values({ disputeId: dispute.id, fileName: input.fileName, mimeType: file.mimeType, sizeBytes: file.bytes.length, sha256: file.sha256, storedName: stored.storedName, note: input.note, uploadedBy: actorOf(ctx).userId, uploadedAt: now })
          .run()
        addCaseEvent(tx, { type: 'dispute', id: dispute.id }, now, say('dispute.evidenceAdded', { fileName: input.fileName, size: file.bytes.length }), { actor: actorOf(ctx).username, detail: { sha256: file.sha256, mimeType: file.mimeType } })
        ctx.audit(tx, { targetType: 'dispute', targetId: dispute.id, merchantId: dispute.merchantId, summary: say('audit.disputeEvidence', { fileName: input.fileName, disputeNo: dispute.disputeNo }), after: { fileName: input.fileName, mimeType: file.mimeType, size: file.bytes.length, sha256: file.sha256 } })
        return disputeDetail(tx, current, now)
      })
    } catch (error) {
      stored.discard()
      throw error
    }
  },

  'disputes.evidenceFile': (ctx, input) => {
    const file = ctx.db.select().from(disputeEvidence).where(eq(disputeEvidence.id, input.id)).get()
    if (!file) throw notFound(say('thing.evidenceFile', { id: input.id }))
    visible(ctx, ctx.db.select().from(disputes).where(eq(disputes.id, file.disputeId)).get(), say('thing.evidenceFile', { id: input.id }))
    return { fileName: file.fileName, mimeType: file.mimeType, contentBase64: evidenceStore(ctx.evidenceDir).read(file.storedName).toString('base64') }
  },

  'disputes.attachWaybill': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const dispute = visibleDispute(ctx, tx, input.id)
      const waybill = visibleWaybill(ctx, tx, input.waybillId)
      attachWaybill(tx, dispute, waybill, actorOf(ctx).username, now)
      ctx.audit(tx, { targetType: 'dispute', targetId: dispute.id, merchantId: dispute.merchantId, summary: say('audit.disputeWaybill', { trackingNo: waybill.trackingNo, disputeNo: dispute.disputeNo }), after: { waybillId: waybill.id } })
      return disputeDetail(tx, dispute, now)
    }),

  'disputes.addNote': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const dispute = visibleDispute(ctx, tx, input.id)
      addCaseEvent(tx, { type: 'dispute', id: dispute.id }, now, say('dispute.note', { note: input.note }), { actor: actorOf(ctx).username })
      ctx.audit(tx, { targetType: 'dispute', targetId: dispute.id, merchantId: dispute.merchantId, summary: say('audit.disputeNote', { disputeNo: dispute.disputeNo }), after: { note: input.note } })
      return disputeDetail(tx, dispute, now)
    }),

  'disputes.submitEvidence': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const dispute = visibleDispute(ctx, tx, input.id)
      const submitted = submitEvidence(tx, dispute, input.note, actorOf(ctx).username, now)
      ctx.audit(tx, { targetType: 'dispute', targetId: dispute.id, merchantId: dispute.merchantId, summary: say('audit.disputeSubmitted', { disputeNo: dispute.disputeNo }), before: { status: dispute.status }, after: { status: 'evidence_submitted', ...submitted } })
      return disputeDetail(tx, loadDispute(tx, dispute.id), now)
    }),

  'disputes.resolve': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const dispute = visibleDispute(ctx, tx, input.id)
      const order = visibleOrder(ctx, tx, dispute.orderId)
      resolveDispute(tx, ctx.ledger, order, dispute, input.outcome, input.reason, actorOf(ctx).username, now)
      ctx.audit(tx, {
        targetType: 'dispute',
        targetId: dispute.id,
        merchantId: dispute.merchantId,
        summary: say('audit.disputeResolved', { disputeNo: dispute.disputeNo, status: term('disputeStatus', input.outcome), reason: input.reason }),
        before: { status: dispute.status },
        after: { status: input.outcome, reason: input.reason }
      })
      return disputeDetail(tx, loadDispute(tx, dispute.id), now)
    }),

  'waybills.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const order = visibleOrder(ctx, tx, input.orderId)
      const waybill = recordWaybill(tx, ctx.tenantId, order, input, who(ctx), now)
      ctx.audit(tx, { targetType: 'waybill', targetId: waybill.id, merchantId: waybill.merchantId, summary: say('audit.waybillCreated', { carrier: waybill.carrier, trackingNo: waybill.trackingNo, orderNo: order.orderNo }), after: input })
      return waybillDetail(tx, waybill)
    }),

  'waybills.updateStatus': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const now = ctx.clock.now()
      const waybill = visibleWaybill(ctx, tx, input.id)
      const changed = changeWaybillStatus(tx, waybill, input.status, input.note, actorOf(ctx).username, now)
      ctx.audit(tx, { targetType: 'waybill', targetId: waybill.id, merchantId: waybill.merchantId, summary: say('audit.waybillStatus', { trackingNo: waybill.trackingNo, status: term('waybillStatus', input.status) }), before: { status: waybill.status }, after: { status: input.status, note: input.note } })
      return waybillDetail(tx, changed)
    }),

  'waybills.list': (ctx, input) => listWaybills(ctx.db, input, scopeOf(ctx, input.merchantId)),
  'waybills.get': (ctx, input) =>
    waybillDetail(ctx.db, rowOf(input, (no) => waybillByNo(ctx, no), (no) => notFound(say('thing.waybill', { id: no })), (id) => visibleWaybill(ctx, ctx.db, id)))
})
