import { describe, expect, it } from 'vitest'
import { filtersOfView, localViewsKey, readLocalViews, viewFiltersOf } from './savedViews'

function storageWith(value: string | null) {
  return { getItem: (key: string) => (key === 'paydesk.reportViews.settlement-summary' ? value : null) }
}

describe('saved views', () => {
  it('keep text, numbers and yes/no, and leave unset filters out', () => {
    expect(viewFiltersOf({ status: 'unknown', merchantId: 3, includeTest: false, channelId: undefined, dateFrom: '', nested: { a: 1 } })).toEqual({
      status: 'unknown',
      merchantId: 3,
      includeTest: false,
      dateFrom: ''
    })
  })

  it('apply over a blank set: what the view left out is cleared, a value of the wrong kind is dropped', () => {
    const blank = { dateFrom: '', dateTo: '', status: undefined as string | undefined, merchantId: undefined as number | undefined }
    expect(filtersOfView(blank, { status: 'pending', dateFrom: '2026-11-01' })).toEqual({ dateFrom: '2026-11-01', dateTo: '', status: 'pending', merchantId: undefined })
    expect(filtersOfView(blank, { dateTo: 42, merchantId: 7, status: null })).toEqual({ dateFrom: '', dateTo: '', status: undefined, merchantId: 7 })
  })

  it('take over the report views this browser kept before, and only for reports', () => {
    expect(localViewsKey('reports.settlement-summary')).toBe('paydesk.reportViews.settlement-summary')
    expect(localViewsKey('orders')).toBeNull()
    const stored = JSON.stringify([{ name: ' CNY ', filters: { currency: 'CNY', includeTest: true } }, { name: 'x' }, 7])
    expect(readLocalViews(storageWith(stored), 'paydesk.reportViews.settlement-summary')).toEqual([{ name: 'CNY', filters: { currency: 'CNY', includeTest: true } }])
    expect(readLocalViews(storageWith('{not json'), 'paydesk.reportViews.settlement-summary')).toEqual([])
  })
})
