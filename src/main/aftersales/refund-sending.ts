/**
 * Refunds and their provider, through the outbox (jobs/outbox.ts: this domain's operations
 * `send_refund` and `query_refund`). A refund moves money
 * out, so like a payout it is never sent again blindly: after a timeout or a server error its
 * outcome is unknown and the provider is asked; only when the provider says it never received the
 * refund is it sent again, under the same key (the refund number). Every exchange is logged on the
 * order's upstream log.
 *
 * A refund's money was held when it was requested, but a chargeback booked on a short balance since
 * may have left the merchant owing the platform: then it is not sent. It stays requested, its
 * reason shown (statusReason, the timeline, the outbox row), and is sent once the balance is back
 * above zero, as a payout waiting for its second user is not released while the merchant owes.
 */
import { and, eq } from 'drizzle-orm'
import { fromMinor } from '../../shared/money'
import { say, term, verbatim } from '../../shared/server-text'
import { outbox, orders, refunds } from '../db/schema'
import { transact, type Tx } from '../db/transaction'
import type { OrderEngineDeps } from '../orders/deps'
import { backoff, done, logExchanges, reschedule, type OutboxHandler, type OutboxItem } from '../jobs/outbox'
import { ChannelNotConfigured, channelLink } from '../orders/sending'
import { addCaseEvent } from '../cases/timeline'
import { RefundNotSupportedError } from '../upstream/generic'
import type { SendOutcome, UpstreamAnswer } from '../upstream/types'
import { merchantOwes } from '../finance/cases'
import { isRehearsalChannel } from '../orders/outcome'
import { finishRefund, loadRefund, markProcessing, type Refund } from './refunds'

type Item = OutboxItem

const SEND_BACKOFF_S = [5, 15, 30, 60, 120, 300]
const QUERY_BACKOFF_S = [1, 2, 5, 15, 30, 60, 120, 300, 600]
/** How often a refund waiting while its merchant owes asks again. */
const OWES_RETRY_MS = 60_000

function scheduleRefundQuery(tx: Tx, refund: Refund, now: number, delayMs: number): void {
  const existing = tx.select().from(outbox).where(and(eq(outbox.operation, 'query_refund'), eq(outbox.idempotencyKey, refund.refundNo))).get()
  if (existing) {
    if (existing.status !== 'pending' && existing.status !== 'in_flight') tx.update(outbox).set({ status: 'pending', nextAttemptAt: now + delayMs, attempts: 0, updatedAt: now }).where(eq(outbox.id, existing.id)).run()
    return
  }
  tx.insert(outbox).values({ orderId: refund.orderId, operation: 'query_refund', idempotencyKey: refund.refundNo, status: 'pending', nextAttemptAt: now + delayMs, createdAt: now, updatedAt: now }).run()
}

/** The provider's word on a refund: final states finish it, anything else keeps it processing. */
function applyAnswer(tx: Tx, deps: OrderEngineDeps, refund: Refund, answer: UpstreamAnswer, now: number): void {
  if (answer.status === 'succeeded') finishRefund(tx, deps.ledger, refund, { status: 'succeeded', upstreamNo: answer.upstreamNo }, now)
  else if (answer.status === 'failed') finishRefund(tx, deps.ledger, refund, { status: 'failed', reason: say('reason.reportedFailed'), upstreamNo: answer.upstreamNo }, now)
  else markProcessing(tx, refund, answer.upstreamNo, now)
}

const subjectOf = (refund: Refund) => ({ type: 'refund' as const, id: refund.id })

function refundOf(deps: OrderEngineDeps, item: Item): Refund | undefined {
  return deps.db.select().from(refunds).where(eq(refunds.refundNo, item.idempotencyKey)).get()
}

/**
 * Whether the refund must wait because its merchant owes now (a rehearsal's refund is not limited by
 * balances); records the wait. The attempt does not count: the provider was never asked, so the
 * send that follows does not query first. A refund whose wait is over loses its reason.
 */
