import { describe, expect, it } from 'vitest'
import { crc16ccitt, paymentPageFor, pixCopyPaste, simulatedAddress } from './payment-page'
import type { SimOrder } from './types'

const order = (serviceType: string, fields: Record<string, string> = {}): SimOrder => ({
  merchantNo: 'M',
  orderNo: 'D1',
  direction: 'deposit',
  upstreamNo: 'SIMD1',
  amount: '10.00',
  currency: 'CNY',
  serviceType,
  notifyUrl: 'http://127.0.0.1:1/cb',
  fields,
  status: 'PENDING',
  paidAmount: null,
  page: {},
  createdAt: 0,
  settledAt: null
})

describe('payment pages', () => {
  it('CRC-16/CCITT-FALSE check value', () => {
    expect(crc16ccitt('123456789')).toBe('29B1')
  })

  it('a PIX code is tag-length-value with the amount and a trailing CRC over the rest', () => {
    const code = pixCopyPaste('SIM-D-1', '12.34')
    expect(code.startsWith('000201')).toBe(true)
    expect(code).toContain('5303986540512.345802BR')
    expect(code).toContain('0505SIMD1')
    expect(code.slice(-8, -4)).toBe('6304')
    expect(code.slice(-4)).toBe(crc16ccitt(code.slice(0, -4)))
  })

  it('kinds by service type, deterministic per upstream number', () => {
    expect(Object.keys(paymentPageFor(order('USDT'), 'http://s'))).toEqual(['address'])
    expect(Object.keys(paymentPageFor(order('CNY_ALIPAY_WECHAT'), 'http://s'))).toEqual(['qrCode'])
    expect(paymentPageFor(order('CNY_BANK_CARD', { bankCode: 'BOC' }), 'http://s')).toMatchObject({ bankName: 'Bank of China' })
    expect(paymentPageFor(order('VIETNAMESE'), 'http://s')).toMatchObject({ bankName: 'Vietcombank' })
    expect(paymentPageFor(order('X'), 'http://s')).toEqual({ payUrl: 'http://s/pay/SIMD1' })
    expect(paymentPageFor(order('THAI'), 'x')).toEqual(paymentPageFor(order('THAI'), 'x'))
    expect(simulatedAddress('a', 'TRC20')).not.toBe(simulatedAddress('b', 'TRC20'))
  })
})
