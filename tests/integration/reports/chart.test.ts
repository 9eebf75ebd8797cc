/**
 * The statistics charts read the whole filtered set per day and currency (not the page): their
 * points equal the statistics rows over all pages, oldest first; the settlement chart's net is the
 * sum of a day's columns; filters and merchant scope apply; a long range keeps its newest days.
 */
import Decimal from 'decimal.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dailySeries } from '../../../src/main/reports/daily'
import { SETTLEMENT_CHART_COLUMNS } from '../../../src/main/reports/settlement'
import { reportScenario, type Scenario } from './scenario'

let s: Scenario
beforeAll(async () => {
  s = await reportScenario()
})
afterAll(async () => s?.w.stop())

type Row = Record<string, string | number | boolean>

async function statistics(name: 'reports.transactionStatistics' | 'reports.settlementStatistics', filters: Row, token?: string): Promise<Row[]> {
  const rows: Row[] = []
  for (let pageIndex = 1; ; pageIndex++) {
    const page = (await s.w.ok(name, { ...filters, pageIndex, pageSize: 1 }, token)) as { items: Row[]; totalPageCount: number }
    rows.push(...page.items)
    if (pageIndex >= page.totalPageCount) return rows
  }
}

const oldestFirst = (rows: Row[]) => [...rows].sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.currency).localeCompare(String(b.currency)))

describe('statistics charts', () => {
  it.each<Row>([{}, { currency: 'CNY' }, { includeTest: false }, { dateStart: '2026-11-19', dateEnd: '2026-11-20' }])('transactions %j: one point per statistics row of every page', async (filters) => {
    const rows = await statistics('reports.transactionStatistics', filters)
    const chart = await s.w.ok('reports.transactionChart', filters)
    expect(chart.truncated).toBe(false)
    expect(chart.points).toEqual(oldestFirst(rows))
  })

  it('settlement: order payments and the net of every column, exactly', async () => {
    const rows = await statistics('reports.settlementStatistics', {})
    const chart = await s.w.ok('reports.settlementChart', {})
    expect(chart.points.map((p) => `${p.date} ${p.currency}`)).toEqual(oldestFirst(rows).map((r) => `${r.date} ${r.currency}`))
    for (const point of chart.points) {
      const row = rows.find((r) => r.date === point.date && r.currency === point.currency)!
      const net = Object.entries(row)
        .filter(([key]) => key !== 'date' && key !== 'currency')
        .reduce((sum, [, value]) => sum.plus(String(value)), new Decimal(0))
      expect(point.orderPay).toBe(row.orderPay)
      expect(point.net).toBe(net.toFixed(point.currency === 'VND' ? 0 : 2))
    }
    // 2026-11-18 CNY: 1000.00 paid, 2 % fee, 1.00 processing fee, 10 % reserve → 879.00 net.
    expect(chart.points.find((p) => p.date === '2026-11-18' && p.currency === 'CNY')).toEqual({ date: '2026-11-18', currency: 'CNY', orderPay: '1000.00', net: '879.00' })
  })

  it('a merchant-bound user charts its own merchant only', async () => {
    const chart = await s.w.ok('reports.transactionChart', {}, s.vndUser)
    expect(new Set(chart.points.map((p) => p.currency))).toEqual(new Set(['VND']))
    const other = await s.w.core.dispatch('reports.settlementChart', { merchantId: s.cny.merchantId }, { token: s.vndUser, transport: 'http' })
    expect(other).toMatchObject({ status: 403, code: 'scope.other_merchant' })
    const refused = await s.w.core.dispatch('reports.settlementChart', {}, { token: s.noReports, transport: 'http' })
    expect(refused).toMatchObject({ status: 403, code: 'permission.missing' })
  })

  it('more days than a chart plots: the newest ones, flagged', () => {
    const src = { sqlite: s.host.core.db.$client, tenantId: 1, zone: '+08:00' }
    const all = dailySeries(src, SETTLEMENT_CHART_COLUMNS, { includeTest: true })
    expect(new Set(all.points.map((p) => p.date))).toEqual(new Set(['2026-11-18', '2026-11-19', '2026-11-20']))
    const two = dailySeries(src, SETTLEMENT_CHART_COLUMNS, { includeTest: true }, 2)
    expect(two.truncated).toBe(true)
    expect(two.points).toEqual(all.points.filter((p) => p.date >= '2026-11-19'))
  })
})
