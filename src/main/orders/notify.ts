/**
 * Merchant notifications: on a final state the merchant's notify URL gets a signed body
 * (HMAC-SHA256 over the sorted `k=v&…` string, key = the merchant's signing secret) until it
 * answers `SUCCESS`, on a schedule of 0 s, 15 s, 1 min, 5 min, 15 min, 1 h, 2 h, 6 h. Every
 * attempt is on the order's timeline.
 */
import { createHmac } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { fromMinor } from '../../shared/money'
import { say, term, verbatim, type ServerText } from '../../shared/server-text'
import { merchantNotifications, merchants, orders, outbox } from '../db/schema'
import { transact } from '../db/transaction'
import type { OrderEngineDeps } from './deps'
import { lastErrorOf } from '../jobs/last-error'
import { classifyNetworkError } from '../upstream/http'
import { addEvent } from './timeline'

export const NOTIFY_SCHEDULE_MS = [0, 15_000, 60_000, 300_000, 900_000, 3_600_000, 7_200_000, 21_600_000]
export const NOTIFY_TIMEOUT_MS = 10_000

export function signNotification(params: Record<string, string>, secret: string): string {
  const text = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&')
  return createHmac('sha256', secret).update(text).digest('hex')
}

type Item = typeof outbox.$inferSelect

export async function notifyMerchant(deps: OrderEngineDeps, item: Item): Promise<void> {
  const order = deps.db.select().from(orders).where(eq(orders.id, item.orderId)).get()!
  const merchant = deps.db.select().from(merchants).where(eq(merchants.id, order.merchantId)).get()!
  const now0 = deps.clock.now()
  if (!merchant.notifyUrl || !merchant.signingSecretEnc) {
    transact(deps.db, (tx) => {
      addEvent(tx, order.id, now0, 'notification', say('order.notifyMissing', { merchant: merchant.name, missing: term('missing', merchant.notifyUrl ? 'signingSecret' : 'notifyUrl') }))
      tx.update(outbox).set({ status: 'done', ...lastErrorOf(say('outbox.notifyNotConfigured')), updatedAt: now0 }).where(eq(outbox.id, item.id)).run()
    })
    return
  }
  const params: Record<string, string> = {
    orderNo: order.orderNo,
    merchantOrderNo: order.merchantOrderNo,
    direction: order.direction,
    status: order.status,
    amount: fromMinor(order.amountMinor, order.currency),
    paidAmount: order.paidMinor === null ? '' : fromMinor(order.paidMinor, order.currency),
    currency: order.currency,
    upstreamNo: order.upstreamNo ?? '',
    finishedAt: String(order.finalizedAt ?? ''),
    test: order.isTest ? '1' : '0'
  }
  const body = JSON.stringify({ ...params, sign: signNotification(params, deps.secrets.decrypt(merchant.signingSecretEnc)) })
  let status: number | null = null
  let answer: string | null = null
  let error: string | null = null
  let failure: ServerText | null = null
  try {
    const response = await deps.post(merchant.notifyUrl, body, { 'content-type': 'application/json' }, NOTIFY_TIMEOUT_MS)
    status = response.status
    answer = response.body.slice(0, 500)
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError') error = 'timeout'
    else {
      // Named as a provider call's failure is ("unreachable (ECONNREFUSED)"), never as fetch's "fetch failed".
      const network = classifyNetworkError(e)
      error = `${network.kind}: ${network.detail}`
      failure = say('order.networkFailure', { failure: term('failure', network.kind), detail: verbatim(network.detail) })
    }
  }
  const acknowledged = status !== null && status < 300 && (answer ?? '').trim().toUpperCase() === 'SUCCESS'
  if (error === 'timeout') failure = term('failure', 'timeout')
  transact(deps.db, (tx) => {
    const now = deps.clock.now()
    tx.insert(merchantNotifications).values({ orderId: order.id, attempt: item.attempts, url: merchant.notifyUrl, at: now, responseStatus: status, responseBody: answer, acknowledged, error }).run()
    const next = NOTIFY_SCHEDULE_MS[item.attempts]
    if (acknowledged) {
      tx.update(outbox).set({ status: 'done', ...lastErrorOf(null), updatedAt: now }).where(eq(outbox.id, item.id)).run()
      addEvent(tx, order.id, now, 'notification', say('order.notified', { attempt: item.attempts }))
    } else if (next === undefined) {
      tx.update(outbox).set({ status: 'gave_up', ...lastErrorOf(failure ?? say('order.httpStatus', { status: String(status) })), updatedAt: now }).where(eq(outbox.id, item.id)).run()
      addEvent(tx, order.id, now, 'notification', say('order.notifyGaveUp', { attempt: item.attempts, error: failure ?? say('order.httpStatus', { status: String(status) }) }))
    } else {
      tx.update(outbox).set({ status: 'pending', nextAttemptAt: now + next, ...lastErrorOf(failure ?? say('outbox.answered', { status: String(status), answer: (answer ?? '').slice(0, 200) })), updatedAt: now }).where(eq(outbox.id, item.id)).run()
      const why = failure ?? say('order.httpNotSuccess', { status: String(status) })
      addEvent(tx, order.id, now, 'notification', say('order.notifyRetry', { attempt: item.attempts, error: why, seconds: Math.round(next / 1000) }))
    }
  })
}
