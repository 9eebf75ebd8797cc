import { describe, expect, it } from 'vitest'
import { defaultFilters } from './reportFilters'
import { readViews, viewsKey, withoutView, withView } from './savedViews'

const filters = defaultFilters('2026-11-20')

function storageWith(value: string | null) {
  return { getItem: (key: string) => (key === viewsKey('settlement-summary') ? value : null) }
}

describe('saved report views', () => {
  it('are kept per report under paydesk.reportViews.<report>', () => {
    expect(viewsKey('settlement-summary')).toBe('paydesk.reportViews.settlement-summary')
    const stored = JSON.stringify([{ name: 'CNY', filters }])
    expect(readViews(storageWith(stored), 'settlement-summary')).toEqual([{ name: 'CNY', filters }])
    expect(readViews(storageWith(stored), 'account-details')).toEqual([])
  })

  it('survive damaged storage', () => {
    expect(readViews(storageWith('{not json'), 'settlement-summary')).toEqual([])
    expect(readViews(storageWith('[1,{"name":"x"}]'), 'settlement-summary')).toEqual([])
  })

  it('replace a view saved under the same name, and delete by name', () => {
    const one = withView([], { name: 'a', filters })
    const two = withView(one, { name: 'b', filters })
    const replaced = withView(two, { name: 'a', filters: { ...filters, currency: 'THB' } })
    expect(replaced.map((v) => v.name)).toEqual(['b', 'a'])
    expect(replaced[1].filters.currency).toBe('THB')
    expect(withoutView(replaced, 'b').map((v) => v.name)).toEqual(['a'])
  })
})
