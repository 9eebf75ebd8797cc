import { request } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createGenericAdapter } from '../../../src/main/upstream/generic'
import { createUpstreamHttp } from '../../../src/main/upstream/http'
import { flatParams, sign, verify } from '../../../src/main/upstream/signing'
import type { SendOutcome, UpstreamAnswer } from '../../../src/main/upstream/types'
import { CREDENTIALS, deposit, MERCHANT, payout, startRig, type Rig } from './support'

function answered(outcome: SendOutcome): UpstreamAnswer {
  if (outcome.kind !== 'answered') throw new Error(`expected an answer, got ${outcome.kind}`)
  return outcome.answer
}

let rig: Rig
beforeAll(async () => {
  rig = await startRig()
})
afterAll(async () => rig.stop())
beforeEach(() => {
  rig.simulator.reset()
})

/** A status query as the adapter signs it, for reading the raw answer. */
function signedQuery(orderNo: string): Record<string, string> {
  const params = { merchantNo: MERCHANT.merchantNo, orderNo, timestamp: String(Date.now()) }
  return { ...params, sign: sign(params, MERCHANT.signKey, 'md5', false, 'sign') }
}

/** An adapter that gives up quickly, for the behaviours that never answer. */
const impatient = () => createGenericAdapter({ ...rig.config, timeoutMs: 400 }, createUpstreamHttp({ retry: { baseDelayMs: 10 } }))

