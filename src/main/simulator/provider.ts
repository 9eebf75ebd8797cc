/**
 * The simulated provider's state and rules, apart from HTTP: it verifies our signature, keeps one
 * order per merchant and order number (a repeated create gets the first answer and creates
 * nothing), settles payouts after a delay, waits for deposits to be paid, and sends callbacks.
 */
import Decimal from 'decimal.js'
import { flatParams, sign, verify } from '../upstream/signing'
import { BehaviourTable, type RuleEntry } from './behaviours'
import { createCallbackSender, Lifecycle } from './callbacks'
import { paymentPageFor } from './payment-page'
import { statementCsv, statementRow, withDifferences, type Difference, type Injected, type Settled } from './statement'
import { dayStartMs } from '../ledger/business-day'
import type { BehaviourRule, CallbackAttempt, ReceivedRequest, RequestOutcome, SimOrder, SimOrderView, SimRefund, SimulatorMerchant, SimulatorOptions } from './types'

export type Reply = { kind: 'json'; status: number; body: unknown } | { kind: 'text'; status: number; body: string } | { kind: 'hang' }

export class SimulatorError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string
  ) {
    super(message)
  }
}

const AMOUNT = /^\d{1,15}(\.\d{1,8})?$/
const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/
const CORE_PARAMS = new Set(['merchantNo', 'orderNo', 'amount', 'currency', 'notifyUrl', 'serviceType', 'timestamp', 'sign'])
const MAX_LOGGED_REQUESTS = 10_000

const answer = (code: string, message: string, data?: unknown): Reply => ({ kind: 'json', status: 200, body: data === undefined ? { code, message } : { code, message, data } })
const BAD_SIGNATURE = answer('1001', 'bad signature')

function isHttpUrl(value: string | undefined): boolean {
  return value !== undefined && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
}

function decimals(amount: string): number {
  return amount.includes('.') ? amount.length - amount.indexOf('.') - 1 : 0
}

