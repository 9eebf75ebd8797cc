/**
 * The simulator's callbacks to an order's notify URL: signed with the merchant's key (or, under
 * bad_signature, with a wrong one), each with a unique eventId, re-sent with backoff until the
 * listener answers the acknowledgement (SUCCESS); under duplicate_callback the same event twice,
 * under late_callback held back first, under out_of_order_callbacks followed by a stale PENDING.
 */
import { randomUUID } from 'node:crypto'
import { sign, type SignAlgorithm } from '../upstream/signing'
import type { CallbackAttempt, SimOrder } from './types'

/** Timers and in-flight requests that end when the simulator stops. */
export class Lifecycle {
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly waiters = new Set<() => void>()
  private readonly abort = new AbortController()

  get signal(): AbortSignal {
    return this.abort.signal
  }

  get stopped(): boolean {
    return this.abort.signal.aborted
  }

  later(ms: number, task: () => void | Promise<void>): void {
    if (this.stopped) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void Promise.resolve(task()).catch(() => undefined)
    }, ms)
    this.timers.add(timer)
  }

  /** Resolves false instead when the simulator stops first. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        this.waiters.delete(wake)
        resolve(value)
      }
      const wake = () => done(false)
      this.waiters.add(wake)
      this.later(ms, () => done(true))
    })
  }

  /** A promise that settles only when the simulator stops (a request that is never answered). */
  untilStopped(): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve()
      this.waiters.add(resolve)
    })
  }

  /** Clears the timers only (reset): the simulator keeps running. */
  clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  stop(): void {
    this.clearTimers()
    this.abort.abort()
    for (const wake of [...this.waiters]) wake()
    this.waiters.clear()
  }
}

export interface CallbackSettings {
  algorithm: SignAlgorithm
  upperCase: boolean
  format: 'form' | 'json'
  ack: string
  retryDelaysMs: number[]
  timeoutMs: number
}

export interface CallbackTwists {
  duplicate: boolean
  badSignature: boolean
  /** late_callback: held back this long before the first attempt. */
  holdMs?: number
  /** out_of_order_callbacks: after the final callback, a stale PENDING one (an older event) arrives. */
  staleAfter?: boolean
}

export function callbackParams(order: SimOrder, eventId: string, now: number): Record<string, string> {
  const params: Record<string, string> = {
    merchantNo: order.merchantNo,
    orderNo: order.orderNo,
    upstreamNo: order.upstreamNo,
    direction: order.direction,
    status: order.status,
    amount: order.amount,
    currency: order.currency,
    eventId,
    timestamp: String(now)
  }
  if (order.paidAmount !== null) params.paidAmount = order.paidAmount
  return params
}

export function createCallbackSender(settings: CallbackSettings, lifecycle: Lifecycle, record: (attempt: CallbackAttempt) => void) {
  async function deliver(order: SimOrder, body: string, eventId: string, signed: boolean): Promise<boolean> {
    const contentType = settings.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'
    for (let attempt = 1; attempt <= settings.retryDelaysMs.length + 1; attempt++) {
      if (lifecycle.stopped) return false
      let httpStatus: number | null = null
      let error: string | null = null
      let acknowledged = false
      try {
        const response = await fetch(order.notifyUrl, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
          signal: AbortSignal.any([lifecycle.signal, AbortSignal.timeout(settings.timeoutMs)]),
          redirect: 'manual'
        })
        httpStatus = response.status
        const text = (await response.text()).trim()
        acknowledged = response.ok && text === settings.ack
        if (!acknowledged) error = `answered ${httpStatus} ${JSON.stringify(text.slice(0, 100))}, not ${settings.ack}`
      } catch (thrown) {
        error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)
      }
      if (lifecycle.stopped) return false
      record({ orderNo: order.orderNo, merchantNo: order.merchantNo, eventId, url: order.notifyUrl, attempt, status: order.status, signed, httpStatus, acknowledged, error, at: Date.now() })
      if (acknowledged) return true
      const wait = settings.retryDelaysMs[attempt - 1]
      if (wait === undefined || !(await lifecycle.sleep(wait))) return false
    }
    return false
  }

  function signedBody(order: SimOrder, eventId: string, at: number, signKey: string, badSignature: boolean): string {
    const params = callbackParams(order, eventId, at)
    params.sign = sign(params, badSignature ? `${signKey}-not-the-key` : signKey, settings.algorithm, settings.upperCase, 'sign')
    return settings.format === 'json' ? JSON.stringify(params) : new URLSearchParams(params).toString()
  }

  /** Sends the order's current state; resolves when every copy was delivered or given up. */
  return async function sendCallback(order: SimOrder, signKey: string, twists: CallbackTwists): Promise<void> {
    const createdAt = order.createdAt
    if (twists.holdMs && !(await lifecycle.sleep(twists.holdMs))) return
    const eventId = `EV${randomUUID().replace(/-/g, '')}`
    const sentAt = Date.now()
    const body = signedBody(order, eventId, sentAt, signKey, twists.badSignature)
    await deliver(order, body, eventId, !twists.badSignature)
    if (twists.duplicate) await deliver(order, body, eventId, !twists.badSignature)
    if (twists.staleAfter) {
      // The PENDING event the provider "sent" when the order was created, arriving last: an
      // event of its own (own id, its older time: before the final one's even when the order was
      // paid within its first millisecond), signed properly.
      const stale: SimOrder = { ...order, status: 'PENDING', paidAmount: null }
      const staleId = `EV${randomUUID().replace(/-/g, '')}`
      await deliver(stale, signedBody(stale, staleId, Math.min(createdAt, sentAt - 1), signKey, twists.badSignature), staleId, !twists.badSignature)
    }
  }
}
