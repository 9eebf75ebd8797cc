/**
 * Withdrawals as procedures (the rules and postings: finance/withdrawals.ts).
 *
 *   pending_review ──approve──▶ approved ──paid (bank reference)──▶ paid
 *        │                         └──────failed (reason)─────────▶ failed
 *        └──reject (reason)──▶ rejected
 *
 * Requesting holds amount + the contract's withdrawal fee through the ledger core (the hold
 * checks the available balance); paid posts the hold as withdrawal (8) and fee (9); rejected and
 * failed void it. Review and completion need WITHDRAWAL_REVIEW and are never done by the user who
 * requested the withdrawal (maker-checker). The reviewer records the bank transfer's outcome after
 * making it. The withdrawn amount is credited to suspense (money on its way to the merchant's bank)
 * until reconciliation matches it against the bank statement.
 */
import { alias } from 'drizzle-orm/sqlite-core'
import { and, eq, getTableColumns, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { WithdrawalRow } from '../../../shared/contract/finance'
import { fromMinor } from '../../../shared/money'
import { moneyText } from '../../../shared/money-text'
import { bank, bankCountryOf, bankLabel } from '../../../shared/reference'
import { say, verbatim, type ServerText } from '../../../shared/server-text'
import type { Ledger } from '../../ledger/ledger'
import { merchants, users, withdrawals } from '../../db/schema'
import type { Db } from '../../db/open'
import { transact, type Tx } from '../../db/transaction'
import { actorOf, type Ctx } from '../../core/context'
import { AppError, conflict, notFound, validationError } from '../../core/errors'
import { handlers } from '../../core/registry'
import { assertCanRead, merchantFilter } from '../../core/scope'
import { addCaseEvent, caseTimeline } from '../../cases/timeline'
import { assertNotRequester, merchantBalance, merchantOwes, nextCaseNumber } from '../cases'
import { forChange, holdKey, withdrawalHoldPosting } from '../withdrawals'
import { activeContract } from '../../master/contracts'
import { minorOf } from '../../core/amount-input'
import { assertKeyOpenTo, assertSameRequest } from '../../core/request-key'
import { merchantForWrite, ordering } from '../../master/fields'
import { escapeLike, offsetOf } from '../../db/sql'
import { numberForms, rowOf } from '../../core/ref'

type Stored = typeof withdrawals.$inferSelect

const requester = alias(users, 'requester')
const reviewer = alias(users, 'reviewer')
const settler = alias(users, 'settler')
const columns = {
  ...getTableColumns(withdrawals),
  merchantName: merchants.name,
  merchantStatus: merchants.status,
  requestedByName: requester.username,
  reviewedByName: reviewer.username,
  settledByName: settler.username
}
type Joined = Stored & { merchantName: string; merchantStatus: string; requestedByName: string; reviewedByName: string | null; settledByName: string | null }

const SORT = {
  createdAt: withdrawals.createdAt,
  withdrawalNo: withdrawals.withdrawalNo,
  amount: withdrawals.amountMinor,
  status: withdrawals.status,
  merchantName: merchants.name
}

/** Db and Tx build the same query; one type keeps `.get()` typed. */
function joined(db: Db | Tx) {
  return (db as Db)
    .select(columns)
    .from(withdrawals)
    .innerJoin(merchants, eq(merchants.id, withdrawals.merchantId))
    .innerJoin(requester, eq(requester.id, withdrawals.requestedBy))
    .leftJoin(reviewer, eq(reviewer.id, withdrawals.reviewedBy))
    .leftJoin(settler, eq(settler.id, withdrawals.settledBy))
}

type Waiting = Pick<Stored, 'status' | 'merchantId' | 'currency' | 'withdrawalNo'> & { merchantName: string; merchantStatus: string }

/**
 * Why approving a withdrawal waiting for review is refused now, or null, with the refusal's code.
 * Requesting it checked what can change while it waits: its merchant active, and the merchant's
 * balance covering it, so owing nothing (a chargeback booked on a short balance since). The review
 * asks again; the list and the page show it before anyone tries. Its hold stands: a reviewer
 * approves it once that is put right, or rejects it. (Its bank and fee were fixed at the request.)
 */
function approvalBlock(ledger: Ledger, w: Waiting): { why: ServerText; code: string } | null {
  if (w.status !== 'pending_review') return null
  if (w.merchantStatus !== 'active') return { why: say('error.withdrawals.merchantDisabled', { no: w.withdrawalNo, name: w.merchantName }), code: 'withdrawals.merchant_disabled' }
  const owes = merchantOwes(ledger, w.merchantId, w.currency)
  return owes ? { why: say('error.withdrawals.cannotApprove', { no: w.withdrawalNo, why: owes }), code: 'withdrawals.merchant_owes' } : null
}

const approvalRefused = (ledger: Ledger, w: Waiting): ServerText | null => approvalBlock(ledger, w)?.why ?? null

function toRow(ledger: Ledger, r: Joined): WithdrawalRow {
  const c = r.currency
  return {
    id: r.id,
    withdrawalNo: r.withdrawalNo,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    contractId: r.contractId,
    currency: c,
    amount: fromMinor(r.amountMinor, c),
    fee: fromMinor(r.feeMinor, c),
    bankCode: r.bankCode,
    accountNo: r.accountNo,
    holderName: r.holderName,
    note: r.note,
    status: r.status,
    requestedById: r.requestedBy,
    requestedBy: r.requestedByName,
    reviewedBy: r.reviewedByName,
    reviewedAt: r.reviewedAt,
    reviewNote: r.reviewNote,
    settledBy: r.settledByName,
    settledAt: r.settledAt,
    bankReference: r.bankReference,
    failureReason: r.failureReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    approvalRefused: approvalRefused(ledger, r)
  }
}

function loadRow(db: Db | Tx, ctx: Ctx, id: number): WithdrawalRow {
  const row = joined(db)
    .where(and(eq(withdrawals.id, id), eq(withdrawals.tenantId, ctx.tenantId)))
    .get()
  if (!row) throw notFound(say('thing.withdrawal', { id }))
  assertCanRead(actorOf(ctx), row.merchantId, say('thing.withdrawal', { id }))
  return toRow(ctx.ledger, row)
}

export const withdrawalProcedures = handlers({
  'withdrawals.list': (ctx, input) => {
    const filters: SQL[] = [eq(withdrawals.tenantId, ctx.tenantId)]
    const merchantId = merchantFilter(actorOf(ctx), input.merchantId)
    if (merchantId !== undefined) filters.push(eq(withdrawals.merchantId, merchantId))
    if (input.status) filters.push(eq(withdrawals.status, input.status))
    if (input.currency) filters.push(eq(withdrawals.currency, input.currency))
    // 'others': what Home counts as waiting for this user's review (a requester never reviews their own).
    if (input.requestedBy) filters.push((input.requestedBy === 'me' ? eq : ne)(withdrawals.requestedBy, actorOf(ctx).userId))
    if (input.search) {
      const pattern = `%${escapeLike(input.search)}%`
      filters.push(
        sql`(${withdrawals.withdrawalNo} like ${pattern} escape '\\' or ${withdrawals.accountNo} like ${pattern} escape '\\' or ${withdrawals.holderName} like ${pattern} escape '\\' or ${withdrawals.bankReference} like ${pattern} escape '\\')`
      )
    }
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(withdrawals).where(where).get()?.n ?? 0
    const items = joined(ctx.db)
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, withdrawals.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map((r) => toRow(ctx.ledger, r))
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'withdrawals.get': (ctx, input) => {
    // `W2026…`, or its transaction number alone (a report's transaction ID).
    const byNo = (no: string) => ctx.db.select({ id: withdrawals.id }).from(withdrawals).where(and(eq(withdrawals.tenantId, ctx.tenantId), inArray(withdrawals.withdrawalNo, numberForms(no, ['W'])))).get()
    const row = rowOf(input, byNo, (no) => notFound(say('thing.withdrawal', { id: no })), (id) => loadRow(ctx.db, ctx, id))
    const timeline = caseTimeline(ctx.db, { type: 'withdrawal', id: row.id }).map((e) => ({ id: e.id, at: e.at, summary: e.summary, text: e.text, actor: e.actor }))
    return { ...row, timeline, balance: merchantBalance(ctx.ledger, row.merchantId, row.currency) }
  },

  'withdrawals.request': (ctx, input) => {
    const actor = actorOf(ctx)
    const amountMinor = minorOf('amount', input.amount, input.currency, { positive: true })
    return transact(ctx.db, (tx) => {
      const existing = tx.select().from(withdrawals).where(and(eq(withdrawals.tenantId, ctx.tenantId), eq(withdrawals.requestKey, input.requestKey))).get()
      if (existing) {
        assertKeyOpenTo(actor, input.requestKey, existing.merchantId)
        const { merchantId, currency, accountNo, holderName, note } = input
        assertSameRequest(input.requestKey, { no: say('error.requestKey.withdrawal', { no: existing.withdrawalNo }), content: { ...existing, amount: existing.amountMinor, bankCode: existing.bankCode.toUpperCase() } }, { merchantId, currency, amount: amountMinor, bankCode: input.bankCode.toUpperCase(), accountNo, holderName, note })
        ctx.audit(tx, { targetType: 'withdrawal', targetId: existing.id, merchantId: existing.merchantId, summary: say('withdrawal.replayed', { withdrawalNo: existing.withdrawalNo }) })
        return { id: existing.id, withdrawalNo: existing.withdrawalNo, replayed: true }
      }
      const merchant = merchantForWrite(tx, ctx, input.merchantId)
      // A disabled merchant takes no new business: no money leaves for it either (its review would refuse it).
      if (merchant.status !== 'active') throw conflict(say('error.orders.merchantDisabled', { name: merchant.name }), { field: 'merchantId', code: 'withdrawals.merchant_disabled' })
      const country = bankCountryOf(input.currency)
      if (!country) throw validationError('currency', say('rule.noBankList', { currency: input.currency }))
      const found = bank(country, input.bankCode)
      if (!found) throw validationError('bankCode', say('rule.notABank', { bank: input.bankCode, country }))
      const now = ctx.clock.now()
      const number = nextCaseNumber(tx, ctx.tenantId, now)
      const contract = activeContract(tx, merchant.id, input.currency, number.day, 'currency')
      const feeMinor = contract.withdrawalFeeMinor
      const available = ctx.ledger.balance({ kind: 'merchant_available', merchantId: merchant.id, currency: input.currency }).available
      if (BigInt(amountMinor + feeMinor) > available) {
        // Below zero (a chargeback booked on a short balance): the merchant owes, whatever the amount.
        const why =
          available < 0n
            ? say('error.finance.owes', { owed: moneyText(-available, input.currency), available: moneyText(available, input.currency) })
            : say('error.finance.overAvailable', { amount: moneyText(amountMinor, input.currency), fee: moneyText(feeMinor, input.currency), available: moneyText(available, input.currency) })
        throw new AppError('limit', why, { field: 'amount', code: 'ledger.insufficient_funds' })
      }
      const values = {
        tenantId: ctx.tenantId,
        withdrawalNo: `W${number.txnNo}`,
        merchantId: merchant.id,
        contractId: contract.id,
        currency: input.currency,
        amountMinor,
        feeMinor,
        bankCode: found.code,
        accountNo: input.accountNo,
        holderName: input.holderName,
        note: input.note,
        status: 'pending_review' as const,
        requestKey: input.requestKey,
        requestedBy: actor.userId,
        holdPostingId: 0,
        createdAt: now,
        updatedAt: now
      }
      const hold = ctx.ledger.hold({ ...withdrawalHoldPosting({ ...values, id: 0 } as Stored), at: now })
      const w = tx
        .insert(withdrawals)
        .values({ ...values, holdPostingId: hold.postingId })
        .returning()
        .get()
      const params = { withdrawalNo: w.withdrawalNo, amount: moneyText(amountMinor, w.currency), fee: moneyText(feeMinor, w.currency), bank: bankLabel(found), accountNo: w.accountNo }
      addCaseEvent(tx, { type: 'withdrawal', id: w.id }, now, say('withdrawal.requested', params), { actor: actor.username, detail: { postingId: hold.postingId } })
      ctx.audit(tx, { targetType: 'withdrawal', targetId: w.id, merchantId: w.merchantId, summary: say('withdrawal.requested', params), after: { ...values, holdPostingId: hold.postingId } })
      return { id: w.id, withdrawalNo: w.withdrawalNo, replayed: false }
    })
  },

  'withdrawals.review': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const w = forChange(tx, ctx, input.id, 'pending_review')
      assertNotRequester(actor, w.requestedBy, say('error.finance.ownWithdrawal', { no: w.withdrawalNo }), 'withdrawals.maker_checker')
      const now = ctx.clock.now()
      const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const)
      // The request refused a disabled merchant and one that owes; either may have changed since.
      const merchant = tx.select({ merchantName: merchants.name, merchantStatus: merchants.status }).from(merchants).where(eq(merchants.id, w.merchantId)).get()!
      const refused = status === 'approved' ? approvalBlock(ctx.ledger, { ...w, ...merchant }) : null
      if (refused) throw conflict(refused.why, { code: refused.code })
      if (status === 'rejected') ctx.ledger.voidHold(holdKey(w), `rejected: ${input.note}`, now)
      tx.update(withdrawals).set({ status, reviewedBy: actor.userId, reviewedAt: now, reviewNote: input.note || null, updatedAt: now }).where(eq(withdrawals.id, w.id)).run()
      const text =
        status === 'approved'
          ? say('withdrawal.approved', { withdrawalNo: w.withdrawalNo })
          : say('withdrawal.rejected', { withdrawalNo: w.withdrawalNo, amount: moneyText(w.amountMinor + w.feeMinor, w.currency), reason: verbatim(input.note) })
      addCaseEvent(tx, { type: 'withdrawal', id: w.id }, now, text, { actor: actor.username })
      ctx.audit(tx, { targetType: 'withdrawal', targetId: w.id, merchantId: w.merchantId, summary: text, before: { status: w.status }, after: { status, note: input.note } })
      return loadRow(tx, ctx, w.id)
    })
  },

  'withdrawals.complete': (ctx, input) => {
    const actor = actorOf(ctx)
    return transact(ctx.db, (tx) => {
      const w = forChange(tx, ctx, input.id, 'approved')
      assertNotRequester(actor, w.requestedBy, say('error.finance.ownWithdrawal', { no: w.withdrawalNo }), 'withdrawals.maker_checker')
      const now = ctx.clock.now()
      let text
      if (input.outcome === 'paid') {
        const posting = ctx.ledger.commitHold(holdKey(w), now)
        tx.update(withdrawals).set({ status: 'paid', settledBy: actor.userId, settledAt: now, bankReference: input.bankReference, updatedAt: now }).where(eq(withdrawals.id, w.id)).run()
        text = say('withdrawal.paid', { withdrawalNo: w.withdrawalNo, amount: moneyText(w.amountMinor, w.currency), fee: moneyText(w.feeMinor, w.currency), bankReference: input.bankReference, postingId: posting.postingId })
        addCaseEvent(tx, { type: 'withdrawal', id: w.id }, now, text, { actor: actor.username, detail: { postingId: posting.postingId } })
      } else {
        ctx.ledger.voidHold(holdKey(w), `transfer failed: ${input.reason}`, now)
        tx.update(withdrawals).set({ status: 'failed', settledBy: actor.userId, settledAt: now, failureReason: input.reason, updatedAt: now }).where(eq(withdrawals.id, w.id)).run()
        text = say('withdrawal.failed', { withdrawalNo: w.withdrawalNo, amount: moneyText(w.amountMinor + w.feeMinor, w.currency), reason: verbatim(input.reason) })
        addCaseEvent(tx, { type: 'withdrawal', id: w.id }, now, text, { actor: actor.username })
      }
      ctx.audit(tx, {
        targetType: 'withdrawal',
        targetId: w.id,
        merchantId: w.merchantId,
        summary: text,
        before: { status: w.status },
        after: { status: input.outcome, bankReference: input.bankReference || null, reason: input.reason || null }
      })
      return loadRow(tx, ctx, w.id)
    })
  }
})
