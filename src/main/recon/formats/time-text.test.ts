/** Times read strictly by format, the profile's zone applied unless the text states an offset. */
import { describe, expect, it } from 'vitest'
import { timeReader } from './time-text'

describe('timeReader', () => {
  it('reads the channels’ formats in their zone', () => {
    expect(timeReader('yyyy-MM-dd HH:mm:ss', '+08:00')('2019-09-16 00:00:00')).toBe(Date.parse('2019-09-15T16:00:00Z'))
    expect(timeReader('yyyy年MM月dd日 HH:mm:ss', '+08:00')('2019年09月17日 05:46:49')).toBe(Date.parse('2019-09-16T21:46:49Z'))
    expect(timeReader('dd/MM/yyyy', 'America/Sao_Paulo')('02/05/2024')).toBe(Date.parse('2024-05-02T03:00:00Z'))
    expect(timeReader('yyyyMMdd', '+07:00')('20240501')).toBe(Date.parse('2024-04-30T17:00:00Z'))
    expect(timeReader("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '+08:00')('2024-05-01T10:00:00.250+02:00')).toBe(Date.parse('2024-05-01T08:00:00.250Z'))
    expect(timeReader('d/M/yy H:mm', '+00:00')('1/5/24 9:05')).toBe(Date.parse('2024-05-01T09:05:00Z'))
  })

  it('follows daylight saving in an IANA zone', () => {
    const berlin = timeReader('yyyy-MM-dd HH:mm', 'Europe/Berlin')
    expect(berlin('2024-01-15 12:00')).toBe(Date.parse('2024-01-15T11:00:00Z'))
    expect(berlin('2024-07-15 12:00')).toBe(Date.parse('2024-07-15T10:00:00Z'))
  })

  it('reads ISO 8601 with or without an offset', () => {
    const iso = timeReader('iso', '+08:00')
    expect(iso('2024-05-01T02:00:00.000Z')).toBe(Date.parse('2024-05-01T02:00:00Z'))
    expect(iso('2024-05-01')).toBe(Date.parse('2024-04-30T16:00:00Z'))
    expect(iso('2024-05-01T10:00:00+0200')).toBe(Date.parse('2024-05-01T08:00:00Z'))
  })

  it('refuses what does not fit exactly, and dates that do not exist', () => {
    const read = timeReader('yyyy-MM-dd HH:mm:ss', '+08:00')
    for (const bad of ['2024-05-01', '2024-05-01 10:00', '2024-02-30 00:00:00', '2024-13-01 00:00:00', '2024-05-01 24:00:00', '01/05/2024 00:00:00']) expect(read(bad)).toBeNull()
    expect(read('2024-02-29 00:00:00')).not.toBeNull()
  })
})
