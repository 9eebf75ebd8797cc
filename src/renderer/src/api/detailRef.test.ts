import { describe, expect, it } from 'vitest'
import { detailRef } from './detailRef'

describe('detailRef', () => {
  it('reads digits as the internal id the app links with', () => {
    expect(detailRef('42')).toEqual({ id: 42 })
  })

  it('reads the number people see and paste as a number to find, not as an id', () => {
    expect(detailRef('P202611220000042')).toEqual({ no: 'P202611220000042' })
    expect(detailRef(' A202611220000007 ')).toEqual({ no: 'A202611220000007' })
    expect(detailRef('R202611220000042-1')).toEqual({ no: 'R202611220000042-1' })
  })
})
