/** Reading refunds, disputes and waybills: the lists with their filters, and one case with its timeline. */
import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import type { ParsedInputOf } from '../../shared/contract'
import { DEADLINE_SOON_MS, type DisputeDetail, type DisputeRow, type RefundDetail, type RefundRow, type WaybillDetail, type WaybillRow } from '../../shared/contract/aftersales'
import { fromMinor } from '../../shared/money'
import { channels, disputeEvidence, disputes, disputeWaybills, ledgerPostings, merchants, orders, refunds, waybills } from '../db/schema'
import type { Db } from '../db/open'
import type { Tx } from '../db/transaction'
import { dayStartMs } from '../ledger/business-day'
import { caseTimeline } from '../cases/timeline'
import { offsetOf } from '../db/sql'
import { escapeLike } from '../db/sql'
import { refundHoldKey, type Refund } from './refunds'
import { carrierKey } from './waybills'
import { UNRESOLVED, type Dispute } from './disputes'

type Waybill = typeof waybills.$inferSelect
type ListBase = { page: number; pageSize: number; search?: string; orderId?: number; dateFrom?: string; dateTo?: string }
type Column = Parameters<typeof eq>[0]

interface Scope {
  tenantId: number
  merchantId: number | undefined
  zone: string
  now: number
}

function commonFilters(input: ListBase, scope: Scope, table: { tenantId: Column; merchantId: Column; orderId: Column; createdAt: Column }): SQL[] {
  const f: SQL[] = [eq(table.tenantId, scope.tenantId)]
  if (scope.merchantId !== undefined) f.push(eq(table.merchantId, scope.merchantId))
  if (input.orderId) f.push(eq(table.orderId, input.orderId))
  if (input.dateFrom) f.push(gte(table.createdAt, dayStartMs(input.dateFrom, scope.zone)))
  if (input.dateTo) f.push(lte(table.createdAt, dayStartMs(input.dateTo, scope.zone, 1) - 1))
  return f
}

function names(db: Db | Tx, merchantIds: number[], orderIds: number[]) {
  const merchantName = new Map(merchantIds.length ? db.select({ id: merchants.id, name: merchants.name }).from(merchants).where(inArray(merchants.id, [...new Set(merchantIds)])).all().map((m) => [m.id, m.name]) : [])
  const orderNo = new Map(orderIds.length ? db.select({ id: orders.id, no: orders.orderNo }).from(orders).where(inArray(orders.id, [...new Set(orderIds)])).all().map((o) => [o.id, o.no]) : [])
  return { merchant: (id: number) => merchantName.get(id) ?? '', order: (id: number) => orderNo.get(id) ?? '' }
}

/** PayDesk's own numbers (orders D…/P…, refunds R…, disputes DS…) are capitals: "d2026…" typed is the same. */
const ours = (text: string) => text.toUpperCase()
const orderNoIs = (column: Column, text: string) => sql`${column} in (select id from orders where order_no = ${ours(text)})`

// ── Refunds ──

function refundRows(db: Db | Tx, list: Refund[]): RefundRow[] {
  const n = names(db, list.map((r) => r.merchantId), list.map((r) => r.orderId))
  const channelName = new Map(list.length ? db.select({ id: channels.id, name: channels.name }).from(channels).where(inArray(channels.id, [...new Set(list.map((r) => r.channelId))])).all().map((c) => [c.id, c.name]) : [])
  return list.map((r) => ({
    id: r.id,
    refundNo: r.refundNo,
    orderId: r.orderId,
    orderNo: n.order(r.orderId),
    merchantId: r.merchantId,
    merchantName: n.merchant(r.merchantId),
    channelName: channelName.get(r.channelId) ?? '',
    currency: r.currency,
    amount: fromMinor(r.amountMinor, r.currency),
    fee: fromMinor(r.feeMinor, r.currency),
    reason: r.reason,
    status: r.status,
    statusReason: r.statusReason ?? null,
    upstreamNo: r.upstreamNo,
    isTest: r.isTest,
    createdAt: r.createdAt,
    finalizedAt: r.finalizedAt
  }))
}

