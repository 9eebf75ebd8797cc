/**
 * The statement the reconciliation test imports: an Alipay-like 业务明细 in GBK (RECONCILIATION.md
 * §2.1, as tests/integration/recon/fixtures.ts writes it) whose rows name real orders of the demo
 * data, written so a run finds one break of each type: an amount over and one short, a fee off
 * the channel's schedule, another currency, a payment twice, a closed order they say was paid, a
 * line of theirs with no order, a trailer whose total does not add up, and the period's other
 * orders missing on their side. Its header differs from the built-in layout (交易完成时间 for
 * 完成时间, and a 币种 column), so the profile editor must map those two columns.
 */
import iconv from 'iconv-lite'
import { expect, type Host } from './fixtures'

export const CHANNEL = 'CN Alipay/WeChat Aggregator'
/** The source's fee schedule: 0.6 % of the amount. */
export const FEE_PPM = 6000

export const HEADER = [
  '支付宝交易号', '商户订单号', '业务类型', '商品名称', '创建时间', '交易完成时间', '门店编号', '门店名称', '操作员', '终端号', '对方账户', '订单金额（元）', '商家实收（元）',
  '支付宝红包（元）', '集分宝（元）', '支付宝优惠（元）', '商家优惠（元）', '券核销金额（元）', '券名称', '商家红包消费金额（元）', '卡消费金额（元）', '退款批次号/请求号', '服务费（元）', '分润（元）', '备注', '币种'
]

interface Order {
  id: number
  orderNo: string
  upstreamNo: string | null
  direction: string
  status: string
  currency: string
  amount: string
  paidAmount: string | null
  isTest: boolean
  createdAt: number
  finalizedAt: number | null
}

export interface PlannedLine {
  tradeNo: string
  orderNo: string
  amount: string
  fee: string
  currency: string
  at: number
}

export interface Plan {
  /** Beijing days: [from, to). */
  from: number
  to: number
  lines: PlannedLine[]
  /** What each break is about, by the order (or line) it names. */
  exact: Order
  over: Order
  short: Order
  feeOff: Order
  otherCurrency: Order
  twice: Order
  closed: Order
  /** Their line with no order of ours. */
  unknown: PlannedLine
  /** Succeeded orders of the period no line names. */
  missing: Order[]
  /** Succeeded refunds of the channel's orders in the period: no line names a refund either. */
  missingRefunds: { refundNo: string; orderNo: string }[]
  file: Buffer
  fileName: string
  /** The same statement after the channel renamed its fee column (服务费（元） → 交易服务费). */
  changedFile: Buffer
  /** The same statement with two rows that cannot be read: a non-numeric amount and a 13th month. */
  badFile: Buffer
  /** Where those rows are in the file (1-based lines, counting the preamble and the header). */
  badLines: { amount: number; time: number }
}

const BEIJING = 8 * 3600_000
const DAY = 86_400_000
const toMinor = (amount: string) => BigInt(amount.replace('.', ''))
const fromMinor = (minor: bigint) => {
  const negative = minor < 0n
  const digits = (negative ? -minor : minor).toString().padStart(3, '0')
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
}
const pad = (n: number) => String(n).padStart(2, '0')
/** Epoch ms as Beijing wall time, `yyyy-MM-dd HH:mm:ss` (or Alipay's 年月日 form). */
function beijing(ms: number, chinese = false): string {
  const d = new Date(ms + BEIJING)
  const [y, m, day, h, min, s] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate()), pad(d.getUTCHours()), pad(d.getUTCMinutes()), pad(d.getUTCSeconds())]
  return chinese ? `${y}年${m}月${day}日 ${h}:${min}:${s}` : `${y}-${m}-${day} ${h}:${min}:${s}`
}
const startOfBeijingDay = (ms: number) => Math.floor((ms + BEIJING) / DAY) * DAY - BEIJING

/** The fee the schedule expects on an amount, half up: what the run checks the file's fee against. */
export function expectedFee(amount: string): string {
  return fromMinor((toMinor(amount) * BigInt(FEE_PPM) + 500_000n) / 1_000_000n)
}

