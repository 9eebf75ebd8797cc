/**
 * Manual adjustments (entry type 99) under maker-checker: one user requests (ADJUSTMENT_REQUEST),
 * which moves no money; another user approves (ADJUSTMENT_APPROVE), which posts the adjustment to
 * the merchant's available balance against suspense, or rejects it. Nobody decides their own request.
 */
import { alias } from 'drizzle-orm/sqlite-core'
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { AdjustmentRow } from '../../shared/contract/finance'
import { ENTRY_TYPES } from '../../shared/ledger'
import { fromMinor } from '../../shared/money'
import { say, verbatim } from '../../shared/server-text'
import { adjustmentRequests, contracts, merchants, users } from '../db/schema'
import type { Db } from '../db/open'
import { transact, type Tx } from '../db/transaction'
import { actorOf, type Ctx } from '../core/context'
import { conflict, notFound, validationError } from '../core/errors'
import { handlers } from '../core/registry'
import { assertCanRead, merchantFilter } from '../core/scope'
import { addCaseEvent, caseTimeline } from '../cases/timeline'
import { assertNotRequester, merchantBalance, nextCaseNumber } from '../finance/cases'
import type { PostingInput } from '../ledger/types'
import { merchantForWrite, ordering } from './master-fields'
import { escapeLike, offsetOf } from './sql'
import { minorOf } from '../core/amount-input'
import { assertSameRequest } from '../core/request-key'
import { adjustmentDecided } from '../orders/parked'

type Stored = typeof adjustmentRequests.$inferSelect

const requester = alias(users, 'requester')
const decider = alias(users, 'decider')
const columns = { ...getTableColumns(adjustmentRequests), merchantName: merchants.name, requestedByName: requester.username, decidedByName: decider.username }
type Joined = Stored & { merchantName: string; requestedByName: string; decidedByName: string | null }

const SORT = {
  createdAt: adjustmentRequests.createdAt,
  adjustmentNo: adjustmentRequests.adjustmentNo,
  amount: adjustmentRequests.amountMinor,
  status: adjustmentRequests.status,
  merchantName: merchants.name
}

/** Db and Tx build the same query; one type keeps `.get()` typed. */
function joined(db: Db | Tx) {
  return (db as Db)
    .select(columns)
    .from(adjustmentRequests)
    .innerJoin(merchants, eq(merchants.id, adjustmentRequests.merchantId))
    .innerJoin(requester, eq(requester.id, adjustmentRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, adjustmentRequests.decidedBy))
}

function toRow(r: Joined): AdjustmentRow {
  return {
    id: r.id,
    adjustmentNo: r.adjustmentNo,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    contractId: r.contractId,
    currency: r.currency,
    amount: fromMinor(r.amountMinor, r.currency),
    reason: r.reason,
    status: r.status,
    requestedById: r.requestedBy,
    requestedBy: r.requestedByName,
    decidedBy: r.decidedByName,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    postingId: r.postingId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt
  }
}

function loadRow(db: Db | Tx, ctx: Ctx, id: number): AdjustmentRow {
  const row = joined(db)
    .where(and(eq(adjustmentRequests.id, id), eq(adjustmentRequests.tenantId, ctx.tenantId)))
    .get()
  if (!row) throw notFound(`Adjustment ${id}`)
  assertCanRead(actorOf(ctx), row.merchantId, `Adjustment ${id}`)
  return toRow(row)
}

export function adjustmentPosting(a: Stored, approvedBy: number): PostingInput {
  const remark = a.reason
  return {
    idempotencyKey: `adjust:${a.adjustmentNo}`,
    description: `Manual adjustment ${a.adjustmentNo}: ${a.reason}`,
    txnId: Number(a.adjustmentNo.slice(1)),
    merchantId: a.merchantId,
    contractId: a.contractId,
    reference: a.adjustmentNo,
    createdBy: approvedBy,
    entries: [
      { account: { kind: 'merchant_available', merchantId: a.merchantId, currency: a.currency }, delta: a.amountMinor, type: ENTRY_TYPES.MANUAL_ADJUSTMENT, remark },
      { account: { kind: 'suspense', currency: a.currency }, delta: -a.amountMinor, type: ENTRY_TYPES.MANUAL_ADJUSTMENT, remark }
    ]
  }
}

const money = (minor: number, currency: string) => `${currency} ${fromMinor(minor, currency)}`

export interface AdjustmentRequest {
  merchantId: number
  contractId: number
  currency: string
  amountMinor: number
  reason: string
  requestKey: string
}

/**
 * Records a pending adjustment (no money moves until another user approves it). The request key
 * makes a retry safe: the same key with the same content answers the first request; with other
 * content it is a conflict, never taken as the first (the caller would believe the second amount
 * was recorded).
 */
