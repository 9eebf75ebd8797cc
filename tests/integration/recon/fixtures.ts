/**
 * Statement files made by the tests, following the published layouts (RECONCILIATION.md §2):
 * Alipay's 业务明细 (GBK, `#` preamble and footer, trailing tabs), WeChat Pay's trade bill
 * (backticks, summary section), camt.053 v02/v08, MT940, and a zip writer that can write what
 * real zips and hostile ones hold (GBK names without the UTF-8 flag, `../` names, lying sizes).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import Decimal from 'decimal.js'
import iconv from 'iconv-lite'
import type { LineProblem, ReadHooks, StatementLine } from '../../../src/main/recon/formats'

export function tempFile(name: string, data: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'recon-fixture-'))
  const path = join(dir, name)
  writeFileSync(path, data)
  return path
}

/** Hooks that keep everything, for assertions. */
export function collect(): { lines: StatementLine[]; problems: LineProblem[]; progress: number[]; hooks: ReadHooks } {
  const lines: StatementLine[] = []
  const problems: LineProblem[] = []
  const progress: number[] = []
  return { lines, problems, progress, hooks: { onLine: (l) => void lines.push(l), onProblem: (p) => void problems.push(p), onProgress: (b) => void progress.push(b) } }
}

// ——— Alipay 业务明细 ———

export const ALIPAY_HEADER =
  '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注'

export interface AlipayRow {
  tradeNo: string
  orderNo: string
  kind: '交易' | '退款'
  product: string
  finished: string
  counterparty: string
  amount: string
  received: string
  refundNo: string
  fee: string
}

export const ALIPAY_ROWS: AlipayRow[] = [
  { tradeNo: '2019091622001458860515315453', orderNo: 'PD20190916000001', kind: '交易', product: '会员月卡', finished: '2019-09-16 10:00:01', counterparty: 'abc***@163.com', amount: '100.00', received: '100.00', refundNo: '', fee: '-0.60' },
  { tradeNo: '2019091622001458860515315454', orderNo: 'PD20190916000002', kind: '交易', product: '套餐#1 加量', finished: '2019-09-16 23:59:59', counterparty: '138****0000', amount: '0.01', received: '0.01', refundNo: '', fee: '0.00' },
  { tradeNo: '2019091622001458860515315453', orderNo: 'PD20190916000001', kind: '退款', product: '会员月卡', finished: '2019-09-16 12:30:00', counterparty: 'abc***@163.com', amount: '-30.00', received: '-30.00', refundNo: 'RF2019091600000001', fee: '0.18' },
  { tradeNo: '2019091622001458860515315453', orderNo: 'PD20190916000001', kind: '退款', product: '会员月卡', finished: '2019-09-16 13:00:00', counterparty: 'abc***@163.com', amount: '-20.00', received: '-20.00', refundNo: 'RF2019091600000002', fee: '0.12' },
  { tradeNo: '2019091622001458860515315460', orderNo: 'PD20190916000003', kind: '交易', product: '年卡', finished: '2019-09-16 00:00:00', counterparty: 'xyz***@qq.com', amount: '1280.50', received: '1280.50', refundNo: '', fee: '-7.68' }
]

export function alipayRowCells(row: AlipayRow, tabs = true): string[] {
  const t = tabs ? '\t' : ''
  return [
    row.tradeNo + t, row.orderNo + t, row.kind, row.product, row.finished, row.finished, '', '', '', '', row.counterparty, row.amount, row.received,
    '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.00', '0.00', row.refundNo ? row.refundNo + t : '', row.fee, '0.00', ''
  ]
}

export interface AlipayOptions {
  header?: string
  rows?: AlipayRow[]
  /** Lines as they appear after the data (default: the footer with totals stated for `rows`). */
  footer?: string[]
  tabs?: boolean
  eol?: string
}

/** Totals as Alipay states them: payments and refunds apart, 商家实收 summed (written by hand here, not by the code under test). */
export const ALIPAY_FOOTER = ['#-----------------------------------------业务明细列表结束------------------------------------', '#交易合计：3笔，商家实收共1380.51元，商家优惠共0.00元', '#退款合计：2笔，商家实收退款共-50.00元，商家优惠退款共0.00元', '#导出时间：[2019年09月17日 05:46:49]']

export function alipayText(options: AlipayOptions = {}): string {
  const rows = options.rows ?? ALIPAY_ROWS
  const lines = [
    '#支付宝业务明细查询',
    '#账号：[20880000000000000156]',
    '#起始日期：[2019年09月16日 00:00:00]   终止日期：[2019年09月17日 00:00:00]',
    '#-----------------------------------------业务明细列表----------------------------------------',
    options.header ?? ALIPAY_HEADER,
    ...rows.map((r) => alipayRowCells(r, options.tabs ?? true).join(',')),
    ...(options.footer ?? ALIPAY_FOOTER)
  ]
  return lines.join(options.eol ?? '\r\n') + (options.eol ?? '\r\n')
}

export const gbk = (text: string) => iconv.encode(text, 'gbk')

// ——— WeChat Pay trade bill (ALL) ———

export const WECHAT_HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注'

