import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { crc16ccitt } from '../../../src/main/simulator/payment-page'
import { createGenericAdapter, DEFAULT_GENERIC_CONFIG } from '../../../src/main/upstream/generic'
import { sign } from '../../../src/main/upstream/signing'
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
  rig.listener.received.length = 0
})

describe('deposits: the payment page by service type', () => {
  const cases = [
    { serviceType: 'USDT', currency: 'USDT', fields: {}, kind: 'crypto_address' },
    { serviceType: 'CNY_ALIPAY_WECHAT', currency: 'CNY', fields: { payerName: '张三' }, kind: 'qr' },
    { serviceType: 'CNY_BANK_CARD', currency: 'CNY', fields: { payerName: '张三', cardNumber: '6222021234567890', remarkCode: 'R1' }, kind: 'bank_account' },
    { serviceType: 'THAI', currency: 'THB', fields: { payerName: 'Somchai', cardNumber: '1234567890', bankCode: 'KBANK' }, kind: 'bank_account' },
    { serviceType: 'VIETNAMESE', currency: 'VND', fields: { payerName: 'Nguyen', bankCode: 'VCB' }, kind: 'bank_account' },
    { serviceType: 'INDONESIAN', currency: 'IDR', fields: { payerName: 'Budi', bankCode: 'BRI' }, kind: 'bank_account' },
    { serviceType: 'BRAZILIAN', currency: 'BRL', fields: { payerName: 'João', cardNumber: '1234', phone: '5511999999999', idNumber: '12345678909' }, kind: 'qr' }
  ] as const

  for (const c of cases) {
    it(`${c.serviceType} → ${c.kind}`, async () => {
      const order = deposit(rig.listener, { serviceType: c.serviceType, currency: c.currency, fields: { ...c.fields }, amount: '100.00' })
      const answer = answered(await rig.adapter.createDeposit(order, CREDENTIALS))
      expect(answer).toMatchObject({ accepted: true, status: 'pending', message: 'ok' })
      expect(answer.upstreamNo).toMatch(/^SIMD/)
      expect(answer.paymentPage).toMatchObject({ kind: c.kind, amount: '100.00', currency: c.currency })
    })
  }

  it('a bank account names the chosen bank; USDT gets an address for its network; PIX carries a valid CRC', async () => {
    const thai = answered(await rig.adapter.createDeposit(deposit(rig.listener, { serviceType: 'THAI', currency: 'THB', fields: { payerName: 'S', cardNumber: '1', bankCode: 'KBANK' } }), CREDENTIALS))
    expect(thai.paymentPage).toMatchObject({ bankName: 'Kasikornbank', accountName: 'PayDesk Simulator Collection' })
    expect(thai.paymentPage?.bankAccount).toMatch(/^6\d{15}$/)
    const trc = answered(await rig.adapter.createDeposit(deposit(rig.listener, { serviceType: 'USDT', currency: 'USDT', fields: {} }), CREDENTIALS))
    expect(trc.paymentPage?.address).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/)
    const erc = answered(await rig.adapter.createDeposit(deposit(rig.listener, { serviceType: 'USDT', currency: 'USDT', fields: { network: 'ERC20' } }), CREDENTIALS))
    expect(erc.paymentPage?.address).toMatch(/^0x[0-9a-f]{40}$/)
    const pix = answered(await rig.adapter.createDeposit(deposit(rig.listener, { serviceType: 'BRAZILIAN', currency: 'BRL', amount: '12.34', fields: { payerName: 'J', cardNumber: '1', phone: '1', idNumber: '1' } }), CREDENTIALS))
    const code = pix.paymentPage?.qrCode ?? ''
    expect(code).toContain('br.gov.bcb.pix')
    expect(code).toContain('540512.34')
    expect(code.slice(-4)).toBe(crc16ccitt(code.slice(0, -4)))
  })

  it('an unknown service type gets a hosted page to redirect to, which the simulator serves', async () => {
    const answer = answered(await rig.adapter.createDeposit(deposit(rig.listener, { serviceType: 'OTHER' }), CREDENTIALS))
    expect(answer.paymentPage?.kind).toBe('redirect')
    const page = await fetch(answer.paymentPage?.url ?? '')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('100.00 CNY')
  })
})

