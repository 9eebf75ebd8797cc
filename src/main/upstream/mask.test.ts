import { describe, expect, it } from 'vitest'
import { maskAccount, maskText, maskUrl, maskValue, type MaskRules } from './mask'

const rules: MaskRules = {
  secrets: ['sign-key-0001', 'api/key+value', 'M-0001'],
  signatureFields: ['sign'],
  accountFields: ['cardNumber', 'recipientAccount', 'bankAccount']
}

describe('maskAccount', () => {
  it('keeps the first 6 and the last 4 characters of a card number, one * per hidden one', () => {
    expect(maskAccount('6222021234563445')).toBe('622202******3445')
    expect(maskAccount('6222020200112233445')).toBe('622202*********3445')
    expect(maskAccount('1234567890123')).toBe('123456***0123')
  })

  it('numbers under 13 characters keep only the last 4, very short ones nothing', () => {
    expect(maskAccount('123456789012')).toBe('********9012')
    expect(maskAccount('12345678')).toBe('****5678')
    expect(maskAccount('1234')).toBe('****')
    expect(maskAccount('')).toBe('****')
  })

  it('masking a masked number changes nothing', () => {
    for (const n of ['6222021234563445', '9876543210', '12']) expect(maskAccount(maskAccount(n))).toBe(maskAccount(n))
  })
})

describe('maskText', () => {
  it('JSON: credential values, the signature and account numbers (also nested, also numbers)', () => {
    const body = JSON.stringify({
      merchantNo: 'M-0001',
      sign: 'abcdef0123456789',
      cardNumber: '6222021234567890',
      note: 'key is sign-key-0001 here',
      data: { bankAccount: 1234567890123, accounts: [{ recipientAccount: '9876543210' }] },
      amount: '100.00'
    })
    const masked = JSON.parse(maskText(body, rules)) as Record<string, unknown>
    expect(masked).toEqual({
      merchantNo: '***',
      sign: '***',
      cardNumber: '622202******7890',
      note: 'key is *** here',
      data: { bankAccount: '123456***0123', accounts: [{ recipientAccount: '******3210' }] },
      amount: '100.00'
    })
  })

  it('form bodies, including secrets that need URL encoding', () => {
    const body = new URLSearchParams({ merchantNo: 'M-0001', apiKey: 'api/key+value', sign: 'ABC', recipientAccount: '0123456789012', amount: '5' }).toString()
    const masked = new URLSearchParams(maskText(body, rules))
    expect(Object.fromEntries(masked)).toEqual({ merchantNo: '***', apiKey: '***', sign: '***', recipientAccount: '012345***9012', amount: '5' })
    expect(maskText(body, rules)).not.toContain(encodeURIComponent('api/key+value'))
  })

  it('field names match case-insensitively', () => {
    expect(JSON.parse(maskText('{"SIGN":"x","CardNumber":"6222021234567890"}', rules))).toEqual({ SIGN: '***', CardNumber: '622202******7890' })
  })

  it('any other text: secrets replaced wherever they occur', () => {
    expect(maskText('<html>bad key sign-key-0001 for M-0001</html>', rules)).toBe('<html>bad key *** for ***</html>')
    expect(maskText('not json { sign-key-0001', rules)).toBe('not json { ***')
  })

  it('a very short secret is masked as a whole value but not inside other text', () => {
    const short: MaskRules = { ...rules, secrets: ['7'] }
    expect(JSON.parse(maskText('{"apiKey":"7","amount":"17.70"}', short))).toEqual({ apiKey: '***', amount: '17.70' })
  })

  it('leaves bodies without secrets alone', () => {
    const body = '{"code":"0","data":{"upstreamNo":"U1","status":"PENDING"}}'
    expect(maskText(body, rules)).toBe(body)
    expect(maskValue(null, rules)).toBeNull()
  })
})

describe('maskUrl', () => {
  it('masks the query string like a form and secrets in the path', () => {
    expect(maskUrl('http://127.0.0.1:9/q/M-0001?orderNo=1&sign=abc', rules)).toBe('http://127.0.0.1:9/q/***?orderNo=1&sign=***')
    expect(maskUrl('http://127.0.0.1:9/deposit/create', rules)).toBe('http://127.0.0.1:9/deposit/create')
  })
})
