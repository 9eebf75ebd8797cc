import { describe, expect, it } from 'vitest'
import { filtersFromUrl } from './urlFilters'

describe('list filters from the address', () => {
  const allowed = { status: ['pending', 'gave_up'], direction: ['deposit', 'payout'] } as const
  it('takes the filters the list offers', () => {
    expect(filtersFromUrl(new URLSearchParams('status=gave_up&direction=payout'), allowed)).toEqual({ status: 'gave_up', direction: 'payout' })
  })
  it('ignores unknown keys and values the filter does not offer', () => {
    expect(filtersFromUrl(new URLSearchParams('status=deleted&merchantId=7&direction=payout'), allowed)).toEqual({ direction: 'payout' })
    expect(filtersFromUrl(new URLSearchParams(''), allowed)).toEqual({})
  })
})