export const WECHAT_ROWS = [
  ['2024-05-01 10:00:00', 'wx2421b1c4370ec43b', '1900000109', '0', '', '4200001234202405011234567890', 'PD240501000001', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'JSAPI', 'SUCCESS', 'OTHERS', 'CNY', '100.00', '0.00', '0', '0', '0.00', '0.00', '', '', '套餐A,含税', 'attach', '0.60000', '0.60%', '100.00', '0.00', ''],
  ['2024-05-01 10:05:00', 'wx2421b1c4370ec43b', '1900000109', '0', '', '4200001234202405011234567891', 'PD240501000002', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6p', 'NATIVE', 'SUCCESS', 'OTHERS', 'CNY', '0.01', '0.00', '0', '0', '0.00', '0.00', '', '', '测试"商品"', '', '0.00006', '0.60%', '0.01', '0.00', ''],
  ['2024-05-01 12:00:00', 'wx2421b1c4370ec43b', '1900000109', '0', '', '4200001234202405011234567890', 'PD240501000001', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'JSAPI', 'REFUND', 'OTHERS', 'CNY', '0.00', '0.00', '50300000012024050100000001', 'RF240501000001', '30.00', '0.00', 'ORIGINAL', 'SUCCESS', '套餐A,含税', 'attach', '-0.18000', '0.60%', '0.00', '30.00', ''],
  ['2024-05-01 23:59:59', 'wx2421b1c4370ec43b', '1900000109', '0', '', '4200001234202405011234567890', 'PD240501000001', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'JSAPI', 'REFUND', 'OTHERS', 'CNY', '0.00', '0.00', '50300000012024050100000002', 'RF240501000002', '10.00', '0.00', 'ORIGINAL', 'PROCESSING', '套餐A,含税', 'attach', '-0.06000', '0.60%', '0.00', '10.00', ''],
  ['2024-05-01 15:00:00', 'wx2421b1c4370ec43b', '1900000109', '0', '', '4200001234202405011234567892', 'PD240501000003', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6q', 'MICROPAY', 'REVOKED', 'OTHERS', 'CNY', '5.00', '0.00', '0', '0', '0.00', '0.00', '', '', '撤销单', '', '0.03000', '0.60%', '5.00', '0.00', '']
]

export const WECHAT_SUMMARY_HEADER = '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额'
/** 5 rows; 100.00+0.01+5.00; 30+10; fees 0.6+0.00006−0.18−0.06+0.03; orders 105.01; refunds asked 40. */
export const WECHAT_SUMMARY = ['5', '105.01', '40.00', '0.00', '0.39006', '105.01', '40.00']

export function wechatText(options: { rows?: string[][]; summary?: string[] | null; bom?: boolean } = {}): string {
  const rows = (options.rows ?? WECHAT_ROWS).map((cells) => cells.map((c) => '`' + c).join(','))
  const summary = options.summary === null ? [] : [WECHAT_SUMMARY_HEADER, (options.summary ?? WECHAT_SUMMARY).map((c) => '`' + c).join(',')]
  return (options.bom ? '\uFEFF' : '') + [WECHAT_HEADER, ...rows, ...summary].join('\r\n') + '\r\n'
}

/** One payment row (SUCCESS, REVOKED) of the ALL bill, in Beijing time. */
export function wechatPaymentRow(r: { at: number; wxNo: string; orderNo: string; state: 'SUCCESS' | 'REVOKED'; amount: string }): string[] {
  return [beijingText(r.at), 'wx2421b1c4370ec43b', '1900000109', '0', '', r.wxNo, r.orderNo, 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'MICROPAY', r.state, 'OTHERS', 'CNY', r.amount, '0.00', '0', '0', '0.00', '0.00', '', '', '商品', '', '0.00000', '0.60%', r.amount, '0.00', '']
}

/** One REFUND row of the ALL bill: its refund amount written positive, its own status (SUCCESS, PROCESSING, …). */
export function wechatRefundRow(r: { at: number; wxNo: string; orderNo: string; refundNo: string; amount: string; state: string }): string[] {
  return [beijingText(r.at), 'wx2421b1c4370ec43b', '1900000109', '0', '', r.wxNo, r.orderNo, 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'JSAPI', 'REFUND', 'OTHERS', 'CNY', '0.00', '0.00', `5030${r.refundNo}`, r.refundNo, r.amount, '0.00', 'ORIGINAL', r.state, '商品', '', '0.00000', '0.60%', '0.00', r.amount, '']
}

/** The ALL bill of these rows, with the summary WeChat states for them (each column added up as written). */
export function wechatBill(rows: string[][]): string {
  const sum = (column: number) => rows.reduce((total, r) => total.plus(r[column]), new Decimal(0))
  const summary = [String(rows.length), sum(12).toFixed(2), sum(16).toFixed(2), sum(17).toFixed(2), sum(22).toFixed(5), sum(24).toFixed(2), sum(25).toFixed(2)]
  return wechatText({ rows, summary })
}

/** Epoch ms as a WeChat bill writes its times: `yyyy-MM-dd HH:mm:ss` in Beijing. */
export const beijingText = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')

// ——— zip ———

export interface ZipEntrySpec {
  /** Text names are written as GBK unless `utf8` sets the flag. */
  name: string | Buffer
  data: Buffer
  utf8?: boolean
  /** A lie told in the headers (bombs that hide their size). */
  declaredSize?: number
}

export function zipArchive(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : entry.utf8 ? Buffer.from(entry.name, 'utf8') : iconv.encode(entry.name, 'gbk')
    const compressed = deflateRawSync(entry.data)
    const crc = crc32(entry.data)
    const flags = entry.utf8 ? 0x800 : 0
    const size = entry.declaredSize ?? entry.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, compressed)
    centrals.push(central, name)
    offset += local.length + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** Alipay's download as it comes: `<账号>_<yyyyMMdd>.zip` with the detail and the summary, GBK names. */
export function alipayZip(detail: Buffer): Buffer {
  const summary = gbk('#支付宝业务汇总查询\r\n门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）\r\n合计,,3,2,1330.51,1330.51\r\n')
  return zipArchive([
    { name: '20880000000000000156_20190916_业务明细.csv', data: detail },
    { name: '20880000000000000156_20190916_业务明细(汇总).csv', data: summary }
  ])
}
