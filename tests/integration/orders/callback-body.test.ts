/**
 * The callback listener faces the providers (and anyone else who finds it): a body larger than a
 * callback can be is refused with 413 before it is read whole, and nothing of it is stored
 * (issue 12, item 15). A real signed callback beside it is still taken.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CALLBACK_MAX_BODY_BYTES } from '../../../src/main/http/callback-listener'
import { sign } from '../../../src/main/upstream/signing'
import { countRows } from '../../support/core'
import { cardFields, MERCHANT_NO, orderWorld, SIGN_KEY, waitForOrder, type OrderWorld } from './support'

let w: OrderWorld
afterEach(async () => w?.stop())

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const callbackUrl = () => `${w.t.core.engine.listeningAt()}/callbacks/${w.channelId}`

async function createdDeposit() {
  return w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '1000.00', fields: cardFields }, w.admin)
}

/** The provider's callback that the order was paid, signed with the channel's key. */
function paidCallback(order: { orderNo: string; upstreamNo: string | null; amount: string }, extra: Record<string, string> = {}): string {
  const params: Record<string, string> = { merchantNo: MERCHANT_NO, orderNo: order.orderNo, upstreamNo: order.upstreamNo ?? '', direction: 'deposit', status: 'SUCCESS', amount: order.amount, paidAmount: order.amount, currency: 'CNY', eventId: `evt-${order.orderNo}`, timestamp: String(Date.now()), ...extra }
  params.sign = sign(params, SIGN_KEY, 'md5', false, 'sign')
  return new URLSearchParams(params).toString()
}

describe('the callback listener’s body limit', () => {
  it('a 20 MB body gets 413 FAIL, with or without a Content-Length, and nothing is stored; a signed callback is still applied', async () => {
    w = await orderWorld()
    const order = await createdDeposit()
    // A signed callback whose padding makes it 20 MB: refused for its size, before any check.
    const huge = paidCallback(order, { padding: 'x'.repeat(20 * 1024 * 1024) })
    const declared = await fetch(callbackUrl(), { method: 'POST', headers: FORM, body: huge })
    expect(declared.status).toBe(413)
    expect(await declared.text()).toBe('FAIL')

    // Sent in chunks without a length: the listener stops reading once past the limit.
    const chunks = (function* () {
      for (let sent = 0; sent < 20 * 1024 * 1024; sent += 1024 * 1024) yield new TextEncoder().encode('x'.repeat(1024 * 1024))
    })()
    const streamed = await fetch(callbackUrl(), {
      method: 'POST',
      headers: FORM,
      body: new ReadableStream({ pull: (controller) => { const next = chunks.next(); if (next.done) controller.close(); else controller.enqueue(next.value) } }),
      duplex: 'half'
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(await streamed.text()).toBe('FAIL')
    expect(countRows(w.t.core, 'provider_callbacks')).toBe(0)

    // Just under the limit (64 KiB) is read as a callback like any other (this one unsigned: logged, refused).
    const under = await fetch(callbackUrl(), { method: 'POST', headers: FORM, body: `orderNo=${order.orderNo}&padding=${'x'.repeat(CALLBACK_MAX_BODY_BYTES - 100)}` })
    expect(under.status).not.toBe(413)

    const answer = await fetch(callbackUrl(), { method: 'POST', headers: FORM, body: paidCallback(order) })
    expect(answer.status).toBe(200)
    expect(await answer.text()).toBe('SUCCESS')
    const paid = await waitForOrder(w, order.id, (o) => o.status === 'succeeded', 'succeeded')
    expect(paid.callbacks).toEqual(expect.arrayContaining([expect.objectContaining({ signatureValid: true, outcome: 'applied' })]))
  })
})