describe('callbacks and queries', () => {
  it('pay → a signed callback reaches the listener, verifyCallback accepts it, the simulator sees the acknowledgement', async () => {
    const order = deposit(rig.listener)
    const created = answered(await rig.adapter.createDeposit(order, CREDENTIALS))
    expect(answered(await rig.adapter.query(order, CREDENTIALS))).toMatchObject({ accepted: true, status: 'pending', paidAmount: null })
    await rig.simulator.pay(order.orderNo)
    const [callback] = await rig.listener.waitFor(order.orderNo, 1)
    expect(callback.contentType).toBe('application/x-www-form-urlencoded')
    const verified = rig.adapter.verifyCallback(callback.body, callback.contentType, CREDENTIALS)
    expect(verified).toMatchObject({ signatureValid: true, orderNo: order.orderNo, upstreamNo: created.upstreamNo, status: 'succeeded', paidAmount: '100.00' })
    expect(verified.eventKey).toMatch(/^EV[0-9a-f]{32}$/)
    expect(answered(await rig.adapter.query(order, CREDENTIALS))).toMatchObject({ status: 'succeeded', paidAmount: '100.00', upstreamNo: created.upstreamNo })
    await expect.poll(() => rig.simulator.orders()[0].callbacks.map((c) => c.acknowledged)).toEqual([true])
  })

  it('a payout settles on its own after a short delay and calls back', async () => {
    const order = payout(rig.listener)
    expect(answered(await rig.adapter.createPayout(order, CREDENTIALS))).toMatchObject({ accepted: true, status: 'pending', paymentPage: null })
    const [callback] = await rig.listener.waitFor(order.orderNo, 1)
    expect(rig.adapter.verifyCallback(callback.body, callback.contentType, CREDENTIALS)).toMatchObject({ signatureValid: true, orderNo: order.orderNo, status: 'succeeded', paidAmount: '50.00' })
  })

  it('a callback not acknowledged is sent again with the same event', async () => {
    rig.listener.answerNext('FAIL')
    const order = deposit(rig.listener)
    await rig.adapter.createDeposit(order, CREDENTIALS)
    await rig.simulator.pay(order.orderNo, '30.00')
    const [first, second] = await rig.listener.waitFor(order.orderNo, 2)
    expect(first.body).toBe(second.body)
    expect(rig.adapter.verifyCallback(second.body, second.contentType, CREDENTIALS)).toMatchObject({ signatureValid: true, paidAmount: '30.00' })
    await expect.poll(() => rig.simulator.orders()[0].callbacks.map((c) => [c.attempt, c.acknowledged])).toEqual([
      [1, false],
      [2, true]
    ])
  })

  it('with auto-pay, a deposit is paid and called back without anyone paying it', async () => {
    const auto = await startRig({ autoPayAfterMs: 30 })
    try {
      const order = deposit(auto.listener)
      await auto.adapter.createDeposit(order, CREDENTIALS)
      const [callback] = await auto.listener.waitFor(order.orderNo, 1)
      expect(auto.adapter.verifyCallback(callback.body, callback.contentType, CREDENTIALS)).toMatchObject({ signatureValid: true, status: 'succeeded', paidAmount: '100.00' })
    } finally {
      await auto.stop()
    }
  })

  it('a query for an order the provider never got is not_found', async () => {
    expect(answered(await rig.adapter.query({ orderNo: 'NEVER-SENT', direction: 'payout' }, CREDENTIALS))).toMatchObject({ accepted: false, status: 'not_found' })
  })
})

