/** Amounts as text: normalized exactly as files write them, never through a float; sums exact. */
import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { dropsValue, ExactSum, negate, readDecimal, roundsUp, sameAmount, spreadsheetNumberText, unitsOf } from './decimal-text'

const dot = { decimalSeparator: '.', thousandsSeparator: '' } as const
const dotComma = { decimalSeparator: '.', thousandsSeparator: ',' } as const
const commaDot = { decimalSeparator: ',', thousandsSeparator: '.' } as const
const commaSpace = { decimalSeparator: ',', thousandsSeparator: ' ' } as const

describe('readDecimal', () => {
  it('keeps the scale as written and drops only what carries no value', () => {
    expect(['0.05940', '100.00', '+7', '007.50', '-0.00', '5.', '.5', ' 12.30\t'].map((t) => readDecimal(t, dot))).toEqual(['0.05940', '100.00', '7', '7.50', '0.00', '5', '0.5', '12.30'])
  })

  it('reads grouped thousands only in groups of three, and accounting parentheses as negative', () => {
    expect(readDecimal('1,234,567.89', dotComma)).toBe('1234567.89')
    expect(readDecimal('-1.234,5', commaDot)).toBe('-1234.5')
    expect(readDecimal('1\u00a0234,50', commaSpace)).toBe('1234.50')
    expect(readDecimal('(1,000.00)', dotComma)).toBe('-1000.00')
    for (const bad of ['12,34.00', '1,2345.00', ',123.00']) expect(readDecimal(bad, dotComma)).toBeNull()
  })

  it('refuses anything that is not a plain number, rather than guessing', () => {
    for (const bad of ['', '-', '1e3', '0x10', '1.2.3', 'NaN', '12 abc', '--1', '(-1)', '¥100', '1,5']) expect(readDecimal(bad, dot)).toBeNull()
    expect(readDecimal('1.5', commaDot)).toBeNull()
  })
})

describe('sums and signs', () => {
  it('sums exactly across scales, past what a double holds', () => {
    const sum = new ExactSum()
    for (const v of ['0.1', '0.2', '-0.30', '0.00006', '90071992547409.93']) sum.add(v)
    expect(sum.toString()).toBe('90071992547409.93006')
    expect(sum.count).toBe(5)
    expect(sum.plus('-90071992547409.93006')).toBe('0.00000')
  })

  it('compares numerically and negates without a negative zero', () => {
    expect(sameAmount('0.06', '0.060')).toBe(true)
    expect(sameAmount('-1.5', '1.5')).toBe(false)
    expect([negate('1.00'), negate('-1.00'), negate('0.00'), negate('-0')]).toEqual(['-1.00', '1.00', '0.00', '0'])
  })

  it('writes a spreadsheet number as the 15 digits Excel shows, exponents spelled out', () => {
    expect([0.1 + 0.2, 1234.5, -50, 1e21, 1.5e-7, 123456789012345.67].map(spreadsheetNumberText)).toEqual(['0.3', '1234.5', '-50', '1000000000000000000000', '0.00000015', '123456789012346'])
  })
})

describe('unitsOf', () => {
  it('gives the minor units and the half-up rounding decimal.js gives, for short plain amounts', () => {
    const texts = ['0', '0.00', '12.30', '007.50', '1.005', '1.004999', '0.5', '0.49', '0.995', '999999999999999', '1234567890123.45', '100.10000', '0.60000', '0.00006', '12345678901234.5']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let i = 0; i < 2000; i++) texts.push(`${next() % 100000}.${String(next()).slice(0, 1 + (next() % 7))}`)
    for (const digits of [0, 2, 6]) {
      for (const text of texts) {
        const read = unitsOf(text, digits)
        const scaled = new Decimal(text).times(new Decimal(10).pow(digits))
        if (read === null) {
          expect(scaled.abs().toFixed(0).length).toBeGreaterThan(15)
          continue
        }
        expect({ text, digits, exact: !dropsValue(read.dropped) }).toEqual({ text, digits, exact: scaled.isInteger() })
        if (!dropsValue(read.dropped)) expect(read.units).toBe(scaled.toNumber())
        expect(read.units + (roundsUp(read.dropped) ? 1 : 0)).toBe(scaled.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber())
      }
    }
  })

  it('leaves long or unusual amounts to the exact path', () => {
    for (const text of ['-1.00', '1e3', '1,00', '1234567890123456', '123456789012.345678901', '']) expect(unitsOf(text, 2)).toBeNull()
  })
})
