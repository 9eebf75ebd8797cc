import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal, fromMinor, roundToMinor, toMinor } from './money'
import { CURRENCIES } from './reference'

describe('money', () => {
  it('converts with each currency’s minor units', () => {
    expect(toMinor('12.34', 'CNY')).toBe(1234)
    expect(toMinor('50000', 'VND')).toBe(50000)
    expect(toMinor('1.000001', 'USDT')).toBe(1000001)
    expect(fromMinor(1234, 'CNY')).toBe('12.34')
    expect(fromMinor(5, 'USDT')).toBe('0.000005')
    expect(fromMinor(-150, 'THB')).toBe('-1.50')
    expect(fromMinor(120000, 'IDR')).toBe('120000')
  })

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(() => toMinor('0.001', 'CNY')).toThrow('CNY has at most 2 decimal places')
    expect(() => toMinor('10.5', 'VND')).toThrow('VND has at most 0 decimal places')
  })

  it('rounds fees half-up to the minor unit', () => {
    expect(roundToMinor(new Decimal('1.005'), 'CNY')).toBe(101)
    expect(roundToMinor(new Decimal('1.0049'), 'CNY')).toBe(100)
    expect(roundToMinor(new Decimal('2.5'), 'VND')).toBe(3)
  })

  it('round-trips every amount exactly, for every currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.integer({ min: 0, max: 2 ** 50 }), (c, minor) => {
        expect(toMinor(fromMinor(minor, c.code), c.code)).toBe(minor)
      })
    )
  })
})
