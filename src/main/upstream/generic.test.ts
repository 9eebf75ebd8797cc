import { describe, expect, it } from 'vitest'
import { englishOfIssue } from '../core/errors'
import { createGenericAdapter, DEFAULT_GENERIC_CONFIG, genericAdapterConfigSchema, MissingCredentialError, readPath } from './generic'
import type { HttpOutcome, UpstreamHttp, UpstreamRequest } from './http'
import { sign } from './signing'
import type { GenericAdapterConfig, OutboundOrder } from './types'

/** An UpstreamHttp that records what it was asked to send and answers as told. */
function fakeHttp(reply: (request: UpstreamRequest) => HttpOutcome = () => ({ kind: 'answered', status: 200, data: { code: '0' }, logs: [] })) {
  const sent: UpstreamRequest[] = []
  const http: UpstreamHttp = { send: async (request) => (sent.push(request), reply(request)) }
  return { http, sent }
}

const answeredWith = (data: Record<string, unknown>) => () => ({ kind: 'answered' as const, status: 200, data, logs: [] })
const BASE = DEFAULT_GENERIC_CONFIG('http://127.0.0.1:9100/')
const CREDENTIALS = { merchantNo: 'M-1', signKey: 'k-secret', apiKey: 'api-1' }
const NOW = () => 1_700_000_000_000

const order: OutboundOrder = {
  orderNo: 'D1',
  direction: 'deposit',
  amount: '10.50',
  currency: 'THB',
  serviceType: 'THAI',
  fields: { payerName: 'Somchai', cardNumber: '1234567890', bankCode: 'KBANK', remarkCode: '' },
  notifyUrl: 'http://127.0.0.1:1/cb'
}

describe('requests', () => {
  it('JSON by default: our fields, merchantNo from the credentials, a timestamp, MD5-signed; creates are not retry-safe', async () => {
    const { http, sent } = fakeHttp()
    await createGenericAdapter(BASE, http, NOW).createDeposit(order, CREDENTIALS)
    const [request] = sent
    expect(request).toMatchObject({ operation: 'createDeposit', url: 'http://127.0.0.1:9100/deposit/create', contentType: 'application/json', retrySafe: false, timeoutMs: 10_000, headers: { 'Idempotency-Key': 'D1' } })
    const body = JSON.parse(request.body) as Record<string, string>
    const { sign: signature, ...unsigned } = body
    expect(unsigned).toEqual({ merchantNo: 'M-1', orderNo: 'D1', amount: '10.50', currency: 'THB', notifyUrl: 'http://127.0.0.1:1/cb', serviceType: 'THAI', timestamp: '1700000000000', payerName: 'Somchai', cardNumber: '1234567890', bankCode: 'KBANK' })
    expect(signature).toBe(sign(unsigned, 'k-secret', 'md5', false, 'sign'))
    expect(request.mask).toMatchObject({ secrets: ['M-1', 'k-secret', 'api-1'], signatureFields: ['sign'] })
    expect(request.mask.accountFields).toEqual(expect.arrayContaining(['cardNumber', 'recipientAccount']))
  })

  it('form bodies, renamed fields, HMAC-SHA256 in upper case under another field (vector computed outside)', async () => {
    const config: GenericAdapterConfig = {
      ...BASE,
      bodyFormat: 'form',
      signature: { algorithm: 'hmac-sha256', field: 'signature', keyCredential: 'signKey', upperCase: true },
      fieldMap: { merchantNo: 'mch_id', orderNo: 'out_trade_no', amount: 'money', bankCode: 'bank_code', cardNumber: 'card_no' }
    }
    const { http, sent } = fakeHttp()
    await createGenericAdapter(config, http, NOW).createDeposit({ ...order, fields: { ...order.fields, cardNumber: '1234567890' } }, CREDENTIALS)
    expect(sent[0].contentType).toBe('application/x-www-form-urlencoded')
    const params = Object.fromEntries(new URLSearchParams(sent[0].body))
    expect(params).toMatchObject({ mch_id: 'M-1', out_trade_no: 'D1', money: '10.50', bank_code: 'KBANK', card_no: '1234567890' })
    expect(sent[0].mask.accountFields).toContain('card_no')
    // Computed outside: printf '%s' 'bank_code=KBANK&card_no=1234567890&currency=THB&mch_id=M-1&money=10.50&
    // notifyUrl=http://127.0.0.1:1/cb&out_trade_no=D1&payerName=Somchai&serviceType=THAI&timestamp=1700000000000'
    // | openssl dgst -sha256 -hmac k-secret, upper-cased.
    expect(params.signature).toBe('2CE03A8C5A40BE24849165EB30F7F5A31A19F73587C282C7B554DBBEF61940B5')
  })

  it('the core fields win over an order field of the same name', async () => {
    const { http, sent } = fakeHttp()
    await createGenericAdapter(BASE, http, NOW).createPayout({ ...order, direction: 'payout', fields: { amount: '99999', recipientAccount: '1' } }, CREDENTIALS)
    expect(JSON.parse(sent[0].body)).toMatchObject({ amount: '10.50', recipientAccount: '1' })
    expect(sent[0].url).toBe('http://127.0.0.1:9100/payout/create')
  })

  it('queries carry merchant, order and timestamp only, and are retry-safe', async () => {
    const { http, sent } = fakeHttp()
    await createGenericAdapter(BASE, http, NOW).query({ orderNo: 'D1', direction: 'deposit' }, CREDENTIALS)
    expect(sent[0]).toMatchObject({ operation: 'query', url: 'http://127.0.0.1:9100/order/query', retrySafe: true, headers: {} })
    expect(Object.keys(JSON.parse(sent[0].body)).sort()).toEqual(['merchantNo', 'orderNo', 'sign', 'timestamp'])
  })

  it('a missing merchant number or signing key sends nothing', async () => {
    const { http, sent } = fakeHttp()
    const adapter = createGenericAdapter(BASE, http, NOW)
    await expect(adapter.createDeposit(order, { merchantNo: 'M-1' })).rejects.toBeInstanceOf(MissingCredentialError)
    await expect(adapter.createPayout(order, { signKey: 'k' })).rejects.toThrow(/merchantNo/)
    expect(sent).toHaveLength(0)
  })
})

