import { describe, expect, it } from 'vitest'
import { guarded } from './write'

describe('a CSV text cell', () => {
  it('is escaped when a spreadsheet would take it for a formula', () => {
    expect(['=1+1', '+SUM(A1:A9)', '-2+3', "-1+cmd|' /C calc'!A0", '@SUM(1)', '\tx', '-1,234.56 CNY=1'].map(guarded)).toEqual([
      "'=1+1",
      "'+SUM(A1:A9)",
      "'-2+3",
      "'-1+cmd|' /C calc'!A0",
      "'@SUM(1)",
      "'\tx",
      "'-1,234.56 CNY=1"
    ])
  })

  it('keeps a signed amount as it is written, with or without its currency', () => {
    expect(['-1,234.56 CNY', '-0.01', '+12.00 USD', '-5', 'Refund 1.00'].map(guarded)).toEqual(['-1,234.56 CNY', '-0.01', '+12.00 USD', '-5', 'Refund 1.00'])
  })
})