async function channelOrders(host: Host, token: string): Promise<Order[]> {
  const channels = await host.api<{ items: { id: number; name: string }[] }>('/api/channels.list', { pageSize: 100 }, token)
  const channelId = channels.body.data.items.find((c) => c.name === CHANNEL)!.id
  const all: Order[] = []
  for (let page = 1; ; page++) {
    const answer = await host.api<{ items: Order[]; total: number }>('/api/orders.list', { channelId, direction: 'deposit', page, pageSize: 100 }, token)
    expect(answer.status, answer.body.message).toBe(200)
    all.push(...answer.body.data.items)
    if (all.length >= answer.body.data.total) return all
  }
}

/** The succeeded refunds of these orders finished in [from, to): the run expects each on their side. */
async function refundsOf(host: Host, token: string, orders: Order[], from: number, to: number): Promise<Plan['missingRefunds']> {
  const ids = new Set(orders.map((o) => o.id))
  const found: Plan['missingRefunds'] = []
  for (let page = 1, seen = 0; ; page++) {
    const answer = await host.api<{ items: { orderId: number; refundNo: string; orderNo: string; status: string; isTest: boolean; createdAt: number; finalizedAt: number | null }[]; total: number }>('/api/refunds.list', { page, pageSize: 100 }, token)
    expect(answer.status, answer.body.message).toBe(200)
    for (const r of answer.body.data.items) {
      const at = r.finalizedAt ?? r.createdAt
      if (ids.has(r.orderId) && r.status === 'succeeded' && !r.isTest && at >= from && at < to) found.push({ refundNo: r.refundNo, orderNo: r.orderNo })
    }
    seen += answer.body.data.items.length
    if (seen >= answer.body.data.total || answer.body.data.items.length === 0) return found
  }
}

/** A difference of `cents` that neither equals the fee (a different cause) nor is a rounding. */
function offBy(order: Order, cents: bigint): string {
  const fee = toMinor(expectedFee(ours(order)))
  const step = cents === fee || -cents === fee ? cents + 1n : cents
  return fromMinor(toMinor(ours(order)) + step)
}
const ours = (o: Order) => o.paidAmount ?? o.amount
const at = (o: Order) => o.finalizedAt ?? o.createdAt