describe('answers', () => {
  it('accepted iff the success path holds the success value; fields through their paths; statuses through the map', async () => {
    const data = { code: '0', message: 'ok', data: { upstreamNo: 'U1', status: 'PENDING', amount: '10.51', bankAccount: '6000123412341234', bankName: 'KBank', accountName: 'Collect' } }
    const outcome = await createGenericAdapter(BASE, fakeHttp(answeredWith(data)).http).createDeposit(order, CREDENTIALS)
    expect(outcome).toMatchObject({
      kind: 'answered',
      answer: { accepted: true, upstreamNo: 'U1', status: 'pending', paidAmount: null, message: 'ok', paymentPage: { kind: 'bank_account', bankAccount: '6000123412341234', bankName: 'KBank', accountName: 'Collect', amount: '10.51', currency: 'THB' } }
    })
    const numeric = await createGenericAdapter(BASE, fakeHttp(answeredWith({ code: 0 })).http).createDeposit(order, CREDENTIALS)
    expect(numeric).toMatchObject({ answer: { accepted: true } })
    const refused = await createGenericAdapter(BASE, fakeHttp(answeredWith({ code: '2001', message: 'no' })).http).createDeposit(order, CREDENTIALS)
    expect(refused).toMatchObject({ answer: { accepted: false, paymentPage: null, message: 'no', status: null } })
  })

  it('the payment page kind: redirect, then QR, then bank account, then address; only http(s) redirects', async () => {
    const page = async (data: Record<string, unknown>) => {
      const outcome = await createGenericAdapter(BASE, fakeHttp(answeredWith({ code: '0', data })).http).createDeposit(order, CREDENTIALS)
      return outcome.kind === 'answered' ? outcome.answer.paymentPage : undefined
    }
    expect(await page({ payUrl: 'https://pay.example/x', qrCode: 'Q' })).toMatchObject({ kind: 'redirect', url: 'https://pay.example/x', qrCode: 'Q', amount: '10.50' })
    expect(await page({ payUrl: 'javascript:alert(1)', qrCode: 'Q' })).toEqual({ kind: 'qr', qrCode: 'Q', amount: '10.50', currency: 'THB' })
    expect(await page({ address: 'TXYZ', amount: 'lots' })).toEqual({ kind: 'crypto_address', address: 'TXYZ', amount: '10.50', currency: 'THB' })
    expect(await page({})).toBeNull()
    const payout = await createGenericAdapter(BASE, fakeHttp(answeredWith({ code: '0', data: { qrCode: 'Q' } })).http).createPayout(order, CREDENTIALS)
    expect(payout).toMatchObject({ answer: { paymentPage: null } })
  })

  it('queries: not_found from the not-found code; unknown or inherited status names say nothing; amounts stay as written, for the order logic to judge', async () => {
    const query = async (data: Record<string, unknown>) => {
      const outcome = await createGenericAdapter(BASE, fakeHttp(answeredWith(data)).http).query(order, CREDENTIALS)
      return outcome.kind === 'answered' ? outcome.answer : null
    }
    expect(await query({ code: '1004', message: 'order not found' })).toMatchObject({ accepted: false, status: 'not_found' })
    expect(await query({ code: '0', data: { status: 'success', paidAmount: '10.50' } })).toMatchObject({ status: 'succeeded', paidAmount: '10.50' })
    expect(await query({ code: '0', data: { status: 'REFUNDED' } })).toMatchObject({ status: null })
    expect(await query({ code: '0', data: { status: 'constructor' } })).toMatchObject({ status: null })
    // Present but unreadable is never "not stated" (which would mean paid in full): payment-check.ts refuses it.
    expect(await query({ code: '0', data: { status: 'SUCCESS', paidAmount: '1e3' } })).toMatchObject({ paidAmount: '1e3' })
    expect(await query({ code: '0', data: { status: 'SUCCESS', paidAmount: '' } })).toMatchObject({ paidAmount: null })
    expect(await query({ code: '0', data: { status: 'SUCCESS', paidAmount: { value: 5 } } })).toMatchObject({ paidAmount: '{"value":5}' })
    expect(await query({ code: '0', data: { status: 'SUCCESS', amount: '10.50', currency: 'THB' } })).toMatchObject({ amount: '10.50', currency: 'THB' })
    expect(await query({ code: '0', data: { status: 'SUCCESS', paidAmount: 12.5 } })).toMatchObject({ paidAmount: '12.5' })
  })

  it('failures pass through with their logs', async () => {
    const logs = [{ operation: 'createPayout' as const, url: 'u', requestBody: '', responseStatus: null, responseBody: null, durationMs: 1, error: 'timeout', attempt: 1 }]
    for (const kind of ['unreachable', 'timeout', 'server_error', 'bad_response'] as const) {
      expect(await createGenericAdapter(BASE, fakeHttp(() => ({ kind, logs })).http).createPayout(order, CREDENTIALS)).toEqual({ kind, logs })
    }
  })

  it('readPath follows own properties only', () => {
    expect(readPath({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1)
    expect(readPath({ a: 1 }, 'a.b')).toBeUndefined()
    expect(readPath({}, 'constructor')).toBeUndefined()
    expect(readPath({ list: ['x'] }, 'list.0')).toBe('x')
  })
})

describe('callbacks', () => {
  const adapter = createGenericAdapter(BASE, fakeHttp().http)
  const signed = (params: Record<string, string>, key = 'k-secret') => ({ ...params, sign: sign(params, key, 'md5', false, 'sign') })
  const callback = { merchantNo: 'M-1', orderNo: 'D1', upstreamNo: 'U1', status: 'SUCCESS', amount: '10.50', paidAmount: '10.00', eventId: 'E1' }

  it('a signed form callback is read through the flat paths', () => {
    expect(adapter.verifyCallback(new URLSearchParams(signed(callback)).toString(), 'application/x-www-form-urlencoded', CREDENTIALS)).toMatchObject({
      signatureValid: true,
      orderNo: 'D1',
      upstreamNo: 'U1',
      status: 'succeeded',
      paidAmount: '10.00',
      amount: '10.50',
      currency: null,
      eventKey: 'E1'
    })
  })

  it('a JSON callback, without an event id: the key is upstream number and status', () => {
    const { eventId: _e, ...rest } = callback
    expect(adapter.verifyCallback(JSON.stringify(signed(rest)), 'application/json', CREDENTIALS)).toMatchObject({ signatureValid: true, eventKey: 'U1:succeeded' })
  })

  it('tampered, unsigned, signed with another key, unparseable, or no key here: invalid, nothing read', () => {
    const invalid = { signatureValid: false, orderNo: null, upstreamNo: null, status: null, paidAmount: null, amount: null, currency: null, eventKey: null }
    const tampered = { ...signed(callback), paidAmount: '10.50' }
    expect(adapter.verifyCallback(new URLSearchParams(tampered).toString(), null, CREDENTIALS)).toMatchObject(invalid)
    expect(adapter.verifyCallback(new URLSearchParams(callback).toString(), null, CREDENTIALS)).toMatchObject(invalid)
    expect(adapter.verifyCallback(JSON.stringify(signed(callback, 'other')), null, CREDENTIALS)).toMatchObject(invalid)
    expect(adapter.verifyCallback('<xml/>', 'text/xml', CREDENTIALS)).toMatchObject({ ...invalid, params: {} })
    expect(adapter.verifyCallback(JSON.stringify(signed(callback)), null, { merchantNo: 'M-1' })).toMatchObject(invalid)
  })

  it('explicit callback paths for nested callbacks; the renamed order number', () => {
    const nested = createGenericAdapter({ ...BASE, fieldMap: { orderNo: 'out_trade_no' }, callbackPaths: { status: 'data.state', upstreamNo: 'data.id' } }, fakeHttp().http)
    const params = { out_trade_no: 'D9', data: JSON.stringify({ state: 'FAILED', id: 'U9' }) }
    const body = JSON.stringify({ ...params, data: { state: 'FAILED', id: 'U9' }, sign: sign(params, 'k-secret', 'md5', false, 'sign') })
    expect(nested.verifyCallback(body, 'application/json', CREDENTIALS)).toMatchObject({ signatureValid: true, orderNo: 'D9', upstreamNo: 'U9', status: 'failed', eventKey: 'U9:failed' })
  })
})

describe('the config schema', () => {
  it('accepts the default and trims a trailing slash', () => {
    expect(genericAdapterConfigSchema.parse({ ...BASE, baseUrl: 'http://127.0.0.1:9100///' }).baseUrl).toBe('http://127.0.0.1:9100')
    expect(genericAdapterConfigSchema.parse(JSON.parse(JSON.stringify(BASE)))).toEqual(BASE)
  })

  it('names what is wrong', () => {
    // The rules are server texts (the settings editor shows them in either language); their English here.
    const issues = (config: unknown) => genericAdapterConfigSchema.safeParse(config).error?.issues.map((i) => `${i.path.join('.')}: ${englishOfIssue(i)}`)
    expect(issues({ ...BASE, baseUrl: 'ftp://x' })).toEqual(['baseUrl: must be an http:// or https:// address'])
    expect(issues({ ...BASE, paths: { ...BASE.paths, query: 'query' } })).toEqual(['paths.query: must be a path starting with /'])
    expect(issues({ ...BASE, signature: { ...BASE.signature, algorithm: 'sha1' } })).toEqual(['signature.algorithm: must be one of md5, hmac-sha256'])
    expect(issues({ ...BASE, statusMap: { DONE: 'paid' } })).toEqual(['statusMap.DONE: must be one of pending, succeeded, failed, not_found'])
    expect(issues({ ...BASE, fieldMap: { orderNo: 'amount' } })).toEqual(['fieldMap: each field must go out under its own name, and none under the signature field'])
    expect(issues({ ...BASE, fieldMap: { orderNo: 'sign' } })).toHaveLength(1)
    expect(issues({ ...BASE, timeoutMs: 10 })).toEqual(['timeoutMs: must be at least 500 ms'])
  })
})