function waitsWhileOwed(deps: OrderEngineDeps, item: Item, refund: Refund, now: number): boolean {
  return transact(deps.db, (tx) => {
    const owes = isRehearsalChannel(tx, refund.channelId) ? null : merchantOwes(deps.ledger, refund.merchantId, refund.currency)
    if (!owes) {
      if (refund.statusReason) tx.update(refunds).set({ statusReason: null, updatedAt: now }).where(eq(refunds.id, refund.id)).run()
      return false
    }
    const reason = say('refund.waitsMerchantOwes', { why: owes })
    if (!refund.statusReason) addCaseEvent(tx, subjectOf(refund), now, reason)
    tx.update(refunds).set({ statusReason: reason, updatedAt: now }).where(eq(refunds.id, refund.id)).run()
    reschedule(tx, item, OWES_RETRY_MS, reason, now)
    tx.update(outbox).set({ attempts: item.attempts - 1 }).where(eq(outbox.id, item.id)).run()
    return true
  })
}

async function send(deps: OrderEngineDeps, item: Item, refund: Refund): Promise<void> {
  const now0 = deps.clock.now()
  if (refund.status !== 'requested') {
    transact(deps.db, (tx) => done(tx, item, now0, say('outbox.refundNothingToSend', { status: term('refundStatus', refund.status) })))
    return
  }
  if (waitsWhileOwed(deps, item, refund, now0)) return
  const order = deps.db.select().from(orders).where(eq(orders.id, refund.orderId)).get()!
  let outcome: SendOutcome
  try {
    const link = channelLink(deps.db, deps.secrets, refund.channelId, deps.adapterFactory)
    // A refund retried after an unclear attempt asks first: the provider may already have it.
    if (item.attempts > 1) {
      const asked = await link.adapter.queryRefund({ refundNo: refund.refundNo }, link.credentials)
      if (asked.kind === 'answered' && asked.answer.status && asked.answer.status !== 'not_found') {
        transact(deps.db, (tx) => {
          const now = deps.clock.now()
          logExchanges(tx, refund.orderId, asked.logs, now)
          applyAnswer(tx, deps, loadRefund(tx, refund.id), asked.answer, now)
          scheduleRefundQuery(tx, refund, now, 1000)
          done(tx, item, now, say('outbox.providerHadRefund'))
        })
        return
      }
    }
    outcome = await link.adapter.createRefund({ refundNo: refund.refundNo, orderNo: order.orderNo, amount: fromMinor(refund.amountMinor, refund.currency), currency: refund.currency, reason: refund.reason }, link.credentials)
  } catch (error) {
    if (!(error instanceof ChannelNotConfigured) && !(error instanceof RefundNotSupportedError)) throw error
    const reason = error instanceof RefundNotSupportedError ? say('reason.refundNotSupported') : verbatim(error.message)
    transact(deps.db, (tx) => {
      finishRefund(tx, deps.ledger, loadRefund(tx, refund.id), { status: 'failed', reason }, now0)
      done(tx, item, now0, reason)
    })
    return
  }
  transact(deps.db, (tx) => {
    const now = deps.clock.now()
    const current = loadRefund(tx, refund.id)
    logExchanges(tx, refund.orderId, outcome.logs, now)
    if (outcome.kind === 'answered') {
      const a = outcome.answer
      if (a.accepted) {
        addCaseEvent(tx, subjectOf(current), now, say('refund.accepted', { upstreamNo: a.upstreamNo ?? '—' }), { detail: { upstreamNo: a.upstreamNo } })
        applyAnswer(tx, deps, current, a, now)
        scheduleRefundQuery(tx, current, now, 1000)
      } else {
        finishRefund(tx, deps.ledger, current, { status: 'failed', reason: a.message ? say('reason.declined', { message: a.message }) : say('reason.declinedNoReason') }, now)
      }
      return done(tx, item, now)
    }
    if (outcome.kind === 'unreachable') {
      // It never reached the provider: safe to send again later, under the same key.
      if (item.attempts === 1) addCaseEvent(tx, subjectOf(current), now, say('refund.waitingInOutbox', { failure: term('failure', 'unreachable') }))
      return reschedule(tx, item, backoff(SEND_BACKOFF_S, item.attempts), term('failure', outcome.kind), now)
    }
    markProcessing(tx, current, null, now)
    addCaseEvent(tx, subjectOf(current), now, say('refund.outcomeUnknown', { failure: term('failure', outcome.kind) }))
    scheduleRefundQuery(tx, current, now, 2000)
    done(tx, item, now, term('failure', outcome.kind))
  })
}