export async function planStatement(host: Host, token: string, now = Date.now()): Promise<Plan> {
  const orders = (await channelOrders(host, token)).filter((o) => !o.isTest && o.currency === 'CNY')
  // Seventy Beijing days ending two days ago: settled, and past every grace window.
  const to = startOfBeijingDay(now) - 2 * DAY
  const from = to - 70 * DAY
  const inPeriod = orders.filter((o) => at(o) >= from && at(o) < to).sort((a, b) => at(a) - at(b) || a.id - b.id)
  const succeeded = inPeriod.filter((o) => o.status === 'succeeded')
  const closed = inPeriod.find((o) => o.status === 'closed')
  expect(succeeded.length, 'succeeded deposits of the demo channel in the period').toBeGreaterThanOrEqual(9)
  expect(closed, 'a closed deposit of the demo channel in the period').toBeDefined()
  const [exact, over, short, feeOff, otherCurrency, twice, ...missing] = succeeded
  const missingRefunds = await refundsOf(host, token, orders, from, to)
  const line = (o: Order, amount = ours(o), options: { fee?: string; currency?: string; tradeNo?: string } = {}): PlannedLine => ({
    tradeNo: options.tradeNo ?? o.upstreamNo ?? `UP${o.orderNo}`,
    orderNo: o.orderNo,
    amount,
    fee: `-${options.fee ?? expectedFee(ours(o))}`,
    currency: options.currency ?? 'CNY',
    at: at(o)
  })
  const unknown: PlannedLine = { tradeNo: '2099123122001499990000000001', orderNo: 'D209912310000001', amount: '8888.88', fee: `-${expectedFee('8888.88')}`, currency: 'CNY', at: from + 40 * DAY + 3 * 3600_000 }
  const lines = [
    line(exact),
    line(over, offBy(over, 500n)),
    line(short, offBy(short, -300n)),
    line(feeOff, ours(feeOff), { fee: fromMinor(toMinor(expectedFee(ours(feeOff))) + 100n) }),
    line(otherCurrency, ours(otherCurrency), { currency: 'USD' }),
    line(twice),
    line(twice, ours(twice), { tradeNo: `${twice.upstreamNo ?? twice.orderNo}-2` }),
    line(closed!),
    unknown
  ]
  const received = lines.reduce((sum, l) => sum + toMinor(l.amount), 0n)
  const cellsOf = (l: PlannedLine) => [`${l.tradeNo}\t`, `${l.orderNo}\t`, '交易', '会员充值', beijing(l.at), beijing(l.at), '', '', '', '', 'buyer***@163.com', l.amount, l.amount, '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.00', '0.00', '', l.fee, '0.00', '', l.currency]
  const rows = lines.map((l) => cellsOf(l).join(','))
  const statement = (rows: string[]) => [
    '#支付宝业务明细查询',
    '#账号：[20880000000000000156]',
    `#起始日期：[${beijing(from, true)}]   终止日期：[${beijing(to, true)}]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    HEADER.join(','),
    ...rows,
    '#-----------------------------------------业务明细列表结束------------------------------------',
    // One yuan more than the lines add up to: the control total does not hold.
    `#交易合计：${lines.length}笔，商家实收共${fromMinor(received + 100n)}元，商家优惠共0.00元`,
    '#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元',
    `#导出时间：[${beijing(to + 5 * 3600_000, true)}]`
  ].join('\r\n')
  const text = statement(rows)
  // Four preamble lines and the header come before the first row (line 6).
  const badRows = rows.map((row, i) => {
    const cells = cellsOf(lines[i])
    if (i === 1) return cells.map((c, k) => (k === 11 || k === 12 ? '12.3x' : c)).join(',')
    if (i === 3) return cells.map((c, k) => (k === 4 || k === 5 ? '2026-13-45 10:00:00' : c)).join(',')
    return row
  })
  const changedText = text.replace(HEADER.join(','), HEADER.map((h) => (h === '服务费（元）' ? '交易服务费' : h)).join(','))
  return { badFile: iconv.encode(`${statement(badRows)}\r\n`, 'gbk'), badLines: { amount: 7, time: 9 }, changedFile: iconv.encode(`${changedText}\r\n`, 'gbk'), from, to, lines, exact, over, short, feeOff, otherCurrency, twice, closed: closed!, unknown, missing, missingRefunds, file: iconv.encode(`${text}\r\n`, 'gbk'), fileName: `20880000000000000156_${beijing(from).slice(0, 10).replace(/-/g, '')}_业务明细.csv` }
}

/**
 * A long statement of the same layout (`lines` payments of one day, numbers no order has, its
 * totals right), for the dry run's progress and its Cancel: 250 000 lines take seconds to read.
 */
export function longStatement(lines: number, day = Date.UTC(2026, 0, 5) - BEIJING): Buffer {
  const rows: string[] = []
  let received = 0n
  for (let i = 0; i < lines; i++) {
    const n = String(i).padStart(9, '0')
    const at = beijing(day + (i % 86_400) * 1000)
    const minor = BigInt(100 + (i % 99_900))
    const amount = fromMinor(minor)
    received += minor
    rows.push([`2026010522001499${n}\t`, `L2026010500${n}\t`, '交易', '会员充值', at, at, '', '', '', '', 'buyer***@163.com', amount, amount, '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.00', '0.00', '', `-${expectedFee(amount)}`, '0.00', '', 'CNY'].join(','))
  }
  const text = [
    '#支付宝业务明细查询',
    '#账号：[20880000000000000156]',
    `#起始日期：[${beijing(day, true)}]   终止日期：[${beijing(day + DAY, true)}]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    HEADER.join(','),
    ...rows,
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${lines}笔，商家实收共${fromMinor(received)}元，商家优惠共0.00元`,
    '#退款合计：0笔，商家实收退款共0.00元，商家优惠退款共0.00元',
    `#导出时间：[${beijing(day + DAY + 5 * 3600_000, true)}]`
  ].join('\r\n')
  return iconv.encode(`${text}\r\n`, 'gbk')
}
