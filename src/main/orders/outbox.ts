/**
 * The orders domain's outbox operations (the outbox itself: jobs/outbox.ts): sending a deposit or
 * a payout, asking the provider about an order, notifying the merchant. A payout whose request may
 * have reached the provider is never sent again blindly: it becomes `unknown` and is resolved by
 * querying.
 */
import { and, eq } from 'drizzle-orm'
import { fromMinor } from '../../shared/money'
import { say, term, verbatim, type ServerText } from '../../shared/server-text'
import { orders, outbox } from '../db/schema'
import { transact, type Tx } from '../db/transaction'
import type { OutboundOrder, SendOutcome, UpstreamAnswer } from '../upstream/types'
import type { SecretBox } from '../core/secrets'
import { backoff, done, logExchanges, reschedule, type OutboxHandler, type OutboxItem } from '../jobs/outbox'
import { openOrderFields } from './card-numbers'
import type { OrderEngineDeps } from './deps'
import { notifyMerchant } from './notify'
import { FINAL, finish, loadOrder, type Order, type OutcomeSource } from './outcome'
import { applyProviderReport } from './provider-report'
import { ChannelNotConfigured, channelLink } from './sending'
import { addEvent } from './timeline'

type Item = OutboxItem

const SEND_BACKOFF_S = [5, 15, 30, 60, 120, 300]
const QUERY_BACKOFF_S = [15, 30, 60, 120, 300, 600, 900]

export function scheduleQuery(tx: Tx, order: Order, now: number, delayMs: number): void {
  const key = `${order.orderNo}:query`
  const existing = tx.select().from(outbox).where(and(eq(outbox.operation, 'query'), eq(outbox.idempotencyKey, key))).get()
  if (existing) {
    if (existing.status !== 'pending' && existing.status !== 'in_flight') tx.update(outbox).set({ status: 'pending', nextAttemptAt: now + delayMs, attempts: 0, updatedAt: now }).where(eq(outbox.id, existing.id)).run()
    return
  }
  tx.insert(outbox).values({ orderId: order.id, operation: 'query', idempotencyKey: key, status: 'pending', nextAttemptAt: now + delayMs, createdAt: now, updatedAt: now }).run()
}

/** What goes upstream: the one place an order's card and account numbers are opened to leave PayDesk (the provider needs them; card-numbers.ts). */
function outboundOf(order: Order, notifyUrl: string, secrets: SecretBox): OutboundOrder {
  return { orderNo: order.orderNo, direction: order.direction, amount: fromMinor(order.amountMinor, order.currency), currency: order.currency, serviceType: order.serviceType, fields: openOrderFields(secrets, order), notifyUrl }
}

/**
 * Applies a provider's answer about an order (to a create or a query) by the rules every report
 * follows (orders/provider-report.ts). The amount in an answer to a create request is what the
 * payer is asked to pay (some providers add cents to tell transfers apart), so only a query's
 * stated amount is compared with the order's.
 */
function applyAnswer(tx: Tx, deps: OrderEngineDeps, order: Order, answer: UpstreamAnswer, source: OutcomeSource, now: number): void {
  const report = { status: answer.status, paidAmount: answer.paidAmount, amount: source === 'provider_answer' ? null : answer.amount, currency: answer.currency }
  const failureReason = answer.status === 'failed' && answer.message ? verbatim(answer.message) : null
  applyProviderReport(tx, deps, order, report, { source, upstreamNo: answer.upstreamNo, failureReason }, now)
}

function acceptedText(a: UpstreamAnswer): ServerText {
  if (!a.upstreamNo) return say('order.accepted')
  return a.paymentPage ? say('order.acceptedWithPage', { upstreamNo: a.upstreamNo, pageKind: term('pageKind', a.paymentPage.kind) }) : say('order.acceptedAs', { upstreamNo: a.upstreamNo })
}