async function query(deps: OrderEngineDeps, item: Item, refund: Refund): Promise<void> {
  if (refund.status !== 'processing') {
    transact(deps.db, (tx) => done(tx, item, deps.clock.now(), say('outbox.refundIs', { status: term('refundStatus', refund.status) })))
    return
  }
  let outcome: SendOutcome
  try {
    const link = channelLink(deps.db, deps.secrets, refund.channelId, deps.adapterFactory)
    outcome = await link.adapter.queryRefund({ refundNo: refund.refundNo }, link.credentials)
  } catch (error) {
    if (!(error instanceof ChannelNotConfigured) && !(error instanceof RefundNotSupportedError)) throw error
    transact(deps.db, (tx) => reschedule(tx, item, backoff(QUERY_BACKOFF_S, item.attempts), error instanceof RefundNotSupportedError ? say('reason.refundNotSupported') : verbatim(error.message), deps.clock.now()))
    return
  }
  transact(deps.db, (tx) => {
    const now = deps.clock.now()
    const current = loadRefund(tx, refund.id)
    logExchanges(tx, refund.orderId, outcome.logs, now)
    if (outcome.kind !== 'answered') {
      addCaseEvent(tx, subjectOf(current), now, say('refund.queryFailed', { failure: term('failure', outcome.kind) }))
      return reschedule(tx, item, backoff(QUERY_BACKOFF_S, item.attempts), term('failure', outcome.kind), now)
    }
    const a = outcome.answer
    if (a.status === 'not_found') {
      // The provider never received it: safe to send again, under the same key.
      tx.update(outbox).set({ status: 'pending', nextAttemptAt: now, updatedAt: now }).where(and(eq(outbox.operation, 'send_refund'), eq(outbox.idempotencyKey, current.refundNo))).run()
      tx.update(refunds).set({ status: 'requested', updatedAt: now }).where(eq(refunds.id, current.id)).run()
      addCaseEvent(tx, subjectOf(current), now, say('refund.neverReceived', { refundNo: current.refundNo }))
      return done(tx, item, now, say('refund.neverReceived', { refundNo: current.refundNo }))
    }
    if (a.status === 'succeeded' || a.status === 'failed') {
      addCaseEvent(tx, subjectOf(current), now, say('refund.queryAnswer', { status: term('refundStatus', a.status) }))
      applyAnswer(tx, deps, current, a, now)
      return done(tx, item, now)
    }
    reschedule(tx, item, backoff(QUERY_BACKOFF_S, item.attempts), say('refund.queryAnswer', { status: term('refundStatus', 'processing') }), now)
  })
}

async function processRefund(deps: OrderEngineDeps, item: Item): Promise<void> {
  const refund = refundOf(deps, item)
  if (!refund) {
    transact(deps.db, (tx) => done(tx, item, deps.clock.now(), say('outbox.noRefund', { refundNo: item.idempotencyKey })))
    return
  }
  if (item.operation === 'send_refund') await send(deps, item, refund)
  else await query(deps, item, refund)
}

/** The operations this domain handles, for the outbox runner's map (app/core.ts). */
export function refundOutboxHandlers(deps: OrderEngineDeps): Record<'send_refund' | 'query_refund', OutboxHandler> {
  return { send_refund: (item) => processRefund(deps, item), query_refund: (item) => processRefund(deps, item) }
}