export function listRefunds(db: Db, input: ParsedInputOf<'refunds.list'>, scope: Scope) {
  const f = commonFilters(input, scope, refunds)
  if (input.status) f.push(eq(refunds.status, input.status))
  if (input.search) f.push(or(eq(refunds.refundNo, ours(input.search)), eq(refunds.upstreamNo, input.search), orderNoIs(refunds.orderId, input.search))!)
  const where = and(...f)
  const total = db.select({ n: sql<number>`count(*)` }).from(refunds).where(where).get()?.n ?? 0
  const list = db.select().from(refunds).where(where).orderBy(desc(refunds.createdAt), desc(refunds.id)).limit(input.pageSize).offset(offsetOf(input.page, input.pageSize)).all()
  return { page: input.page, pageSize: input.pageSize, total, items: refundRows(db, list) }
}

export function refundDetail(db: Db | Tx, refund: Refund): RefundDetail {
  const hold = db.select({ status: ledgerPostings.status }).from(ledgerPostings).where(eq(ledgerPostings.idempotencyKey, refundHoldKey(refund))).get()
  return { ...refundRows(db, [refund])[0], timeline: caseTimeline(db, { type: 'refund', id: refund.id }), holdStatus: hold?.status ?? null }
}

// ── Waybills ──

function waybillRows(db: Db | Tx, list: Waybill[]): WaybillRow[] {
  const n = names(db, list.map((w) => w.merchantId), list.map((w) => w.orderId))
  return list.map((w) => ({
    id: w.id,
    orderId: w.orderId,
    orderNo: n.order(w.orderId),
    merchantId: w.merchantId,
    merchantName: n.merchant(w.merchantId),
    carrier: w.carrier,
    trackingNo: w.trackingNo,
    shippedAt: w.shippedAt,
    status: w.status,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt
  }))
}

export function listWaybills(db: Db, input: ParsedInputOf<'waybills.list'>, scope: Scope) {
  const f: SQL[] = [eq(waybills.tenantId, scope.tenantId)]
  if (scope.merchantId !== undefined) f.push(eq(waybills.merchantId, scope.merchantId))
  if (input.orderId) f.push(eq(waybills.orderId, input.orderId))
  // A waybill's date is when it shipped.
  if (input.dateFrom) f.push(gte(waybills.shippedAt, dayStartMs(input.dateFrom, scope.zone)))
  if (input.dateTo) f.push(lte(waybills.shippedAt, dayStartMs(input.dateTo, scope.zone, 1) - 1))
  if (input.status) f.push(eq(waybills.status, input.status))
  if (input.carrier) f.push(sql`lower(replace(${waybills.carrier}, ' ', '')) = ${carrierKey(input.carrier)}`)
  if (input.search) {
    const like = `%${escapeLike(input.search)}%`
    f.push(or(sql`${waybills.trackingNo} like ${like} escape '\\'`, sql`${waybills.carrier} like ${like} escape '\\'`, orderNoIs(waybills.orderId, input.search))!)
  }
  const where = and(...f)
  const total = db.select({ n: sql<number>`count(*)` }).from(waybills).where(where).get()?.n ?? 0
  const list = db.select().from(waybills).where(where).orderBy(desc(waybills.shippedAt), desc(waybills.id)).limit(input.pageSize).offset(offsetOf(input.page, input.pageSize)).all()
  return { page: input.page, pageSize: input.pageSize, total, items: waybillRows(db, list) }
}

export function waybillDetail(db: Db | Tx, waybill: Waybill): WaybillDetail {
  const linked = db
    .select({ id: disputes.id, disputeNo: disputes.disputeNo, status: disputes.status })
    .from(disputeWaybills)
    .innerJoin(disputes, eq(disputes.id, disputeWaybills.disputeId))
    .where(eq(disputeWaybills.waybillId, waybill.id))
    .orderBy(asc(disputes.id))
    .all()
  return { ...waybillRows(db, [waybill])[0], timeline: caseTimeline(db, { type: 'waybill', id: waybill.id }), disputes: linked }
}

