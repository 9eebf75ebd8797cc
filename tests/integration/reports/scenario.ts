/**
 * The report API's HTTP test scenario: the headless host with a CNY and a VND merchant and three
 * business days of activity (business time, +08:00):
 *
 * 2026-11-18 10:00  CNY deposit 1000.00 paid (live), CNY 600.13 declined (test), VND 1500000 paid (test)
 * 2026-11-19 10:00  CNY deposit 2000.00 paid (test), CNY 500.00 never paid (test)
 * 2026-11-20 10:00:00.000  CNY adjustment -20.00;  10:00:00.500  CNY adjustment +5.50 (remark with "%")
 * 2026-11-20 11:00  CNY payout 300.00 (live, fee 5.00);  12:00:0i  six CNY adjustments 1.00 … 6.00
 * 2026-11-20 13:00  VND adjustment +250
 *
 * Merchant entries: 18 CNY + 5 VND = 23 (the channel top-ups post none).
 */
import type { RunningHost } from '../../../src/main/http/host'
import { hostWorld, type Market, type ReportWorld } from './world'

export interface Scenario {
  w: ReportWorld
  host: RunningHost
  cny: Market
  vnd: Market
  /** The live CNY deposit's transaction number. */
  liveDepositTxn: number
  /** Signed in: bound to the VND merchant (merchant operator); without REPORT_READ. */
  vndUser: string
  noReports: string
}

export const ENTRY_COUNT = 23

export async function reportScenario(): Promise<Scenario> {
  const { w, host, cny, vnd } = await hostWorld()
  await w.at('2026-11-18 10:00:00')
  const live = await w.deposit(cny, '1000.00', { isTest: false, pay: true })
  await w.deposit(cny, '600.13')
  await w.deposit(vnd, '1500000', { pay: true })
  await w.at('2026-11-19 10:00:00')
  await w.deposit(cny, '2000.00', { pay: true })
  await w.deposit(cny, '500.00')
  await w.at('2026-11-20 10:00:00')
  await w.adjust(cny, '-20.00', 'Chargeback fee correction')
  w.clock.advance(500)
  await w.adjust(cny, '5.50', 'Goodwill: 100% of the fee back')
  await w.at('2026-11-20 11:00:00')
  await w.payout(cny, '300.00', { isTest: false })
  for (let i = 1; i <= 6; i++) {
    await w.at(`2026-11-20 12:00:0${i}`)
    await w.adjust(cny, `${i}.00`, `Batch correction ${i}`)
  }
  await w.at('2026-11-20 13:00:00')
  await w.adjust(vnd, '250', 'Rounding correction')

  const roles = await w.ok('roles.list', {})
  const operator = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
  const ordersOnly = await w.ok('roles.create', { name: 'Order readers', permissions: [1001, 6001] })
  await w.ok('users.create', { username: 'saigon.ops', displayName: 'Saigon Ops', password: 'Initial-pass-1', merchantId: vnd.merchantId, roleIds: [operator] })
  await w.ok('users.create', { username: 'order.reader', displayName: 'Order Reader', password: 'Initial-pass-1', merchantId: null, roleIds: [ordersOnly.id] })
  return {
    w,
    host,
    cny,
    vnd,
    liveDepositTxn: live.txnNo,
    vndUser: await w.signIn('saigon.ops', 'Initial-pass-1'),
    noReports: await w.signIn('order.reader', 'Initial-pass-1')
  }
}

export interface Answer {
  http: number
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed JSON of the seed's answers, checked field by field
  body: any
}

/** GET a report path with the query parameters as a browser or curl would encode them. */
export async function getReport(s: Scenario, path: string, params: Record<string, string | number | boolean> = {}, token: string | null = s.w.admin): Promise<Answer> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()
  const response = await fetch(`${s.host.url}${path}${query ? `?${query}` : ''}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  const text = await response.text()
  return { http: response.status, text, body: JSON.parse(text) }
}

/** Every item of a report, walking its pages. */
export async function allItems(s: Scenario, report: string, params: Record<string, string | number | boolean> = {}, pageSize = 100, token?: string) {
  const items = []
  for (let page = 1; ; page++) {
    const answer = await getReport(s, `/${report}/${page}-${pageSize}`, params, token)
    if (answer.http !== 200) throw new Error(`${report}: ${answer.text}`)
    items.push(...answer.body.data.items)
    if (page >= answer.body.data.totalPageCount) return items
  }
}
