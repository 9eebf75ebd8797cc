import { describe, expect, it } from 'vitest'
import { formatAmount, groupDigits, moneyText } from './money-text'

describe('money in a sentence', () => {
  it('writes minor units as the screens do: grouped, the currency’s digits, the code after', () => {
    expect(moneyText(330_789, 'CNY')).toBe('3,307.89 CNY')
    expect(moneyText(5, 'CNY')).toBe('0.05 CNY')
    expect(moneyText(0, 'THB')).toBe('0.00 THB')
  })

  it('writes a currency without minor units with no decimals', () => {
    expect(moneyText(1_500_000, 'JPY')).toBe('1,500,000 JPY')
    expect(moneyText(999, 'VND')).toBe('999 VND')
  })

  it('keeps the sign of a negative amount before the digits', () => {
    expect(moneyText(-1_250, 'THB')).toBe('-12.50 THB')
    expect(moneyText(-123_456_789, 'IDR')).toBe('-123,456,789 IDR')
  })

  it('groups large amounts exactly, past 2^53 minor units too', () => {
    expect(moneyText(Number.MAX_SAFE_INTEGER, 'CNY')).toBe('90,071,992,547,409.91 CNY')
    expect(moneyText(123_456_789_012_345_678_901n, 'USDT')).toBe('123,456,789,012,345.678901 USDT')
  })

  it('writes all six digits of USDT (the finest currency PayDesk knows) and groups only the whole part', () => {
    expect(moneyText(1_234_567_890, 'USDT')).toBe('1,234.567890 USDT')
    expect(moneyText(1, 'USDT')).toBe('0.000001 USDT')
  })

  it('formats a decimal already written with the currency’s digits, and leaves what is not a decimal as it came', () => {
    expect(formatAmount('50000.00', 'CNY')).toBe('50,000.00 CNY')
    expect(groupDigits('-1500.5')).toBe('-1,500.5')
    expect(groupDigits('not a number')).toBe('not a number')
  })

  it('refuses a currency it does not know rather than guessing its digits', () => {
    expect(() => moneyText(100, 'XYZ')).toThrow('Unknown currency XYZ')
  })
})
