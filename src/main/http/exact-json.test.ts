import { describe, expect, it } from 'vitest'
import { jsonWithExactNumbers } from './exact-json'

const AMOUNTS = new Set(['amount', 'orderPay'])

describe('jsonWithExactNumbers', () => {
  it('writes the named fields as the number tokens their decimal text spells, digits and all', () => {
    const text = jsonWithExactNumbers({ status: 200, data: { items: [{ id: 7, amount: '65000.00', remark: 'a "b"' }, { amount: '-20.00' }, { orderPay: '1500000' }] } }, AMOUNTS)
    expect(text).toBe('{"status":200,"data":{"items":[{"id":7,"amount":65000.00,"remark":"a \\"b\\""},{"amount":-20.00},{"orderPay":1500000}]}}')
    expect(JSON.parse(text).data.items[0].amount).toBe(65000)
  })

  it('keeps every digit a float would lose', () => {
    expect(jsonWithExactNumbers({ amount: '90071992547409.930001' }, AMOUNTS)).toBe('{"amount":90071992547409.930001}')
  })

  it('writes other fields as JSON.stringify does, skipping undefined and keeping null', () => {
    const value = { a: 'x', b: 1.5, c: null, d: undefined, e: [true, null], amountText: '1.00' }
    expect(jsonWithExactNumbers(value, AMOUNTS)).toBe(JSON.stringify(value))
  })

  it('refuses a named field that is not a JSON number, rather than quote it', () => {
    for (const bad of ['1e5', '00.5', '.5', '1.', '', 'NaN', '+1']) expect(() => jsonWithExactNumbers({ amount: bad }, AMOUNTS)).toThrow(/amount/)
  })
})