async function send(deps: OrderEngineDeps, item: Item): Promise<void> {
  const order = deps.db.select().from(orders).where(eq(orders.id, item.orderId)).get()!
  const now0 = deps.clock.now()
  if (order.status !== 'created' && order.status !== 'unknown') {
    transact(deps.db, (tx) => done(tx, item, now0, say('outbox.nothingToSend', { status: term('orderStatus', order.status) })))
    return
  }
  let link
  try {
    link = channelLink(deps.db, deps.secrets, order.channelId, deps.adapterFactory)
  } catch (error) {
    if (!(error instanceof ChannelNotConfigured)) throw error
    transact(deps.db, (tx) => {
      finish(tx, deps, order, { status: 'failed', reason: verbatim(error.message), source: 'not_sent' }, now0)
      done(tx, item, now0, verbatim(error.message))
    })
    return
  }
  const base = deps.callbackBaseUrl()
  if (!base) {
    transact(deps.db, (tx) => reschedule(tx, item, 5000, say('outbox.listenerNotRunning'), now0))
    return
  }
  const payout = order.direction === 'payout'
  const outbound = outboundOf(order, `${base}/callbacks/${order.channelId}`, deps.secrets)
  // A payout retried after an unclear attempt asks first: the provider may already have it.
  if (payout && item.attempts > 1) {
    const asked = await link.adapter.query(outbound, link.credentials)
    if (asked.kind === 'answered' && asked.answer.status && asked.answer.status !== 'not_found') {
      transact(deps.db, (tx) => {
        const now = deps.clock.now()
        logExchanges(tx, order.id, asked.logs, now)
        applyAnswer(tx, deps, loadOrder(tx, order.id), asked.answer, 'query_before_resend', now)
        done(tx, item, now, say('outbox.providerHadPayout'))
      })
      return
    }
  }
  const outcome: SendOutcome = payout ? await link.adapter.createPayout(outbound, link.credentials) : await link.adapter.createDeposit(outbound, link.credentials)
  transact(deps.db, (tx) => {
    const now = deps.clock.now()
    const current = loadOrder(tx, order.id)
    logExchanges(tx, order.id, outcome.logs, now)
    if (current.status === 'closed') return done(tx, item, now, say('outbox.closedWhileSending'))
    // The provider's callback (or a person) finished the order while the send waited for its answer:
    // a timeout now says nothing about it. Making it unknown again would count and post it twice, and
    // a deposit sent again would ask to be paid twice.
    if (outcome.kind !== 'answered' && FINAL.includes(current.status)) return done(tx, item, now, say('outbox.finalWhileSending', { status: term('orderStatus', current.status) }))
    if (outcome.kind === 'answered') {
      const a = outcome.answer
      tx.update(orders).set({ sentAt: current.sentAt ?? now, upstreamNo: a.upstreamNo ?? current.upstreamNo, paymentPage: a.paymentPage as Record<string, unknown> | null, updatedAt: now }).where(eq(orders.id, order.id)).run()
      if (a.accepted) {
        addEvent(tx, order.id, now, 'upstream_answer', acceptedText(a), { upstreamNo: a.upstreamNo, paymentPage: a.paymentPage })
        applyAnswer(tx, deps, loadOrder(tx, order.id), a, 'provider_answer', now)
        if (payout) scheduleQuery(tx, current, now, 120_000)
      } else {
        addEvent(tx, order.id, now, 'upstream_answer', a.message ? say('order.declined', { message: a.message }) : say('order.declinedNoReason'), { message: a.message })
        const reason = a.message ? say('reason.declined', { message: a.message }) : say('reason.declinedNoReason')
        finish(tx, deps, loadOrder(tx, order.id), { status: 'failed', reason, source: 'provider_answer' }, now)
      }
      return done(tx, item, now)
    }
    if (outcome.kind === 'unreachable' || (!payout && (outcome.kind === 'timeout' || outcome.kind === 'server_error'))) {
      // Never reached the provider (or a deposit, which the provider deduplicates): send again later.
      if (item.attempts === 1) addEvent(tx, order.id, now, 'sent', say('order.waitingInOutbox', { failure: term('failure', outcome.kind) }))
      return reschedule(tx, item, backoff(SEND_BACKOFF_S, item.attempts), term('failure', outcome.kind), now)
    }
    // A payout that timed out or failed server-side may have arrived: resolve it by querying.
    tx.update(orders).set({ status: 'unknown', sentAt: current.sentAt ?? now, updatedAt: now }).where(eq(orders.id, order.id)).run()
    addEvent(tx, order.id, now, 'status', say('order.outcomeUnknown', { failure: term('failure', outcome.kind) }))
    scheduleQuery(tx, current, now, 15_000)
    done(tx, item, now, term('failure', outcome.kind))
  })
}

