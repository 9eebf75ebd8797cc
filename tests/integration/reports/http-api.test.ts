/**
 * The report API over HTTP against the real headless host, as a client sees it: the seed's
 * envelope and fields, paging, exact amounts in the body text, authentication, permission, merchant
 * scope and every bad parameter. Filters and date bounds: http-filters.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allItems, ENTRY_COUNT, getReport, reportScenario, type Scenario } from './scenario'

let s: Scenario
beforeAll(async () => {
  s = await reportScenario()
})
afterAll(async () => s?.w.stop())

const PATHS = ['accountdetail/list', 'reporttransaction/statistics', 'reporttransaction/list', 'reportsettlement/statistics', 'reportsettlement/list']
const SETTLEMENT = ['orderPay', 'deposit', 'orderFee', 'fixedFee', 'refund', 'refundFee', 'dispute', 'disputeFee', 'drawcash', 'drawcashFee', 'rateDifference', 'manualAdjust']

/** The seed's fields of each path's items, in its order, with their JSON types. */
const FIELDS: Record<string, [string, 'number' | 'string'][]> = {
  'accountdetail/list': [['tenantId', 'number'], ['id', 'number'], ['contractId', 'number'], ['merchantId', 'number'], ['txnId', 'number'], ['type', 'number'], ['currency', 'string'], ['amount', 'number'], ['remark', 'string'], ['dateCreated', 'string']],
  'reporttransaction/statistics': [['date', 'string'], ['currency', 'string'], ['transactionAmount', 'number'], ['settleAmount', 'number'], ['totalCount', 'number'], ['successCount', 'number']],
  'reporttransaction/list': [['tenantId', 'number'], ['date', 'number'], ['contractId', 'number'], ['merchantId', 'number'], ['currency', 'string'], ['transactionAmount', 'number'], ['settleAmount', 'number'], ['totalCount', 'number'], ['successCount', 'number'], ['dateCreated', 'string']],
  'reportsettlement/statistics': [['date', 'string'], ['currency', 'string'], ...SETTLEMENT.map((n) => [n, 'number'] as [string, 'number'])],
  'reportsettlement/list': [['tenantId', 'number'], ['date', 'number'], ['contractId', 'number'], ['merchantId', 'number'], ['currency', 'string'], ...SETTLEMENT.map((n) => [n, 'number'] as [string, 'number']), ['dateCreated', 'string']]
}