describe('idempotency and signatures at the simulator', () => {
  it('a repeated create with the same order number is answered from the first; the simulator holds one order', async () => {
    const order = payout(rig.listener)
    const first = answered(await rig.adapter.createPayout(order, CREDENTIALS))
    const again = answered(await rig.adapter.createPayout({ ...order, amount: '999.00' }, CREDENTIALS))
    expect(again).toEqual(first)
    expect(rig.simulator.orders().filter((o) => o.orderNo === order.orderNo)).toHaveLength(1)
    expect(rig.simulator.orders()[0]).toMatchObject({ amount: '50.00', createRequests: 2 })
    expect(rig.simulator.createRequests(order.orderNo)).toBe(2)
  })

  it('our request signed with the wrong key, or for an unknown merchant, is refused and creates nothing', async () => {
    const wrongKey = answered(await rig.adapter.createDeposit(deposit(rig.listener), { ...CREDENTIALS, signKey: 'not-the-key' }))
    expect(wrongKey).toMatchObject({ accepted: false, message: 'bad signature', paymentPage: null })
    const unknown = answered(await rig.adapter.createDeposit(deposit(rig.listener), { ...CREDENTIALS, merchantNo: 'M-UNKNOWN' }))
    expect(unknown.accepted).toBe(false)
    expect(rig.simulator.orders()).toHaveLength(0)
    expect(rig.simulator.requests().map((r) => r.outcome)).toEqual(['rejected', 'rejected'])
  })

  it('the logs of an exchange never show the credentials or the signature', async () => {
    const outcome = await rig.adapter.createPayout(payout(rig.listener), CREDENTIALS)
    const text = JSON.stringify(outcome.logs)
    expect(text).not.toContain(MERCHANT.signKey)
    expect(text).not.toContain(MERCHANT.merchantNo)
    expect(text).not.toContain('6222021234567890')
    expect(JSON.parse(outcome.logs[0].requestBody)).toMatchObject({ sign: '***', recipientAccount: '622202******7890', merchantNo: '***' })
  })

  it('form bodies, HMAC-SHA256, upper-case hex and JSON callbacks interoperate too', async () => {
    const hmac = await startRig({ algorithm: 'hmac-sha256', upperCase: true, callbackFormat: 'json' }, (c) => ({
      ...c,
      bodyFormat: 'form',
      signature: { ...c.signature, algorithm: 'hmac-sha256', upperCase: true }
    }))
    try {
      const order = deposit(hmac.listener)
      expect(answered(await hmac.adapter.createDeposit(order, CREDENTIALS)).accepted).toBe(true)
      expect(hmac.adapter.callbackAck).toBe('SUCCESS')
      await hmac.simulator.pay(order.orderNo)
      const [callback] = await hmac.listener.waitFor(order.orderNo, 1)
      expect(callback.contentType).toBe('application/json')
      expect(JSON.parse(callback.body).sign).toMatch(/^[0-9A-F]{64}$/)
      expect(hmac.adapter.verifyCallback(callback.body, callback.contentType, CREDENTIALS)).toMatchObject({ signatureValid: true, status: 'succeeded' })
      // The MD5 adapter of the default config does not accept it.
      const md5 = createGenericAdapter(DEFAULT_GENERIC_CONFIG(hmac.simulator.url))
      expect(md5.verifyCallback(callback.body, callback.contentType, CREDENTIALS).signatureValid).toBe(false)
    } finally {
      await hmac.stop()
    }
  })

  it('a raw request signed by hand is accepted: the protocol is exactly sorted k=v + &key=', async () => {
    const params: Record<string, string> = { merchantNo: MERCHANT.merchantNo, orderNo: 'HAND-1', amount: '1.00', currency: 'CNY', notifyUrl: rig.listener.url, serviceType: 'USDT' }
    params.sign = sign(params, MERCHANT.signKey, 'md5', false, 'sign')
    const response = await fetch(`${rig.simulator.url}/deposit/create`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) })
    expect(await response.json()).toMatchObject({ code: '0', message: 'ok', data: { status: 'PENDING', amount: '1.00' } })
  })
})