describe('create-time behaviours', () => {
  it('decline: refused with a code ≠ 0, no order; a query says not_found; a repeat gets the same refusal', async () => {
    rig.simulator.setBehaviour({ merchantNo: MERCHANT.merchantNo, behaviour: 'decline' })
    const order = payout(rig.listener)
    const answer = answered(await rig.adapter.createPayout(order, CREDENTIALS))
    expect(answer).toMatchObject({ accepted: false, upstreamNo: null, message: 'declined by the provider simulator' })
    expect(rig.simulator.orders()).toHaveLength(0)
    expect(answered(await rig.adapter.query(order, CREDENTIALS)).status).toBe('not_found')
    rig.simulator.setBehaviour({ merchantNo: MERCHANT.merchantNo, behaviour: 'success' })
    expect(answered(await rig.adapter.createPayout(order, CREDENTIALS))).toEqual(answer)
  })

  it('delay: answered after the delay, or a timeout when the delay outlasts our patience', async () => {
    rig.simulator.setBehaviour({ behaviour: 'delay', delayMs: 250 })
    const slow = await rig.adapter.createDeposit(deposit(rig.listener), CREDENTIALS)
    expect(answered(slow).accepted).toBe(true)
    expect(slow.logs[0].durationMs).toBeGreaterThanOrEqual(240)
    rig.simulator.setBehaviour({ behaviour: 'delay', delayMs: 1500 })
    const order = deposit(rig.listener)
    expect((await impatient().createDeposit(order, CREDENTIALS)).kind).toBe('timeout')
    // It arrived all the same: the provider holds the order.
    expect(rig.simulator.orders().map((o) => o.orderNo)).toContain(order.orderNo)
  })

  it('timeout (by amount pattern): a payout is recorded but never answered, sent once, found by a later query, and still settles', async () => {
    rig.simulator.setBehaviour({ amountPattern: '\\.13$', behaviour: 'timeout' })
    const order = payout(rig.listener, { amount: '20.13' })
    const started = Date.now()
    const outcome = await impatient().createPayout(order, CREDENTIALS)
    expect(outcome.kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(2000)
    expect(outcome.logs).toHaveLength(1)
    expect(rig.simulator.createRequests(order.orderNo)).toBe(1)
    const found = answered(await rig.adapter.query(order, CREDENTIALS))
    expect(found.accepted).toBe(true)
    expect(found.upstreamNo).toMatch(/^SIMP/)
    const [callback] = await rig.listener.waitFor(order.orderNo, 1)
    expect(rig.adapter.verifyCallback(callback.body, callback.contentType, CREDENTIALS)).toMatchObject({ signatureValid: true, status: 'succeeded', upstreamNo: found.upstreamNo })
    // Amounts not matching the pattern are unaffected.
    expect(answered(await impatient().createPayout(payout(rig.listener, { amount: '20.14' }), CREDENTIALS)).accepted).toBe(true)
  })

  it('server_error: HTTP 500, no order, a payout is not re-sent, a deposit neither', async () => {
    rig.simulator.setBehaviour({ behaviour: 'server_error' })
    const order = payout(rig.listener)
    const outcome = await rig.adapter.createPayout(order, CREDENTIALS)
    expect(outcome.kind).toBe('server_error')
    expect(outcome.logs).toMatchObject([{ responseStatus: 500, error: 'http_500' }])
    expect(rig.simulator.createRequests(order.orderNo)).toBe(1)
    expect(rig.simulator.orders()).toHaveLength(0)
    expect((await rig.adapter.createDeposit(deposit(rig.listener), CREDENTIALS)).logs).toHaveLength(1)
    rig.simulator.setBehaviour({ behaviour: 'success' })
    expect(answered(await rig.adapter.query(order, CREDENTIALS)).status).toBe('not_found')
  })
})

describe('callback behaviours', () => {
  it('duplicate_callback: the same event twice, with the same eventKey', async () => {
    rig.simulator.setBehaviour({ merchantNo: MERCHANT.merchantNo, behaviour: 'duplicate_callback' })
    const order = deposit(rig.listener)
    await rig.adapter.createDeposit(order, CREDENTIALS)
    await rig.simulator.pay(order.orderNo)
    const callbacks = await rig.listener.waitFor(order.orderNo, 2)
    const verified = callbacks.map((c) => rig.adapter.verifyCallback(c.body, c.contentType, CREDENTIALS))
    expect(verified.map((v) => v.signatureValid)).toEqual([true, true])
    expect(verified[0].eventKey).not.toBeNull()
    expect(verified[1].eventKey).toBe(verified[0].eventKey)
  })

  it('bad_signature: verifyCallback says invalid and trusts nothing in it', async () => {
    rig.simulator.setBehaviour({ behaviour: 'bad_signature' })
    const order = deposit(rig.listener)
    await rig.adapter.createDeposit(order, CREDENTIALS)
    await rig.simulator.pay(order.orderNo)
    const [callback] = await rig.listener.waitFor(order.orderNo, 1)
    const verified = rig.adapter.verifyCallback(callback.body, callback.contentType, CREDENTIALS)
    expect(verified).toMatchObject({ signatureValid: false, orderNo: null, upstreamNo: null, status: null, paidAmount: null, eventKey: null })
    expect(verified.params.orderNo).toBe(order.orderNo)
    expect(rig.simulator.orders()[0].callbacks[0]?.signed ?? false).toBe(false)
  })

  it('partial_amount: the payer pays 90 % (or the percentage set); the callback and the query say so', async () => {
    rig.simulator.setBehaviour({ behaviour: 'partial_amount' })
    const order = deposit(rig.listener, { amount: '100.00' })
    await rig.adapter.createDeposit(order, CREDENTIALS)
    await rig.simulator.pay(order.orderNo)
    const [callback] = await rig.listener.waitFor(order.orderNo, 1)
    expect(rig.adapter.verifyCallback(callback.body, callback.contentType, CREDENTIALS)).toMatchObject({ signatureValid: true, status: 'succeeded', paidAmount: '90.00' })
    expect(answered(await rig.adapter.query(order, CREDENTIALS)).paidAmount).toBe('90.00')
    rig.simulator.setBehaviour({ behaviour: 'partial_amount', partialPercent: 33 })
    const odd = deposit(rig.listener, { amount: '10.01' })
    await rig.adapter.createDeposit(odd, CREDENTIALS)
    expect((await rig.simulator.pay(odd.orderNo)).paidAmount).toBe('3.30')
  })

  it('fail_later: a payout accepted, then a FAILED callback', async () => {
    rig.simulator.setBehaviour({ behaviour: 'fail_later' })
    const order = payout(rig.listener)
    expect(answered(await rig.adapter.createPayout(order, CREDENTIALS)).accepted).toBe(true)
    const [callback] = await rig.listener.waitFor(order.orderNo, 1)
    expect(rig.adapter.verifyCallback(callback.body, callback.contentType, CREDENTIALS)).toMatchObject({ signatureValid: true, status: 'failed', paidAmount: null })
  })
})

describe('behaviours added for field testing', () => {
  it('late_callback: the callback is held back for the delay', async () => {
    rig.simulator.setBehaviour({ behaviour: 'late_callback', delayMs: 600 })
    const order = deposit(rig.listener)
    await rig.adapter.createDeposit(order, CREDENTIALS)
    const paidAt = Date.now()
    await rig.simulator.pay(order.orderNo)
    await new Promise((r) => setTimeout(r, 300))
    expect(rig.listener.received.filter((c) => c.body.includes(order.orderNo))).toHaveLength(0)
    await rig.listener.waitFor(order.orderNo, 1)
    expect(Date.now() - paidAt).toBeGreaterThanOrEqual(550)
  })

  it('out_of_order_callbacks: the final callback, then a stale PENDING one with an event of its own', async () => {
    rig.simulator.setBehaviour({ merchantNo: MERCHANT.merchantNo, behaviour: 'out_of_order_callbacks' })
    const order = deposit(rig.listener)
    await rig.adapter.createDeposit(order, CREDENTIALS)
    await rig.simulator.pay(order.orderNo)
    const callbacks = await rig.listener.waitFor(order.orderNo, 2)
    const [final, stale] = callbacks.map((c) => rig.adapter.verifyCallback(c.body, c.contentType, CREDENTIALS))
    expect(final).toMatchObject({ signatureValid: true, status: 'succeeded' })
    expect(stale).toMatchObject({ signatureValid: true, status: 'pending' })
    expect(stale.eventKey).not.toBe(final.eventKey)
    expect(Number(stale.params.timestamp)).toBeLessThan(Number(final.params.timestamp))
  })

  it('status queries: answers are signed; rules for queries delay them, fail them or sign them wrongly, and leave creates alone', async () => {
    const query = async () => {
      const response = await fetch(`${rig.simulator.url}/order/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signedQuery('NO-SUCH-ORDER')) })
      return { status: response.status, body: response.status === 200 ? ((await response.json()) as Record<string, string>) : null }
    }
    const answer = (await query()).body!
    expect(answer).toMatchObject({ code: '1004' })
    expect(verify(flatParams(answer)!, MERCHANT.signKey, 'md5', 'sign')).toBe(true)
    rig.simulator.setBehaviour({ merchantNo: MERCHANT.merchantNo, appliesTo: 'queries', behaviour: 'bad_signature' })
    expect(verify(flatParams((await query()).body)!, MERCHANT.signKey, 'md5', 'sign')).toBe(false)
    rig.simulator.setBehaviour({ merchantNo: MERCHANT.merchantNo, appliesTo: 'queries', behaviour: 'server_error' })
    expect((await query()).status).toBe(500)
    rig.simulator.setBehaviour({ merchantNo: MERCHANT.merchantNo, appliesTo: 'queries', behaviour: 'delay', delayMs: 300 })
    const started = Date.now()
    expect((await query()).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(answered(await rig.adapter.createDeposit(deposit(rig.listener), CREDENTIALS)).accepted).toBe(true)
    expect(rig.simulator.clearBehaviours()).toBe(true)
    expect(rig.simulator.rules()).toEqual([])
  })
})

describe('rules and the control endpoints', () => {
  const control = (path: string, body?: unknown) =>
    fetch(`${rig.simulator.url}/_control/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  it('an amount pattern beats a merchant rule; another merchant is unaffected; reset forgets the rules', async () => {
    rig.simulator.addMerchant({ merchantNo: 'M-OTHER', signKey: 'other-key' })
    rig.simulator.setBehaviour({ merchantNo: MERCHANT.merchantNo, behaviour: 'decline' })
    rig.simulator.setBehaviour({ amountPattern: '^7', behaviour: 'success' })
    expect(answered(await rig.adapter.createDeposit(deposit(rig.listener, { amount: '7.00' }), CREDENTIALS)).accepted).toBe(true)
    expect(answered(await rig.adapter.createDeposit(deposit(rig.listener, { amount: '8.00' }), CREDENTIALS)).accepted).toBe(false)
    const other = { merchantNo: 'M-OTHER', signKey: 'other-key' }
    expect(answered(await rig.adapter.createDeposit(deposit(rig.listener, { amount: '8.00' }), other)).accepted).toBe(true)
    rig.simulator.reset()
    expect(answered(await rig.adapter.createDeposit(deposit(rig.listener, { amount: '8.00' }), CREDENTIALS)).accepted).toBe(true)
  })

  it('over HTTP: behaviour, pay, state, orders, reset; bad input is refused', async () => {
    expect((await control('behaviour', { behaviour: 'explode' })).status).toBe(400)
    expect((await control('behaviour', { behaviour: 'delay', amountPattern: '(' })).status).toBe(400)
    expect(await (await control('behaviour', { merchantNo: MERCHANT.merchantNo, amountPattern: '\\.13$', behaviour: 'partial_amount' })).json()).toMatchObject({ ok: true })
    const order = deposit(rig.listener, { amount: '10.13' })
    await rig.adapter.createDeposit(order, CREDENTIALS)
    expect((await control('pay', { orderNo: 'NOPE' })).status).toBe(404)
    expect(await (await control('pay', { orderNo: order.orderNo })).json()).toMatchObject({ ok: true, order: { status: 'SUCCESS', paidAmount: '9.11' } })
    expect((await control('pay', { orderNo: order.orderNo })).status).toBe(409)
    const state = (await (await control('state')).json()) as { merchants: string[]; rules: unknown[]; counts: { orders: number } }
    expect(state).toMatchObject({ rules: [{ behaviour: 'partial_amount' }], counts: { orders: 1 } })
    expect(state.merchants).toContain(MERCHANT.merchantNo)
    expect(JSON.stringify(state)).not.toContain(MERCHANT.signKey)
    const listed = (await (await control('orders')).json()) as { orders: { orderNo: string; createRequests: number }[]; requests: unknown[] }
    expect(listed.orders).toMatchObject([{ orderNo: order.orderNo, createRequests: 1 }])
    expect(listed.requests).toHaveLength(1)
    expect(await (await control('reset', {})).json()).toEqual({ ok: true })
    expect(rig.simulator.orders()).toHaveLength(0)
  })

  it('answers only requests addressed to its loopback name', async () => {
    // fetch will not send another Host header: node:http will.
    const status = (host: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        request({ host: '127.0.0.1', port: rig.simulator.port, path: '/_control/state', headers: { host } }, (res) => {
          res.resume()
          resolve(res.statusCode)
        })
          .on('error', reject)
          .end()
      })
    expect(await status('evil.example')).toBe(400)
    expect(await status(`localhost:${rig.simulator.port}`)).toBe(200)
  })
})