export function requestAdjustment(tx: Tx, ctx: Ctx, input: AdjustmentRequest): { id: number; adjustmentNo: string; replayed: boolean } {
  const actor = actorOf(ctx)
  const existing = tx.select().from(adjustmentRequests).where(and(eq(adjustmentRequests.tenantId, ctx.tenantId), eq(adjustmentRequests.requestKey, input.requestKey))).get()
  if (existing) {
    assertCanRead(actor, existing.merchantId, `Adjustment ${existing.id}`)
    const { merchantId, contractId, currency, reason } = input
    const first = { no: `adjustment ${existing.adjustmentNo}`, content: { ...existing, amount: existing.amountMinor } }
    assertSameRequest(input.requestKey, first, { merchantId, contractId, currency, amount: input.amountMinor, reason })
    ctx.audit(tx, { targetType: 'adjustment', targetId: existing.id, merchantId: existing.merchantId, summary: say('adjustment.replayed', { adjustmentNo: existing.adjustmentNo }) })
    return { id: existing.id, adjustmentNo: existing.adjustmentNo, replayed: true }
  }
  const merchant = merchantForWrite(tx, ctx, input.merchantId)
  const contract = tx.select().from(contracts).where(eq(contracts.id, input.contractId)).get()
  if (!contract || contract.merchantId !== merchant.id) throw validationError('contractId', `contract ${input.contractId} is not a contract of merchant ${merchant.id}`)
  if (contract.settlementCurrency !== input.currency) throw validationError('currency', `contract ${contract.id} settles in ${contract.settlementCurrency}, not ${input.currency}`)
  const now = ctx.clock.now()
  const number = nextCaseNumber(tx, ctx.tenantId, now)
  const a = tx
    .insert(adjustmentRequests)
    .values({
      tenantId: ctx.tenantId,
      adjustmentNo: `A${number.txnNo}`,
      merchantId: merchant.id,
      contractId: contract.id,
      currency: input.currency,
      amountMinor: input.amountMinor,
      reason: input.reason,
      status: 'pending',
      requestKey: input.requestKey,
      requestedBy: actor.userId,
      createdAt: now,
      updatedAt: now
    })
    .returning()
    .get()
  const text = say('adjustment.requested', { adjustmentNo: a.adjustmentNo, amount: money(input.amountMinor, a.currency), merchant: merchant.name, reason: verbatim(a.reason) })
  addCaseEvent(tx, { type: 'adjustment', id: a.id }, now, text, { actor: actor.username })
  ctx.audit(tx, { targetType: 'adjustment', targetId: a.id, merchantId: merchant.id, summary: text, after: { ...a } })
  return { id: a.id, adjustmentNo: a.adjustmentNo, replayed: false }
}

export const adjustmentProcedures = handlers({
  'adjustments.list': (ctx, input) => {
    const filters: SQL[] = [eq(adjustmentRequests.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(eq(adjustmentRequests.merchantId, merchantId))
    if (input.status) filters.push(eq(adjustmentRequests.status, input.status))
    if (input.currency) filters.push(eq(adjustmentRequests.currency, input.currency))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(sql`(${adjustmentRequests.adjustmentNo} like ${pattern} escape '\\' or ${adjustmentRequests.reason} like ${pattern} escape '\\')`)
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(adjustmentRequests).where(where).get()?.n ?? 0
    const items = joined(ctx.db)
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, adjustmentRequests.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map(toRow)
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'adjustments.get': (ctx, input) => {
    const row = loadRow(ctx.db, ctx, input.id)
    const timeline = caseTimeline(ctx.db, { type: 'adjustment', id: row.id }).map((e) => ({ id: e.id, at: e.at, summary: e.summary, text: e.text, actor: e.actor }))
    return { ...row, timeline, balance: merchantBalance(ctx.ledger, row.merchantId, row.currency) }
  },

  'adjustments.request': (ctx, input) => {
    const amountMinor = minorOf('amount', input.amount, input.currency)
    return transact(ctx.db, (tx) => requestAdjustment(tx, ctx, { ...input, amountMinor }))
  },

  'adjustments.decide': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const a = tx.select().from(adjustmentRequests).where(and(eq(adjustmentRequests.id, input.id), eq(adjustmentRequests.tenantId, ctx.tenantId))).get()
      if (!a) throw notFound(`Adjustment ${input.id}`)
      assertCanRead(actor, a.merchantId, `Adjustment ${input.id}`)
      if (a.status !== 'pending') throw conflict(`Adjustment ${a.adjustmentNo} was already decided`, { code: 'adjustments.decided' })
      assertNotRequester(actor, a.requestedBy, `adjustment ${a.adjustmentNo}`, 'adjustments.maker_checker')
      const now = ctx.clock.now()
      let postingId: number | null = null
      let text
      if (input.decision === 'approve') {
        // A debit the merchant's available balance cannot cover is refused by the ledger core.
        postingId = ctx.ledger.post({ ...adjustmentPosting(a, actor.userId), at: now }).postingId
        text = say('adjustment.approved', { adjustmentNo: a.adjustmentNo, amount: money(a.amountMinor, a.currency), postingId })
      } else {
        text = say('adjustment.rejected', { adjustmentNo: a.adjustmentNo, reason: verbatim(input.note) })
      }
      const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const)
      tx.update(adjustmentRequests).set({ status, decidedBy: actor.userId, decidedAt: now, decisionNote: input.note || null, postingId, updatedAt: now }).where(eq(adjustmentRequests.id, a.id)).run()
      addCaseEvent(tx, { type: 'adjustment', id: a.id }, now, text, { actor: actor.username, detail: postingId ? { postingId } : undefined })
      adjustmentDecided(tx, { id: a.id, adjustmentNo: a.adjustmentNo, approved: status === 'approved', postingId, actor: actor.username }, now)
      ctx.audit(tx, { targetType: 'adjustment', targetId: a.id, merchantId: a.merchantId, summary: text, before: { status: a.status }, after: { status, postingId, note: input.note } })
      return loadRow(tx, ctx, a.id)
    })
  }
})
