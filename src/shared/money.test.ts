import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal, fromMinor, minorUnitsOf, roundToMinor, toMinor } from './money'
import { CURRENCIES, CURRENCY_CODES } from './reference'

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

  it('writes minor units as their exact decimal, numbers and BigInt sums alike, as decimal.js divides them', () => {
    expect(fromMinor(-5, 'CNY')).toBe('-0.05')
    expect(fromMinor(0, 'CNY')).toBe('0.00')
    expect(fromMinor(123456789012345678901234n, 'USDT')).toBe('123456789012345678.901234')
    expect(fromMinor(-1n, 'USDT')).toBe('-0.000001')
    // decimal.js with room for 30-digit sums (its default precision is 20 significant digits).
    const Exact = Decimal.clone({ precision: 60 })
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })), fc.constantFrom(...CURRENCY_CODES), (minor, c) => {
        const digits = minorUnitsOf(c)
        expect(fromMinor(minor, c)).toBe(new Exact(minor.toString()).dividedBy(new Exact(10).pow(digits)).toFixed(digits))
      })
    )
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
