import fc from 'fast-check'
import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { decimalText } from './amounts'

/** decimal.js with room for 30-digit sums (its default precision is 20 significant digits). */
const Exact = Decimal.clone({ precision: 60 })

describe('report amounts', () => {
  it('are the minor units as an exact decimal with the currency’s digits', () => {
    expect(decimalText(-2000, 'CNY')).toBe('-20.00')
    expect(decimalText(5, 'CNY')).toBe('0.05')
    expect(decimalText(-5, 'CNY')).toBe('-0.05')
    expect(decimalText(0, 'CNY')).toBe('0.00')
    expect(decimalText(1500000, 'VND')).toBe('1500000')
    expect(decimalText(12500000, 'USDT')).toBe('12.500000')
    expect(decimalText(123456789012345678901234n, 'USDT')).toBe('123456789012345678.901234')
    expect(decimalText(-1n, 'USDT')).toBe('-0.000001')
  })

  it('equal decimal.js’s division for any integer, number or BigInt, in every digit count', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })), fc.constantFrom('CNY', 'VND', 'USDT', 'BRL'), (minor, currency) => {
        const digits = { CNY: 2, VND: 0, USDT: 6, BRL: 2 }[currency]!
        expect(decimalText(minor, currency)).toBe(new Exact(minor.toString()).dividedBy(new Exact(10).pow(digits)).toFixed(digits))
      })
    )
  })
})