describe('the report API: envelope, fields and paging', () => {
  it.each(PATHS)('%s answers the seed’s envelope with every field, named and typed as the seed says', async (path) => {
    const answer = await getReport(s, `/${path}/1-20`)
    expect(answer.http).toBe(200)
    expect(Object.keys(answer.body)).toEqual(['status', 'message', 'data', 'timestamp'])
    expect(answer.body).toMatchObject({ status: 200, message: 'ok', timestamp: s.w.clock.now() })
    expect(Object.keys(answer.body.data)).toEqual(['pageIndex', 'pageSize', 'totalPageCount', 'totalItemCount', 'items'])
    expect(answer.body.data.items.length).toBeGreaterThan(0)
    for (const item of answer.body.data.items) {
      expect(Object.keys(item)).toEqual(FIELDS[path].map(([name]) => name))
      for (const [name, type] of FIELDS[path]) expect(typeof item[name], `${path} ${name}`).toBe(type)
      if ('dateCreated' in item) expect(item.dateCreated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
      if (typeof item.date === 'string') expect(item.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (typeof item.date === 'number') expect(String(item.date)).toMatch(/^202611(18|19|20)$/)
    }
  })

  it('walks the entry pages: every page agrees on the counts, no entry twice, all of them in order, then empty pages', async () => {
    const seen: number[] = []
    const created: string[] = []
    for (let page = 1; page <= 5; page++) {
      const { body } = await getReport(s, `/accountdetail/list/${page}-5`)
      expect(body.data).toMatchObject({ pageIndex: page, pageSize: 5, totalPageCount: 5, totalItemCount: ENTRY_COUNT })
      expect(body.data.items).toHaveLength(page < 5 ? 5 : ENTRY_COUNT - 20)
      seen.push(...body.data.items.map((i: { id: number }) => i.id))
      created.push(...body.data.items.map((i: { dateCreated: string }) => i.dateCreated))
    }
    expect(new Set(seen).size).toBe(ENTRY_COUNT)
    expect([...created].sort().reverse()).toEqual(created)
    const past = await getReport(s, '/accountdetail/list/6-5')
    expect(past.http).toBe(200)
    expect(past.body.data).toEqual({ pageIndex: 6, pageSize: 5, totalPageCount: 5, totalItemCount: ENTRY_COUNT, items: [] })
  })

  it.each(PATHS.slice(1))('%s: the pages together are the whole report, without duplicates', async (path) => {
    const whole = await allItems(s, path, {}, 100)
    const paged = await allItems(s, path, {}, 2)
    expect(paged).toEqual(whole)
    const { body } = await getReport(s, `/${path}/1-2`)
    expect(body.data.totalItemCount).toBe(whole.length)
    expect(body.data.totalPageCount).toBe(Math.ceil(whole.length / 2))
  })

  it('writes amounts as JSON numbers with the currency’s digits, exactly as the ledger holds them', async () => {
    const entries = (await getReport(s, '/accountdetail/list/1-100')).text
    expect(entries).toContain('"amount":-20.00,')
    expect(entries).toContain('"amount":5.50,')
    expect(entries).toContain('"amount":1000.00,')
    expect(entries).toContain('"amount":1500000,')
    expect(entries).toContain('"amount":-30000,')
    const settlement = (await getReport(s, '/reportsettlement/statistics/1-100', { currency: 'CNY', dateStart: '2026-11-18 00:00:00', dateEnd: '2026-11-18 23:59:59' })).text
    expect(settlement).toContain('"orderPay":1000.00,"deposit":-100.00,"orderFee":-20.00,"fixedFee":-1.00,"refund":0.00')
    const transactions = (await getReport(s, '/reporttransaction/statistics/1-100', { currency: 'VND' })).text
    expect(transactions).toContain('"transactionAmount":1500000,"settleAmount":1469000,"totalCount":1,"successCount":1')
  })

  it('states the settlement columns per day and currency, signed as they moved the merchant’s balance', async () => {
    const items = await allItems(s, 'reportsettlement/statistics')
    const zero = Object.fromEntries(SETTLEMENT.map((c) => [c, 0]))
    expect(items).toEqual([
      { date: '2026-11-20', currency: 'CNY', ...zero, drawcash: -300, drawcashFee: -5, manualAdjust: 6.5 },
      { date: '2026-11-20', currency: 'VND', ...zero, manualAdjust: 250 },
      { date: '2026-11-19', currency: 'CNY', ...zero, orderPay: 2000, orderFee: -40, fixedFee: -1, deposit: -200 },
      { date: '2026-11-18', currency: 'CNY', ...zero, orderPay: 1000, orderFee: -20, fixedFee: -1, deposit: -100 },
      { date: '2026-11-18', currency: 'VND', ...zero, orderPay: 1500000, orderFee: -30000, fixedFee: -1000, deposit: -75000 }
    ])
  })

  it('counts orders on their creation day: declined and unpaid ones in totalCount only; payouts settle amount plus fee', async () => {
    expect(await allItems(s, 'reporttransaction/statistics')).toEqual([
      { date: '2026-11-20', currency: 'CNY', transactionAmount: 300, settleAmount: 305, totalCount: 1, successCount: 1 },
      { date: '2026-11-19', currency: 'CNY', transactionAmount: 2000, settleAmount: 1959, totalCount: 2, successCount: 1 },
      { date: '2026-11-18', currency: 'CNY', transactionAmount: 1000, settleAmount: 979, totalCount: 2, successCount: 1 },
      { date: '2026-11-18', currency: 'VND', transactionAmount: 1500000, settleAmount: 1469000, totalCount: 1, successCount: 1 }
    ])
    const list = await allItems(s, 'reporttransaction/list', { currency: 'VND' })
    expect(list).toEqual([
      { tenantId: 1, date: 20261118, contractId: s.vnd.contractId, merchantId: s.vnd.merchantId, currency: 'VND', transactionAmount: 1500000, settleAmount: 1469000, totalCount: 1, successCount: 1, dateCreated: '2026-11-18T00:00:00' }
    ])
  })
})

describe('the report API: who may read what', () => {
  it.each(PATHS)('%s: 401 in the envelope without a token or with an unknown one', async (path) => {
    for (const token of [null, 'not-a-token']) {
      const answer = await getReport(s, `/${path}/1-20`, {}, token)
      expect(answer.http).toBe(401)
      expect(answer.body).toMatchObject({ status: 401, data: null, timestamp: expect.any(Number) })
    }
    // Authentication comes before the parameters: a stranger learns nothing from a 400.
    expect((await getReport(s, `/${path}/0-20`, {}, null)).http).toBe(401)
  })

  it.each(PATHS)('%s: 403 without REPORT_READ (4001)', async (path) => {
    const answer = await getReport(s, `/${path}/1-20`, {}, s.noReports)
    expect(answer.http).toBe(403)
    expect(answer.body).toMatchObject({ status: 403, code: 'permission.missing', data: null })
    expect(answer.body.message).toContain('4001')
  })

  it.each(PATHS)('%s: a merchant-bound user sees its own merchant’s rows only, and is refused another merchant', async (path) => {
    const own = await allItems(s, path, {}, 100, s.vndUser)
    expect(own.length).toBeGreaterThan(0)
    for (const item of own) {
      expect(item.currency).toBe('VND')
      if ('merchantId' in item) expect(item.merchantId).toBe(s.vnd.merchantId)
    }
    expect(own).toEqual(await allItems(s, path, { merchantId: s.vnd.merchantId }))
    const other = await getReport(s, `/${path}/1-20`, { merchantId: s.cny.merchantId }, s.vndUser)
    expect(other.http).toBe(403)
    expect(other.body).toMatchObject({ status: 403, code: 'scope.other_merchant', data: null })
  })
})

describe('the report API: bad parameters are 400s that name the parameter', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['0-20', {}, 'pageIndex'],
    ['x-20', {}, 'pageIndex'],
    ['-1-20', {}, 'pageIndex'],
    ['1-0', {}, 'pageSize'],
    ['1-101', {}, 'pageSize'],
    ['1', {}, 'pageSize'],
    ['1-2.5', {}, 'pageSize'],
    ['1-20', { contractId: 'abc' }, 'contractId'],
    ['1-20', { merchantId: '0' }, 'merchantId'],
    ['1-20', { merchantId: '1.5' }, 'merchantId'],
    ['1-20', { currency: 'XYZ' }, 'currency'],
    ['1-20', { dateStart: '2026-11-20T10:00:00' }, 'dateStart'],
    ['1-20', { dateStart: '2026-11-20 25:00:00' }, 'dateStart'],
    ['1-20', { dateEnd: '2026-11-31 00:00:00' }, 'dateEnd'],
    ['1-20', { dateStart: '2026-11-20 10:00:01', dateEnd: '2026-11-20 10:00:00' }, 'dateEnd'],
    ['1-20', { includeTest: 'maybe' }, 'includeTest'],
    ['1-20', { merchantid: '1' }, 'merchantid']
  ]
  const entryCases: [string, Record<string, string>, string][] = [
    ['1-20', { txnId: '12a' }, 'txnId'],
    ['1-20', { txnId: '0' }, 'txnId'],
    ['1-20', { txnId: '99999999999999999999' }, 'txnId'],
    ['1-20', { type: '11' }, 'type'],
    ['1-20', { type: 'fee' }, 'type']
  ]

  it.each(PATHS)('%s: __proto__, constructor and prototype are unknown parameters like any other, refused by name', async (path) => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const answer = await getReport(s, `/${path}/1-20?${name}=1`)
      expect(answer.http, `${path}?${name}`).toBe(400)
      expect(answer.body).toMatchObject({ status: 400, field: name, message: `${name}: is not a parameter of this report`, data: null })
    }
  })

  it.each(PATHS)('%s: paging in the query is refused by name, never overwritten by the path', async (path) => {
    // They answered page 1 of 20 whatever the query said.
    for (const [query, name, message] of [
      ['pageSize=5', 'pageSize', 'pageSize: is given in the path ({pageIndex}-{pageSize}), not in the query'],
      ['pageIndex=2', 'pageIndex', 'pageIndex: is given in the path ({pageIndex}-{pageSize}), not in the query'],
      ['withTotals=true', 'withTotals', 'withTotals: is not a parameter of this report']
    ]) {
      const answer = await getReport(s, `/${path}/1-20?${query}`)
      expect(answer.http, `${path}?${query}`).toBe(400)
      expect(answer.body).toMatchObject({ status: 400, field: name, message, data: null })
      // The session first: no hint about the parameters to a caller without one.
      expect((await getReport(s, `/${path}/1-20?${query}`, {}, null)).http, `${path}?${query} without a token`).toBe(401)
    }
  })

  it.each(PATHS)('%s: a parameter given twice is refused as given twice, not as a format', async (path) => {
    // It read "currency: must be a 3-letter currency code" for two good codes.
    for (const [query, name] of [
      ['currency=CNY&currency=THB', 'currency'],
      ['dateStart=2026-01-01&dateStart=2026-01-02', 'dateStart'],
      ['currency=CNY&currency=', null]
    ] as const) {
      const answer = await getReport(s, `/${path}/1-20?${query}`)
      if (name === null) {
        // An empty value is an absent filter: one value given.
        expect(answer.http, `${path}?${query}`).toBe(200)
        continue
      }
      expect(answer.http, `${path}?${query}`).toBe(400)
      expect(answer.body).toMatchObject({ status: 400, field: name, message: `${name}: is given more than once; give it once`, data: null })
    }
  })

  it('an export’s filters refuse __proto__ by name too (a JSON body’s own key)', async () => {
    for (const name of ['__proto__', 'constructor']) {
      const response = await fetch(`${s.host.url}/api/reports.exportStart`, { method: 'POST', headers: { authorization: `Bearer ${s.w.admin}` }, body: `{"report":"accountDetails","format":"csv","filters":{"${name}":"1"}}` })
      expect(response.status, name).toBe(400)
      expect(await response.json()).toMatchObject({ status: 400, field: `filters.${name}`, message: `filters.${name}: is not a parameter of this report` })
    }
  })

  it('a control character in a filter is refused by name: %00 does not cut the remark short, nor %0A pass in a one-line filter', async () => {
    for (const remark of ['a%00zq', 'a%0Azq', '%07']) {
      const answer = await getReport(s, `/accountdetail/list/1-20?remark=${remark}`)
      expect(answer.http, remark).toBe(400)
      expect(answer.body).toMatchObject({ status: 400, field: 'remark', message: 'remark: must not contain control characters', data: null })
    }
    expect((await getReport(s, '/accountdetail/list/1-20?includeTest=constructor')).body).toMatchObject({ status: 400, field: 'includeTest' })
  })

  it('a parameter given twice is refused by name', async () => {
    const answer = await getReport(s, '/accountdetail/list/1-20?type=1&type=2')
    expect(answer.body).toMatchObject({ status: 400, field: 'type' })
  })

  it.each(PATHS)('%s', async (path) => {
    const extra: typeof cases = path === 'accountdetail/list' ? entryCases : [['1-20', { type: '1' }, 'type'], ['1-20', { txnId: '1' }, 'txnId'], ['1-20', { remark: 'x' }, 'remark']]
    for (const [paging, params, field] of [...cases, ...extra]) {
      const answer = await getReport(s, `/${path}/${paging}`, params)
      expect(answer.http, `${path}/${paging} ${JSON.stringify(params)}`).toBe(400)
      expect(answer.body).toMatchObject({ status: 400, field, data: null })
      expect(answer.body.message, answer.body.message).toMatch(new RegExp(`^${field}: `))
    }
  })
})
