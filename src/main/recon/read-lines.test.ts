import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILES } from '../../shared/contract/recon-profile'
import type { StatementLine } from './formats'
import { lineChecker } from './formats/line-check'
import { inEnglish } from '../core/text'

const line = (lineNo: number, rowKey: string): StatementLine =>
  ({ lineNo, rowKey, kind: 'payment', orderNo: null, merchantOrderNo: null, upstreamNo: 'U1', endToEndId: null, refundNo: null, currency: 'CNY', gross: '1.00', fee: null, net: null, at: 0, status: null, counterparty: null, raw: [] }) as unknown as StatementLine

describe('lineChecker', () => {
  it('keeps a line that repeats an earlier one of the file under its occurrence, never refusing the file', () => {
    const checker = lineChecker(BUILT_IN_PROFILES.generic_csv, 10)
    const keys = [line(2, '["A1"]'), line(3, '["A2"]'), line(4, '["A1"]'), line(5, '["A1"]')].map((l) => (checker.check(l) ? l.rowKey : null))
    expect(keys).toEqual(['["A1"]', '["A2"]', '["A1"]#2', '["A1"]#3'])
    expect(checker.problemCount).toBe(0)
    expect(checker.twiceInFile).toBe(2)
  })
})

describe('an amount too large to hold', () => {
  it('is refused naming the largest amount, written as the screens write money', () => {
    const checker = lineChecker(BUILT_IN_PROFILES.generic_csv, 10)
    expect(checker.check({ ...line(2, '["A1"]'), gross: '90071992547409.92' })).toBeNull()
    expect(checker.problems[0]).toMatchObject({ lineNo: 2, field: 'gross', reason: { code: 'recon.row.amountOverMax', params: { max: '90,071,992,547,409.91 CNY' } } })
    expect(inEnglish(checker.problems[0].reason)).toBe('is more than 90,071,992,547,409.91 CNY')
  })
})
