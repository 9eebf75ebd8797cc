import { describe, expect, it } from 'vitest'
import type { AttentionItem } from '../../../shared/contract/home'
import { newAttention } from './attentionNotices'

const item = (id: string, count: number) => ({ id, count }) as AttentionItem

describe('attention notifications', () => {
  it('raise each item once: when it first appears and when its count grows, not when it stays or shrinks', () => {
    const first = newAttention([item('payoutsUnknown', 1), item('outboxGaveUp', 2)], {})
    expect(first.fresh.map((i) => i.id)).toEqual(['payoutsUnknown', 'outboxGaveUp'])
    const same = newAttention([item('payoutsUnknown', 1), item('outboxGaveUp', 1)], first.seen)
    expect(same.fresh).toEqual([])
    const grown = newAttention([item('payoutsUnknown', 3), item('outboxGaveUp', 1)], same.seen)
    expect(grown.fresh.map((i) => i.id)).toEqual(['payoutsUnknown'])
  })

  it('forget an item that went away, so it is raised again when it comes back', () => {
    const gone = newAttention([], { payoutsUnknown: 2 })
    expect(gone.seen).toEqual({})
    expect(newAttention([item('payoutsUnknown', 1)], gone.seen).fresh).toHaveLength(1)
  })
})
