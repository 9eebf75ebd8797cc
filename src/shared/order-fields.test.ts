import { describe, expect, it } from 'vitest'
import { inEnglish } from '../main/core/text'
import { checkOrderFields, isCpf, type FieldProblem } from './order-fields'

const inWords = (problems: FieldProblem[]) => problems.map((p) => ({ field: p.field, message: inEnglish(p.text) }))

describe('order fields per service type', () => {
  it('requires exactly the seed’s fields for each deposit type', () => {
    const missing = (type: string) => checkOrderFields(type, 'deposit', {}).problems.map((p) => p.field).sort()
    expect(missing('CNY_BANK_CARD')).toEqual(['fields.cardNumber', 'fields.payerName', 'fields.remarkCode'])
    expect(missing('CNY_ALIPAY_WECHAT')).toEqual(['fields.payerName'])
    expect(missing('THAI')).toEqual(['fields.bankCode', 'fields.cardNumber', 'fields.payerName'])
    expect(missing('VIETNAMESE')).toEqual(['fields.bankCode', 'fields.payerName'])
    expect(missing('INDONESIAN')).toEqual(['fields.bankCode', 'fields.payerName'])
    expect(missing('BRAZILIAN')).toEqual(['fields.cardNumber', 'fields.idNumber', 'fields.payerName', 'fields.phone'])
    expect(missing('USDT')).toEqual([])
  })

  it('checks bank codes against the country’s list', () => {
    expect(checkOrderFields('THAI', 'deposit', { payerName: 'Somchai Prasert', cardNumber: '1234567890', bankCode: 'kbank' })).toEqual({
      fields: { payerName: 'Somchai Prasert', cardNumber: '1234567890', bankCode: 'KBANK' },
      problems: []
    })
    const wrong = checkOrderFields('VIETNAMESE', 'deposit', { payerName: 'Nguyen Van An', bankCode: 'KBANK' })
    expect(inWords(wrong.problems)).toEqual([{ field: 'fields.bankCode', message: expect.stringContaining('VN bank list') }])
  })

  it('checks CPF check digits, phone numbers and USDT addresses', () => {
    expect(isCpf('529.982.247-25')).toBe(true)
    expect(isCpf('529.982.247-24')).toBe(false)
    expect(isCpf('11111111111')).toBe(false)
    const br = checkOrderFields('BRAZILIAN', 'deposit', { payerName: 'Ana Souza', cardNumber: '5162 3062 1937 8829', phone: '+55 11 5555-0105', idNumber: '52998224724' })
    expect(br.problems.map((p) => p.field)).toEqual(['fields.idNumber'])
    expect(br.fields.phone).toBe('+551155550105')
    const usdt = checkOrderFields('USDT', 'payout', { recipientName: 'Daniel Ho', recipientAccount: '0x12', network: 'erc20' })
    expect(inWords(usdt.problems)).toEqual([{ field: 'fields.recipientAccount', message: expect.stringContaining('ERC20') }])
  })

  it('drops fields the type does not use', () => {
    expect(checkOrderFields('CNY_ALIPAY_WECHAT', 'deposit', { payerName: 'Li Wei', cardNumber: '6222020200112233' }).fields).toEqual({ payerName: 'Li Wei' })
  })
})