export async function queryProvider(deps: OrderEngineDeps, orderId: number, source: OutcomeSource = 'status_query'): Promise<SendOutcome | null> {
  const order = deps.db.select().from(orders).where(eq(orders.id, orderId)).get()!
  const link = channelLink(deps.db, deps.secrets, order.channelId, deps.adapterFactory)
  const outcome = await link.adapter.query({ orderNo: order.orderNo, direction: order.direction }, link.credentials)
  transact(deps.db, (tx) => {
    const now = deps.clock.now()
    const current = loadOrder(tx, orderId)
    logExchanges(tx, orderId, outcome.logs, now)
    if (outcome.kind !== 'answered') return addEvent(tx, orderId, now, 'query', say('order.queryFailed', { failure: term('failure', outcome.kind) }))
    const a = outcome.answer
    const reported = !a.status ? say('order.queryNoStatus') : a.paidAmount ? say('order.queryAnswerPaid', { status: term('upstreamStatus', a.status), paid: a.paidAmount }) : say('order.queryAnswer', { status: term('upstreamStatus', a.status) })
    addEvent(tx, orderId, now, 'query', reported, { status: a.status, paidAmount: a.paidAmount })
    if (a.status === 'not_found' && (current.status === 'unknown' || current.status === 'created')) {
      // The provider never received it: safe to send again, under the same key.
      tx.update(outbox).set({ status: 'pending', nextAttemptAt: now, updatedAt: now }).where(and(eq(outbox.orderId, orderId), eq(outbox.operation, current.direction === 'deposit' ? 'send_deposit' : 'send_payout'))).run()
      addEvent(tx, orderId, now, 'status', say('order.neverReceived', { orderNo: current.orderNo }))
      return
    }
    applyAnswer(tx, deps, current, a, source, now)
  })
  return outcome
}

async function query(deps: OrderEngineDeps, item: Item): Promise<void> {
  const order = deps.db.select().from(orders).where(eq(orders.id, item.orderId)).get()!
  if (order.status !== 'pending' && order.status !== 'unknown') {
    transact(deps.db, (tx) => done(tx, item, deps.clock.now(), say('outbox.orderIs', { status: term('orderStatus', order.status) })))
    return
  }
  const outcome = await queryProvider(deps, order.id)
  transact(deps.db, (tx) => {
    const now = deps.clock.now()
    const after = loadOrder(tx, order.id)
    if (after.status === 'pending' || after.status === 'unknown') reschedule(tx, item, backoff(QUERY_BACKOFF_S, item.attempts), outcome && outcome.kind !== 'answered' ? term('failure', outcome.kind) : say('outbox.noAnswer'), now)
    else done(tx, item, now)
  })
}

/** The operations this domain handles, for the outbox runner's map (app/core.ts). */
export function orderOutboxHandlers(deps: OrderEngineDeps): Record<'send_deposit' | 'send_payout' | 'query' | 'notify', OutboxHandler> {
  return {
    send_deposit: (item) => send(deps, item),
    send_payout: (item) => send(deps, item),
    query: (item) => query(deps, item),
    notify: (item) => notifyMerchant(deps, item)
  }
}