export function createProvider(options: SimulatorOptions, baseUrl: () => string) {
  const merchants = new Map<string, string>(options.merchants.map((m) => [m.merchantNo, m.signKey]))
  const algorithm = options.algorithm ?? 'md5'
  const orders = new Map<string, SimOrder>()
  const refunds = new Map<string, SimRefund>()
  const answers = new Map<string, Reply>()
  const createCounts = new Map<string, number>()
  const requests: ReceivedRequest[] = []
  const callbacks: CallbackAttempt[] = []
  const behaviours = new BehaviourTable()
  const differences = new Map<string, Difference[]>()
  const feeRatePpm = options.feeRatePpm ?? 6000
  const lifecycle = new Lifecycle()
  let seq = 0
  const sendCallback = createCallbackSender(
    {
      algorithm,
      upperCase: options.upperCase ?? false,
      format: options.callbackFormat ?? 'form',
      ack: options.callbackAck ?? 'SUCCESS',
      retryDelaysMs: options.callbackRetryDelaysMs ?? [500, 2000, 5000],
      timeoutMs: options.callbackTimeoutMs ?? 5000
    },
    lifecycle,
    (attempt) => callbacks.push(attempt)
  )
  const keyOf = (merchantNo: string, orderNo: string) => `${merchantNo}\u0000${orderNo}`

  function log(path: string, params: Record<string, string> | null, signatureValid: boolean, outcome: RequestOutcome): void {
    requests.push({ at: Date.now(), path, merchantNo: params?.merchantNo ?? null, orderNo: params?.orderNo ?? null, amount: params?.amount ?? null, currency: params?.currency ?? null, signatureValid, outcome })
    if (requests.length > MAX_LOGGED_REQUESTS) requests.shift()
  }

  function authentic(params: Record<string, string> | null): params is Record<string, string> {
    const key = params?.merchantNo ? merchants.get(params.merchantNo) : undefined
    return key !== undefined && params !== null && verify(params, key, algorithm, 'sign')
  }

  function notify(order: SimOrder): void {
    const { behaviour, delayMs } = behaviours.resolve(order.merchantNo, order.amount)
    const key = merchants.get(order.merchantNo) ?? ''
    void sendCallback({ ...order }, key, {
      duplicate: behaviour === 'duplicate_callback',
      badSignature: behaviour === 'bad_signature',
      holdMs: behaviour === 'late_callback' ? delayMs : undefined,
      staleAfter: behaviour === 'out_of_order_callbacks'
    })
  }

  /**
   * A status query's answer, after the rules for queries (by merchant, and by the order's amount
   * when the order exists): delayed, never answered, a server error, or signed with a wrong key.
   * Answers to authentic queries are signed like callbacks (over their top-level parameters,
   * nested objects as their JSON text), so a client can check who answered.
   */
  async function answerQuery(merchantNo: string, amount: string, reply: Reply): Promise<Reply> {
    const rule = behaviours.resolve(merchantNo, amount, 'queries')
    if (rule.behaviour === 'server_error') return { kind: 'text', status: 500, body: 'Internal Server Error' }
    if (rule.behaviour === 'timeout') return { kind: 'hang' }
    if (rule.behaviour === 'delay' && !(await lifecycle.sleep(rule.delayMs))) return { kind: 'hang' }
    if (reply.kind !== 'json') return reply
    const body = reply.body as Record<string, unknown>
    const key = merchants.get(merchantNo) ?? ''
    const signature = sign(flatParams(body) ?? {}, rule.behaviour === 'bad_signature' ? `${key}-not-the-key` : key, algorithm, options.upperCase ?? false, 'sign')
    return { ...reply, body: { ...body, sign: signature } }
  }

  function settle(order: SimOrder, paid: string | null): void {
    if (order.status !== 'PENDING') return
    const { behaviour, partialPercent } = behaviours.resolve(order.merchantNo, order.amount)
    if (behaviour === 'fail_later') {
      order.status = 'FAILED'
    } else {
      order.status = 'SUCCESS'
      const partial = order.direction === 'deposit' && paid === null && behaviour === 'partial_amount'
      order.paidAmount = partial
        ? new Decimal(order.amount).times(partialPercent).dividedBy(100).toDecimalPlaces(decimals(order.amount), Decimal.ROUND_DOWN).toFixed(decimals(order.amount))
        : (paid ?? order.amount)
    }
    order.settledAt = Date.now()
    notify(order)
  }

  async function create(direction: 'deposit' | 'payout', path: string, params: Record<string, string> | null): Promise<Reply> {
    if (params?.orderNo && params.merchantNo) {
      const key = keyOf(params.merchantNo, params.orderNo)
      createCounts.set(key, (createCounts.get(key) ?? 0) + 1)
    }
    if (!authentic(params)) {
      log(path, params, false, 'rejected')
      return BAD_SIGNATURE
    }
    const invalid = [
      ORDER_NO.test(params.orderNo ?? '') ? null : 'orderNo',
      AMOUNT.test(params.amount ?? '') && new Decimal(params.amount).gt(0) ? null : 'amount',
      /^[A-Z]{2,10}$/.test(params.currency ?? '') ? null : 'currency',
      isHttpUrl(params.notifyUrl) ? null : 'notifyUrl'
    ].find((f) => f !== null)
    if (invalid) {
      log(path, params, true, 'invalid')
      return answer('1002', `missing or invalid ${invalid}`)
    }
    const key = keyOf(params.merchantNo, params.orderNo)
    const rule = behaviours.resolve(params.merchantNo, params.amount)
    const first = answers.get(key)
    if (first) {
      log(path, params, true, rule.behaviour === 'timeout' ? 'timeout' : 'repeated')
    } else if (rule.behaviour === 'server_error') {
      log(path, params, true, 'server_error')
      return { kind: 'text', status: 500, body: 'Internal Server Error' }
    } else if (rule.behaviour === 'decline') {
      answers.set(key, answer('2001', 'declined by the provider simulator'))
      log(path, params, true, 'declined')
    } else {
      answers.set(key, open(direction, params))
      log(path, params, true, rule.behaviour === 'timeout' ? 'timeout' : 'answered')
    }
    if (rule.behaviour === 'timeout') return { kind: 'hang' }
    if (rule.behaviour === 'delay' && !(await lifecycle.sleep(rule.delayMs))) return { kind: 'hang' }
    return answers.get(key) as Reply
  }

  function open(direction: 'deposit' | 'payout', params: Record<string, string>): Reply {
    const fields = Object.fromEntries(Object.entries(params).filter(([k]) => !CORE_PARAMS.has(k)))
    const upstreamNo = `SIM${direction === 'deposit' ? 'D' : 'P'}${Date.now()}${String(++seq).padStart(5, '0')}`
    const order: SimOrder = {
      merchantNo: params.merchantNo,
      orderNo: params.orderNo,
      direction,
      upstreamNo,
      amount: params.amount,
      currency: params.currency,
      serviceType: params.serviceType ?? '',
      notifyUrl: params.notifyUrl,
      fields,
      status: 'PENDING',
      paidAmount: null,
      page: {},
      createdAt: Date.now(),
      settledAt: null
    }
    if (direction === 'deposit') order.page = paymentPageFor(order, baseUrl())
    orders.set(keyOf(order.merchantNo, order.orderNo), order)
    if (direction === 'payout') lifecycle.later(options.payoutDelayMs ?? 200, () => settle(order, null))
    else if (options.autoPayAfterMs != null) lifecycle.later(options.autoPayAfterMs, () => settle(order, null))
    return answer('0', 'ok', { upstreamNo, orderNo: order.orderNo, status: order.status, amount: order.amount, currency: order.currency, ...order.page })
  }

  async function query(path: string, params: Record<string, string> | null): Promise<Reply> {
    if (!authentic(params)) {
      log(path, params, false, 'rejected')
      return BAD_SIGNATURE
    }
    const order = orders.get(keyOf(params.merchantNo, params.orderNo ?? ''))
    log(path, params, true, order ? 'answered' : 'not_found')
    if (!order) return answerQuery(params.merchantNo, '', answer('1004', 'order not found'))
    const { upstreamNo, orderNo, status, amount, currency, paidAmount } = order
    return answerQuery(params.merchantNo, amount, answer('0', 'ok', { upstreamNo, orderNo, direction: order.direction, status, amount, currency, ...(paidAmount !== null ? { paidAmount } : {}) }))
  }

  /**
   * A refund of a paid deposit, deduplicated on its refund number (a repeat gets the first answer
   * and refunds nothing more). The refunds of an order never exceed what was paid. Behaviours
   * apply by the refund's amount: decline, server_error (nothing recorded), timeout (recorded and
   * processed, never answered), delay, fail_later (accepted, then FAILED).
   */
  async function refund(path: string, params: Record<string, string> | null): Promise<Reply> {
    if (!authentic(params)) {
      log(path, params, false, 'rejected')
      return BAD_SIGNATURE
    }
    const key = keyOf(params.merchantNo, `refund\u0000${params.refundNo ?? ''}`)
    const rule = behaviours.resolve(params.merchantNo, params.amount ?? '')
    const first = answers.get(key)
    if (first) {
      log(path, params, true, rule.behaviour === 'timeout' ? 'timeout' : 'repeated')
    } else {
      const invalid = [ORDER_NO.test(params.refundNo ?? '') ? null : 'refundNo', AMOUNT.test(params.amount ?? '') && new Decimal(params.amount).gt(0) ? null : 'amount'].find((f) => f !== null)
      if (invalid) {
        log(path, params, true, 'invalid')
        return answer('1002', `missing or invalid ${invalid}`)
      }
      const order = orders.get(keyOf(params.merchantNo, params.orderNo ?? ''))
      if (!order || order.direction !== 'deposit' || order.status !== 'SUCCESS') {
        log(path, params, true, 'invalid')
        return answer('2002', `order ${params.orderNo ?? ''} is not a paid deposit`)
      }
      const refunded = [...refunds.values()].filter((r) => r.merchantNo === order.merchantNo && r.orderNo === order.orderNo && r.status !== 'FAILED').reduce((sum, r) => sum.plus(r.amount), new Decimal(0))
      if (refunded.plus(params.amount).gt(order.paidAmount ?? order.amount)) {
        log(path, params, true, 'declined')
        return answer('2003', `refunds would exceed the paid amount ${order.paidAmount ?? order.amount}`)
      }
      if (rule.behaviour === 'server_error') {
        log(path, params, true, 'server_error')
        return { kind: 'text', status: 500, body: 'Internal Server Error' }
      }
      if (rule.behaviour === 'decline') {
        answers.set(key, answer('2001', 'refund declined by the provider simulator'))
        log(path, params, true, 'declined')
      } else {
        const created: SimRefund = {
          merchantNo: params.merchantNo,
          refundNo: params.refundNo,
          orderNo: order.orderNo,
          upstreamNo: `SIMR${Date.now()}${String(++seq).padStart(5, '0')}`,
          amount: params.amount,
          currency: order.currency,
          reason: params.reason ?? '',
          status: 'PROCESSING',
          createdAt: Date.now(),
          settledAt: null
        }
        refunds.set(key, created)
        const failing = rule.behaviour === 'fail_later'
        lifecycle.later(options.payoutDelayMs ?? 200, () => {
          created.status = failing ? 'FAILED' : 'SUCCESS'
          created.settledAt = Date.now()
        })
        answers.set(key, answer('0', 'ok', refundView(created)))
        log(path, params, true, rule.behaviour === 'timeout' ? 'timeout' : 'answered')
      }
    }
    if (rule.behaviour === 'timeout') return { kind: 'hang' }
    if (rule.behaviour === 'delay' && !(await lifecycle.sleep(rule.delayMs))) return { kind: 'hang' }
    return answers.get(key) as Reply
  }

  const refundView = (r: SimRefund) => ({ refundNo: r.refundNo, orderNo: r.orderNo, upstreamNo: r.upstreamNo, status: r.status, amount: r.amount, currency: r.currency })

  async function refundQuery(path: string, params: Record<string, string> | null): Promise<Reply> {
    if (!authentic(params)) {
      log(path, params, false, 'rejected')
      return BAD_SIGNATURE
    }
    const found = refunds.get(keyOf(params.merchantNo, `refund\u0000${params.refundNo ?? ''}`))
    log(path, params, true, found ? 'answered' : 'not_found')
    return answerQuery(params.merchantNo, found?.amount ?? '', found ? answer('0', 'ok', refundView(found)) : answer('1004', 'refund not found'))
  }

  function view(order: SimOrder): SimOrderView {
    const key = keyOf(order.merchantNo, order.orderNo)
    return { ...order, createRequests: createCounts.get(key) ?? 0, callbacks: callbacks.filter((c) => c.merchantNo === order.merchantNo && c.orderNo === order.orderNo) }
  }

  function findOrder(orderNo: string, merchantNo?: string): SimOrder {
    const found = [...orders.values()].filter((o) => o.orderNo === orderNo && (merchantNo === undefined || o.merchantNo === merchantNo))
    if (found.length === 0) throw new SimulatorError(404, `no order ${orderNo}`)
    if (found.length > 1) throw new SimulatorError(409, `order ${orderNo} exists for several merchants: name the merchantNo`)
    return found[0]
  }

  return {
    lifecycle,
    behaviours,
    create,
    query,
    refund,
    refundQuery,
    refunds: (): SimRefund[] => [...refunds.values()].map((r) => ({ ...r })),
    /** The payer pays a pending deposit: the whole amount, the one given, or per behaviour. */
    pay(orderNo: string, amount?: string, merchantNo?: string): SimOrderView {
      if (amount !== undefined && !AMOUNT.test(amount)) throw new SimulatorError(400, 'amount: must be a decimal such as 100.00')
      const order = findOrder(orderNo, merchantNo)
      if (order.direction !== 'deposit') throw new SimulatorError(409, `order ${orderNo} is a payout: it settles on its own`)
      if (order.status !== 'PENDING') throw new SimulatorError(409, `order ${orderNo} is already ${order.status}`)
      settle(order, amount ?? null)
      return view(order)
    },
    setBehaviour(rule: BehaviourRule): RuleEntry {
      return behaviours.set(rule)
    },
    upsertMerchant(merchant: SimulatorMerchant): void {
      merchants.set(merchant.merchantNo, merchant.signKey)
    },
    orders: (): SimOrderView[] => [...orders.values()].map(view),
    requests: (): ReceivedRequest[] => [...requests],
    createRequests: (orderNo: string, merchantNo?: string): number =>
      [...createCounts.entries()].filter(([k]) => k.endsWith(`\u0000${orderNo}`) && (merchantNo === undefined || k === keyOf(merchantNo, orderNo))).reduce((n, [, c]) => n + c, 0),
    state: () => ({
      merchants: [...merchants.keys()],
      rules: behaviours.list().map(({ id, rule }) => ({ id, ...rule })),
      settings: { algorithm, autoPayAfterMs: options.autoPayAfterMs ?? null, payoutDelayMs: options.payoutDelayMs ?? 200, callbackFormat: options.callbackFormat ?? 'form' },
      counts: { orders: orders.size, requests: requests.length, callbacks: callbacks.length },
      callbacks: [...callbacks]
    }),
    /** Differences the statement of `date` (`yyyy-mm-dd`) is to carry (replacing any told before). */
    setStatementDifferences(date: string, list: Difference[]): void {
      differences.set(date, list)
    },
    /**
     * The provider's statement of a business day in `zone`: its paid deposits, payouts and
     * refunds of the day (of one merchant, or all), with the day's differences put in, and the
     * lines the day before held back as late.
     */
    statement(date: string, zone: string, merchantNo?: string): { csv: string; injected: Injected[] } {
      const day = (d: string) => {
        const from = dayStartMs(d, zone)
        const items: Settled[] = []
        for (const o of orders.values()) {
          if (o.status !== 'SUCCESS' || o.settledAt === null || o.settledAt < from || o.settledAt >= dayStartMs(d, zone, 1)) continue
          if (merchantNo && o.merchantNo !== merchantNo) continue
          items.push({ kind: o.direction === 'deposit' ? 'payment' : 'payout', orderNo: o.orderNo, upstreamNo: o.upstreamNo, currency: o.currency, amount: o.paidAmount ?? o.amount, at: o.settledAt })
        }
        for (const r of refunds.values()) {
          if (r.status !== 'SUCCESS' || r.settledAt === null || r.settledAt < from || r.settledAt >= dayStartMs(d, zone, 1)) continue
          if (merchantNo && r.merchantNo !== merchantNo) continue
          items.push({ kind: 'refund', orderNo: r.orderNo, upstreamNo: r.upstreamNo, refundNo: r.refundNo, currency: r.currency, amount: r.amount, at: r.settledAt })
        }
        return withDifferences(items.map((i) => statementRow(i, feeRatePpm)), differences.get(d) ?? [])
      }
      const today = day(date)
      const yesterday = day(new Date(dayStartMs(date, zone, -1) + 12 * 3_600_000).toISOString().slice(0, 10))
      return { csv: statementCsv([...yesterday.late, ...today.rows]), injected: today.injected }
    },
    /** Forgets orders, answers, logs and behaviours; keeps the merchants. */
    reset(): void {
      lifecycle.clearTimers()
      orders.clear()
      refunds.clear()
      answers.clear()
      createCounts.clear()
      requests.length = 0
      callbacks.length = 0
      behaviours.clear()
      differences.clear()
    }
  }
}

export type Provider = ReturnType<typeof createProvider>
