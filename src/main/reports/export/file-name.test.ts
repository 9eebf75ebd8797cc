import { describe, expect, it } from 'vitest'
import { exportFileName } from './file-name'

describe('an export file name', () => {
  it('is the time it was made in the zone its times are in, the offset said', () => {
    const at = new Date(Date.UTC(2026, 11, 7, 6, 53, 23))
    expect(exportFileName('settlementStatistics', 'csv', at, '+08:00')).toBe('settlementStatistics-20261207-145323-UTC+0800.csv')
    expect(exportFileName('accountDetails', 'xlsx', at, '-03:30')).toBe('accountDetails-20261207-032323-UTC-0330.xlsx')
    expect(exportFileName('accountDetails', 'csv', at, 'UTC')).toBe('accountDetails-20261207-065323-UTC+0000.csv')
  })
})
