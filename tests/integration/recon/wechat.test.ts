/**
 * The WeChat Pay trade bill (ALL): every value after a backtick, commas inside 商品名称, fees with
 * five decimals (charged positive in the file, negative on our side), REFUND rows keyed by our
 * refund number with their amount from 退款金额, a REVOKED payment, and the summary checked.
 */
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { readStatement, StatementReadError } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { collect, tempFile, WECHAT_ROWS, WECHAT_SUMMARY, wechatText } from './fixtures'

const profile = BUILT_IN_PROFILES.wechat_trade
const beijing = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`)

describe('WeChat Pay trade bill', () => {
  it('reads every line exactly, with the byte-order mark some downloads carry', async () => {
    const { lines, problems, hooks } = collect()
    const result = await readStatement(tempFile('bill.csv', wechatText({ bom: true })), profile, hooks)
    expect(problems).toEqual([])
    expect(result.encoding).toBe('utf-8')
    expect(result.encodingSource).toBe('bom')
    expect(result.header[0]).toBe('交易时间')
    expect(lines.map((l) => [l.lineNo, l.kind, l.status, l.upstreamNo, l.orderNo, l.refundNo, l.gross, l.fee, l.net, l.currency, l.at])).toEqual([
      [2, 'payment', 'succeeded', '4200001234202405011234567890', 'PD240501000001', null, '100.00', '-0.60000', null, 'CNY', beijing('2024-05-01 10:00:00')],
      [3, 'payment', 'succeeded', '4200001234202405011234567891', 'PD240501000002', null, '0.01', '-0.00006', null, 'CNY', beijing('2024-05-01 10:05:00')],
      [4, 'refund', 'succeeded', '4200001234202405011234567890', 'PD240501000001', 'RF240501000001', '-30.00', '0.18000', null, 'CNY', beijing('2024-05-01 12:00:00')],
      [5, 'refund', 'pending', '4200001234202405011234567890', 'PD240501000001', 'RF240501000002', '-10.00', '0.06000', null, 'CNY', beijing('2024-05-01 23:59:59')],
      [6, 'payment', 'reversed', '4200001234202405011234567892', 'PD240501000003', null, '5.00', '-0.03000', null, 'CNY', beijing('2024-05-01 15:00:00')]
    ])
    // The comma inside 商品名称 stays in its value; the quote is text (no quoting in these bills).
    expect(lines[0].description).toBe('套餐A,含税')
    expect(lines[1].description).toBe('测试"商品"')
    expect(lines[0].raw).toHaveLength(27)
    expect(lines[0].raw[0]).toBe('2024-05-01 10:00:00')
    expect(new Set(lines.map((l) => l.rowKey)).size).toBe(5)
    expect(result.controls).toEqual([
      { name: 'wechat.summary.count', stated: '5', computed: '5', ok: true },
      { name: 'wechat.summary.应结订单总金额', stated: '105.01', computed: '105.01', ok: true },
      { name: 'wechat.summary.退款总金额', stated: '40.00', computed: '40.00', ok: true },
      { name: 'wechat.summary.充值券退款总金额', stated: '0.00', computed: '0.00', ok: true },
      { name: 'wechat.summary.手续费总金额', stated: '0.39006', computed: '0.39006', ok: true },
      { name: 'wechat.summary.订单总金额', stated: '105.01', computed: '105.01', ok: true },
      { name: 'wechat.summary.申请退款总金额', stated: '40.00', computed: '40.00', ok: true }
    ])
  })

  it('shows a summary that disagrees with the rows', async () => {
    const summary = [...WECHAT_SUMMARY]
    summary[4] = '0.39007'
    const result = await readStatement(tempFile('bill.csv', wechatText({ summary })), profile)
    expect(result.controls.filter((c) => !c.ok)).toEqual([{ name: 'wechat.summary.手续费总金额', stated: '0.39007', computed: '0.39006', ok: false }])
  })

  it('refuses a bill without its summary section as truncated', async () => {
    const error = (await readStatement(tempFile('bill.csv', wechatText({ summary: null })), profile).catch((e: unknown) => e)) as StatementReadError
    expect(error).toBeInstanceOf(StatementReadError)
    expect(error.code).toBe('controls_missing')
  })

  it('reports an unknown status and a refund row without its refund number, by line', async () => {
    const rows = WECHAT_ROWS.map((r) => [...r])
    rows[1][9] = 'CLOSED'
    rows[2][15] = ''
    const { lines, problems, hooks } = collect()
    await readStatement(tempFile('bill.csv', wechatText({ rows })), profile, hooks)
    expect(problems.map((p) => [p.lineNo, p.field, inEnglish(p.reason)])).toEqual([
      [3, 'kind', '"CLOSED" is not a kind the profile knows'],
      [4, 'refundNo', 'a refund line without its refund number']
    ])
    expect(lines.map((l) => l.lineNo)).toEqual([2, 5, 6])
  })
})
