import { describe, expect, it } from 'vitest'
import { reportInput } from './reports-routes'

describe('reportInput: the query text as the report procedure’s input', () => {
  it('takes pageIndex and pageSize from {pageIndex}-{pageSize}; digits become numbers, the rest stays text for the contract to refuse', () => {
    expect(reportInput('2-50', {})).toEqual({ pageIndex: 2, pageSize: 50, withTotals: false })
    expect(reportInput('x-50', {})).toMatchObject({ pageIndex: 'x', pageSize: 50 })
    expect(reportInput('3', {})).toMatchObject({ pageIndex: 3, pageSize: '' })
    expect(reportInput('1--5', {})).toMatchObject({ pageIndex: 1, pageSize: -5 })
  })

  it('reads ids and type as numbers, includeTest as a boolean, the rest as text; empty values are absent filters', () => {
    const input = reportInput('1-20', { merchantId: ['12'], type: ['99'], txnId: ['2026112000000001'], includeTest: ['false'], remark: ['a b'], currency: [''], dateEnd: ['2026-11-20 10:00:00'] })
    expect(input).toEqual({ merchantId: 12, type: 99, txnId: 2026112000000001, includeTest: false, remark: 'a b', dateEnd: '2026-11-20 10:00:00', pageIndex: 1, pageSize: 20, withTotals: false })
    expect(reportInput('1-20', { includeTest: ['1'], contractId: ['7a'] })).toMatchObject({ includeTest: true, contractId: '7a' })
  })

  it('keeps __proto__, constructor and prototype as parameters of their own, for the contract to refuse by name', () => {
    // As hono hands the query over: an object without a prototype, its names own keys.
    const query = Object.assign(Object.create(null) as Record<string, string[]>, JSON.parse('{"__proto__":["1"],"constructor":["2"],"prototype":["3"]}') as Record<string, string[]>)
    const input = reportInput('1-20', query)
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype)
    expect(Object.keys(input)).toEqual(['__proto__', 'constructor', 'prototype', 'pageIndex', 'pageSize', 'withTotals'])
    expect(Object.getOwnPropertyDescriptor(input, '__proto__')?.value).toBe('1')
    expect(reportInput('1-20', { includeTest: ['constructor'] })).toMatchObject({ includeTest: 'constructor' })
  })

  it('passes a parameter given twice as a list (refused by the contract), and never asks for totals', () => {
    expect(reportInput('1-20', { type: ['1', '2'], withTotals: ['true'] })).toMatchObject({ type: ['1', '2'], withTotals: false })
  })
})
