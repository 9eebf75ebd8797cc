import { describe, expect, it } from 'vitest'
import { businessToday, defaultFilters, filterProblems, filtersFromParams, filtersToParams, lastDays, listDay, reportInput } from './reportFilters'

const NOW = '2026-11-20'

describe('report filters', () => {
  it('default to the last 7 days, test orders included', () => {
    expect(lastDays(7, NOW)).toEqual({ dateStart: '2026-11-14 00:00:00', dateEnd: '2026-11-20 23:59:59' })
    expect(lastDays(30, '2026-03-01').dateStart).toBe('2026-01-31 00:00:00')
    expect(defaultFilters(NOW).includeTest).toBe(true)
  })

  it('travel in the address and back, defaults left out', () => {
    const filters = { ...defaultFilters(NOW), currency: 'CNY', merchantId: '3', includeTest: false }
    const query = filtersToParams(filters)
    expect(query).toContain('currency=CNY')
    expect(query).toContain('includeTest=false')
    expect(query).not.toContain('remark')
    expect(filtersFromParams(new URLSearchParams(query), NOW)).toEqual(filters)
    expect(filtersFromParams(new URLSearchParams(''), NOW)).toEqual(defaultFilters(NOW))
  })

  it('name what is malformed and leave it out of the read', () => {
    const filters = { ...defaultFilters(NOW), contractId: 'x1', dateEnd: '2026-11-01 00:00:00', txnId: '42', type: '99', remark: ' fee ' }
    expect(filterProblems(filters)).toEqual({ contractId: 'badNumber', dateEnd: 'dateOrder' })
    expect(reportInput('reports.accountDetails', filters, { pageIndex: 2, pageSize: 20 })).toEqual({
      pageIndex: 2,
      pageSize: 20,
      includeTest: true,
      txnId: 42,
      type: 99,
      dateStart: '2026-11-14 00:00:00',
      remark: 'fee'
    })
    expect(filterProblems({ ...filters, dateStart: '2026-02-30 00:00:00' }).dateStart).toBe('badDate')
  })

  it('give the daily reports only the filters they take', () => {
    const filters = { ...defaultFilters(NOW), txnId: '42', type: '1', remark: 'x', currency: 'THB', contractId: '7' }
    expect(reportInput('reports.settlementList', filters, { pageIndex: 1, pageSize: 50 })).toEqual({
      pageIndex: 1,
      pageSize: 50,
      includeTest: true,
      contractId: 7,
      currency: 'THB',
      dateStart: '2026-11-14 00:00:00',
      dateEnd: '2026-11-20 23:59:59'
    })
  })

  it('take today in the business time zone', () => {
    const moment = new Date(Date.UTC(2026, 10, 20, 17, 0, 0))
    expect(businessToday('+08:00', moment)).toBe('2026-11-21')
    expect(businessToday('Asia/Bangkok', moment)).toBe('2026-11-21')
    expect(businessToday('-05:00', moment)).toBe('2026-11-20')
    expect(businessToday('Not/AZone', moment)).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('read list days', () => {
    expect(listDay(20261118)).toBe('2026-11-18')
  })
})
