import { describe, expect, it } from 'vitest'
import { ID_MAX_DIGITS } from '../../../shared/schemas'
import { detailRef } from './detailRef'

describe('detailRef', () => {
  it('reads digits as the internal id the app links with', () => {
    expect(detailRef('42')).toEqual({ id: 42 })
    expect(detailRef('9'.repeat(ID_MAX_DIGITS))).toEqual({ id: Number('9'.repeat(ID_MAX_DIGITS)) })
  })

  it('reads the number people see and paste as a number to find, not as an id', () => {
    expect(detailRef('P202611220000042')).toEqual({ no: 'P202611220000042' })
    expect(detailRef(' A202611220000007 ')).toEqual({ no: 'A202611220000007' })
    expect(detailRef('R202611220000042-1')).toEqual({ no: 'R202611220000042-1' })
  })

  it('reads digits longer than any id as a number: a transaction number is 15 digits, and 17 would not even survive as a JavaScript number', () => {
    expect(detailRef('202611220000042')).toEqual({ no: '202611220000042' })
    expect(detailRef(' 202611220000042 ')).toEqual({ no: '202611220000042' })
    expect(detailRef('12345678901234567')).toEqual({ no: '12345678901234567' })
  })
})