// ── Disputes ──

export function deadlineOf(d: Pick<Dispute, 'status' | 'evidenceDueAt'>, now: number): DisputeRow['deadline'] {
  if (!UNRESOLVED.includes(d.status)) return 'none'
  if (d.evidenceDueAt < now) return 'overdue'
  return d.evidenceDueAt - now <= DEADLINE_SOON_MS ? 'soon' : 'none'
}

function disputeRows(db: Db | Tx, list: Dispute[], now: number): DisputeRow[] {
  const n = names(db, list.map((d) => d.merchantId), list.map((d) => d.orderId))
  return list.map((d) => ({
    id: d.id,
    disputeNo: d.disputeNo,
    orderId: d.orderId,
    orderNo: n.order(d.orderId),
    merchantId: d.merchantId,
    merchantName: n.merchant(d.merchantId),
    currency: d.currency,
    kind: d.kind,
    reasonCode: d.reasonCode,
    amount: fromMinor(d.amountMinor, d.currency),
    fee: fromMinor(d.feeMinor, d.currency),
    evidenceDueAt: d.evidenceDueAt,
    status: d.status,
    deadline: deadlineOf(d, now),
    isTest: d.isTest,
    createdAt: d.createdAt,
    resolvedAt: d.resolvedAt
  }))
}

export function listDisputes(db: Db, input: ParsedInputOf<'disputes.list'>, scope: Scope) {
  const f = commonFilters(input, scope, disputes)
  if (input.status) f.push(eq(disputes.status, input.status))
  if (input.kind) f.push(eq(disputes.kind, input.kind))
  if (input.deadline) {
    f.push(inArray(disputes.status, [...UNRESOLVED]))
    f.push(input.deadline === 'overdue' ? sql`${disputes.evidenceDueAt} < ${scope.now}` : and(gte(disputes.evidenceDueAt, scope.now), lte(disputes.evidenceDueAt, scope.now + DEADLINE_SOON_MS))!)
  }
  if (input.search) f.push(or(eq(disputes.disputeNo, ours(input.search)), eq(disputes.reasonCode, input.search), orderNoIs(disputes.orderId, input.search))!)
  const where = and(...f)
  const total = db.select({ n: sql<number>`count(*)` }).from(disputes).where(where).get()?.n ?? 0
  const list = db.select().from(disputes).where(where).orderBy(desc(disputes.createdAt), desc(disputes.id)).limit(input.pageSize).offset(offsetOf(input.page, input.pageSize)).all()
  return { page: input.page, pageSize: input.pageSize, total, items: disputeRows(db, list, scope.now) }
}

export function disputeDetail(db: Db | Tx, dispute: Dispute, now: number): DisputeDetail {
  const evidence = db
    .select({ id: disputeEvidence.id, fileName: disputeEvidence.fileName, mimeType: disputeEvidence.mimeType, size: disputeEvidence.sizeBytes, sha256: disputeEvidence.sha256, note: disputeEvidence.note, uploadedAt: disputeEvidence.uploadedAt })
    .from(disputeEvidence)
    .where(eq(disputeEvidence.disputeId, dispute.id))
    .orderBy(asc(disputeEvidence.id))
    .all()
  const attached = db.select({ w: waybills }).from(disputeWaybills).innerJoin(waybills, eq(waybills.id, disputeWaybills.waybillId)).where(eq(disputeWaybills.disputeId, dispute.id)).orderBy(asc(disputeWaybills.attachedAt)).all()
  return { ...disputeRows(db, [dispute], now)[0], timeline: caseTimeline(db, { type: 'dispute', id: dispute.id }), evidence, waybills: waybillRows(db, attached.map((a) => a.w)) }
}
