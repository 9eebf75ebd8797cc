/**
 * The statement files of the reconciliation benchmark, written from the orders of its database
 * (recon-data.ts) in the layouts the importer reads:
 *
 * - Alipay's trade bill (业务明细: GBK, `#` preamble, the `alipay_trade` built-in profile's columns,
 *   its footer totals), one line per paid deposit of the Alipay channel and one per refund, the
 *   way tests/integration/recon/fixtures.ts writes its rows; the channel's fee is 0.6 % of the
 *   amount (charged negative on a payment, returned positive on a refund);
 * - camt.053 (v08, one statement per business day with its balances and totals), one entry per
 *   paid payout of the bank channel and a charge per day, in the shape of
 *   tests/integration/recon/bank-fixtures.ts.
 *
 * Each file carries differences drawn with a seeded random number per order (left out, another
 * amount, another fee, twice, without our number, a payment we failed, a payment we never had),
 * counted so the benchmark can say what the run should find. Files are cached beside the
 * database, keyed by RECON_FILES_VERSION, the database's key and the file's spec.
 */
import { createHash } from 'node:crypto'
import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { ALIPAY_FOOTER, ALIPAY_HEADER, alipayRowCells, gbk, zipArchive, type AlipayRow } from '../integration/recon/fixtures'
import { progressBar } from './progress'
import type { ReconDataInfo } from './recon-data'
import { cacheDir, cachedFile } from './bench-cache'
import { random } from './reports-data'

/** Bump when the written files change. */
export const RECON_FILES_VERSION = 1
/** The Alipay channel's fee schedule the files follow (and the benchmark's source states). */
export const ALIPAY_FEE_PPM = 6000
const HOUR = 3_600_000
const BEIJING = 8 * HOUR

/** Shares of orders that come out differently in a channel's bill. */
export interface BillDifferences {
  /** Of our paid deposits: not in the bill (missing theirs). */
  omitted: number
  /** … in the bill with another amount (a fen, or more). */
  amount: number
  /** … with a fee off the schedule. */
  fee: number
  /** … twice, the second time under another trade number. */
  duplicate: number
  /** … without our order number, under a trade number we do not know (found by amount and time). */
  window: number
  /** Of our failed or closed deposits: in the bill as paid. */
  status: number
  /** Per deposit of ours: a payment we never had an order for, after it. */
  unknown: number
}

export interface BillSpec {
  name: string
  /** The bill's period, epoch ms [from, to). */
  from: number
  to: number
  differences: BillDifferences
  seed: number
}

export interface StatementFile {
  path: string
  name: string
  bytes: number
  lines: number
  /** How many orders came out each way. */
  differences: Record<string, number>
  from: number
  to: number
  cached: boolean
}

const fileKey = (data: ReconDataInfo, spec: unknown) => createHash('sha256').update(`${RECON_FILES_VERSION}|${basename(data.path)}|${JSON.stringify(spec)}`).digest('hex').slice(0, 12)


const cents = (minor: number) => {
  const abs = Math.abs(minor)
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
const beijing = (ms: number) => new Date(ms + BEIJING).toISOString().slice(0, 19).replace('T', ' ')
const beijingDay = (ms: number) => new Date(ms + BEIJING).toISOString().slice(0, 10)
const periodText = (ms: number) => {
  const [date, time] = beijing(ms).split(' ')
  const [y, m, d] = date.split('-')
  return `${y}年${m}月${d}日 ${time}`
}
const fee = (amount: number, ppm: number) => Math.round((amount * ppm) / 1_000_000)

/** A writer that encodes and writes in batches, waiting when the stream is full. */
function batchedWriter(path: string, encode: (text: string) => Buffer) {
  const out = createWriteStream(path)
  let batch: string[] = []
  const flush = async () => {
    if (batch.length === 0) return
    const chunk = encode(batch.join('\r\n') + '\r\n')
    batch = []
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve))
  }
  return {
    async line(text: string) {
      batch.push(text)
      if (batch.length >= 5000) await flush()
    },
    async end() {
      await flush()
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
    }
  }
}

const PRODUCTS = ['会员月卡', '年卡', '套餐#1 加量', '游戏充值', '话费充值', '商品A 标准版']

/** Alipay's trade bill for the Alipay channel's orders and refunds made in `spec`'s period. */
export async function alipayBill(data: ReconDataInfo, spec: BillSpec, log: (line: string) => void): Promise<StatementFile> {
  const path = join(cacheDir(), `recon-alipay-${fileKey(data, spec)}.csv`)
  return cachedFile<StatementFile>({ path, reused: () => `recon files: reusing ${path} (${spec.name})` }, log, async (partial) => {
    log(`recon files: writing ${spec.name} into ${path}`)
    const db = new Database(data.path, { readonly: true })
    try {
      const rnd = random(spec.seed)
      const d = spec.differences
      const counts: Record<keyof BillDifferences | 'payments' | 'refunds', number> = { omitted: 0, amount: 0, fee: 0, duplicate: 0, window: 0, status: 0, unknown: 0, payments: 0, refunds: 0 }
      const totals = { payments: 0, paymentMinor: 0, refunds: 0, refundMinor: 0 }
      const out = batchedWriter(partial, gbk)
      let invented = 0
      const inventedTradeNo = (at: number) => `${beijingDay(at).replaceAll('-', '')}22009${String(++invented).padStart(15, '0')}`
      /** One line; amounts in fen (a fee charged negative). */
      const write = async (row: { tradeNo: string; orderNo: string; kind: AlipayRow['kind']; finished: string; amount: number; refundNo: string; fee: number }, n: number) => {
        const amount = cents(row.amount)
        const cells = alipayRowCells({ ...row, amount, received: amount, fee: cents(row.fee), product: PRODUCTS[n % PRODUCTS.length], counterparty: n % 3 === 0 ? `138****${String(n % 10_000).padStart(4, '0')}` : `u${n % 9973}***@163.com` })
        await out.line(cells.join(','))
        if (row.kind === '交易') {
          totals.payments++
          totals.paymentMinor += row.amount
        } else {
          totals.refunds++
          totals.refundMinor += row.amount
        }
      }
      await out.line(['#支付宝业务明细查询', '#账号：[20880000000000000156]', `#起始日期：[${periodText(spec.from)}]   终止日期：[${periodText(spec.to)}]`, '#-----------------------------------------业务明细列表----------------------------------------', ALIPAY_HEADER].join('\r\n'))
      const refunds = db
        .prepare(
          `select r.refund_no as refundNo, r.amount_minor as amount, r.created_at as createdAt, r.finalized_at as finalizedAt, o.order_no as orderNo, o.upstream_no as upstreamNo
           from refunds r join orders o on o.id = r.order_id where r.channel_id = ? and r.created_at >= ? and r.created_at < ? order by r.created_at, r.id`
        )
        .all(data.alipayChannelId, spec.from, spec.to) as { refundNo: string; amount: number; createdAt: number; finalizedAt: number; orderNo: string; upstreamNo: string }[]
      let nextRefund = 0
      const orders = db.prepare(
        `select order_no as orderNo, upstream_no as upstreamNo, amount_minor as amount, status, created_at as createdAt, finalized_at as finalizedAt
         from orders where channel_id = ? and created_at >= ? and created_at < ? order by created_at, id`
      )
      const expected = (db.prepare('select count(*) from orders where channel_id = ? and created_at >= ? and created_at < ?').pluck().get(data.alipayChannelId, spec.from, spec.to) as number) || 1
      const bar = progressBar(spec.name, expected, (done) => `${done.toLocaleString('en')} orders`)
      let n = 0
      for (const o of orders.iterate(data.alipayChannelId, spec.from, spec.to) as Iterable<{ orderNo: string; upstreamNo: string; amount: number; status: string; createdAt: number; finalizedAt: number }>) {
        n++
        if (n % 10_000 === 0) bar.update(n)
        for (; nextRefund < refunds.length && refunds[nextRefund].createdAt <= o.createdAt; nextRefund++) {
          const r = refunds[nextRefund]
          await write({ tradeNo: r.upstreamNo, orderNo: r.orderNo, kind: '退款', finished: beijing(r.finalizedAt), amount: -r.amount, refundNo: r.refundNo, fee: fee(r.amount, ALIPAY_FEE_PPM) }, n)
          counts.refunds++
        }
        const paid = { tradeNo: o.upstreamNo, orderNo: o.orderNo, kind: '交易' as const, finished: beijing(o.finalizedAt), amount: o.amount, refundNo: '', fee: -fee(o.amount, ALIPAY_FEE_PPM) }
        if (o.status !== 'succeeded') {
          if (rnd() < d.status) {
            await write(paid, n)
            counts.status++
          }
        } else {
          const r = rnd()
          let edge = d.omitted
          if (r < edge) counts.omitted++
          else if (r < (edge += d.amount)) {
            const delta = rnd() < 0.5 ? 1 : 1 + Math.floor(rnd() * Math.min(o.amount / 10, 5000))
            const amount = Math.max(1, o.amount + (rnd() < 0.5 ? -delta : delta))
            await write({ ...paid, amount, fee: -fee(amount, ALIPAY_FEE_PPM) }, n)
            counts.amount++
          } else if (r < (edge += d.fee)) {
            await write({ ...paid, fee: -fee(o.amount, rnd() < 0.5 ? 5500 : 10_000) }, n)
            counts.fee++
          } else if (r < (edge += d.duplicate)) {
            await write(paid, n)
            await write({ ...paid, tradeNo: inventedTradeNo(o.finalizedAt) }, n)
            counts.duplicate++
          } else if (r < (edge += d.window)) {
            await write({ ...paid, tradeNo: inventedTradeNo(o.finalizedAt), orderNo: '' }, n)
            counts.window++
          } else await write(paid, n)
          counts.payments++
        }
        if (rnd() < d.unknown) {
          const amount = 100 + Math.floor(rnd() * 200_000)
          await write({ ...paid, tradeNo: inventedTradeNo(o.finalizedAt), orderNo: `EXT${o.orderNo.slice(1)}`, amount, fee: -fee(amount, ALIPAY_FEE_PPM) }, n)
          counts.unknown++
        }
      }
      for (; nextRefund < refunds.length; nextRefund++) {
        const r = refunds[nextRefund]
        await write({ tradeNo: r.upstreamNo, orderNo: r.orderNo, kind: '退款', finished: beijing(r.finalizedAt), amount: -r.amount, refundNo: r.refundNo, fee: fee(r.amount, ALIPAY_FEE_PPM) }, n)
        counts.refunds++
      }
      bar.update(expected)
      bar.stop()
      await out.line(
        [
          ALIPAY_FOOTER[0],
          `#交易合计：${totals.payments}笔，商家实收共${cents(totals.paymentMinor)}元，商家优惠共0.00元`,
          `#退款合计：${totals.refunds}笔，商家实收退款共${cents(totals.refundMinor)}元，商家优惠退款共0.00元`,
          `#导出时间：[${periodText(spec.to + 5 * HOUR)}]`
        ].join('\r\n')
      )
      await out.end()
      const file: StatementFile = { path, name: spec.name, bytes: statSync(partial).size, lines: totals.payments + totals.refunds, differences: counts, from: spec.from, to: spec.to, cached: false }
      return file
    } finally {
      db.close()
    }
  })
}

export interface CamtSpec {
  name: string
  from: number
  to: number
  /** Of our paid payouts: not booked; booked with another amount. Per payout: a debit we never made, after it. */
  differences: { omitted: number; amount: number; unknown: number }
  seed: number
}

const xmlAmount = cents
const OPENING_MINOR = 100_000_000_000

/** A camt.053 file of the bank channel's paid payouts in `spec`'s period: one statement per business day (Beijing), each with a day's charge. */
export async function camtStatement(data: ReconDataInfo, spec: CamtSpec, log: (line: string) => void): Promise<StatementFile> {
  const path = join(cacheDir(), `recon-camt-${fileKey(data, spec)}.xml`)
  return cachedFile<StatementFile>({ path, reused: () => `recon files: reusing ${path} (${spec.name})` }, log, async (partial) => {
    log(`recon files: writing ${spec.name} into ${path}`)
    const db = new Database(data.path, { readonly: true })
    try {
      const rnd = random(spec.seed)
      const counts = { omitted: 0, amount: 0, unknown: 0, payouts: 0, charges: 0 }
      const out = batchedWriter(partial, (text) => Buffer.from(text, 'utf8'))
      await out.line(
        `<?xml version="1.0" encoding="UTF-8"?>\r\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\r\n<BkToCstmrStmt>\r\n<GrpHdr><MsgId>PAYDESK-BENCH-${beijingDay(spec.to)}</MsgId><CreDtTm>${beijingDay(spec.to)}T06:00:00+08:00</CreDtTm></GrpHdr>`
      )
      const payouts = db.prepare(
        `select order_no as orderNo, amount_minor as amount, finalized_at as at, merchant_id as merchantId from orders
         where channel_id = ? and created_at >= ? and created_at < ? and status = 'succeeded' order by finalized_at, id`
      )
      let balance = OPENING_MINOR
      let lines = 0
      let refs = 0
      type Day = { date: string; entries: string[]; debits: number; debitMinor: number }
      let day = null as Day | null
      const entry = (e: { amount: number; ref: string; date: string; orderNo: string | null; party: string | null; code: [string, string, string] }) =>
        `<Ntry><Amt Ccy="CNY">${xmlAmount(e.amount)}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${e.date}</Dt></BookgDt><ValDt><Dt>${e.date}</Dt></ValDt><AcctSvcrRef>${e.ref}</AcctSvcrRef>` +
        `<BkTxCd><Domn><Cd>${e.code[0]}</Cd><Fmly><Cd>${e.code[1]}</Cd><SubFmlyCd>${e.code[2]}</SubFmlyCd></Fmly></Domn></BkTxCd>` +
        (e.orderNo
          ? `<NtryDtls><TxDtls><Refs><EndToEndId>${e.orderNo}</EndToEndId></Refs><RltdPties><Cdtr><Pty><Nm>${e.party}</Nm></Pty></Cdtr></RltdPties><RmtInf><Ustrd>Payout ${e.orderNo}</Ustrd><Strd><CdtrRefInf><Ref>${e.orderNo}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>`
          : '') +
        '</Ntry>'
      const debit = (amount: number, orderNo: string | null, party: string | null, code: [string, string, string]) => {
        day!.entries.push(entry({ amount, ref: `BK${day!.date.replaceAll('-', '')}${String(++refs).padStart(8, '0')}`, date: day!.date, orderNo, party, code }))
        day!.debits++
        day!.debitMinor += amount
      }
      const closeDay = async () => {
        if (!day) return
        debit(1_500, null, null, ['ACMT', 'MDOP', 'CHRG'])
        counts.charges++
        const next = new Date(Date.parse(`${day.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
        const closing = balance - day.debitMinor
        const bal = (code: string, minor: number, date: string) => `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">${xmlAmount(minor)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`
        await out.line(
          `<Stmt><Id>STMT-${day.date}</Id><ElctrncSeqNb>${lines}</ElctrncSeqNb><CreDtTm>${next}T06:00:00+08:00</CreDtTm><FrToDt><FrDtTm>${day.date}T00:00:00+08:00</FrDtTm><ToDtTm>${next}T00:00:00+08:00</ToDtTm></FrToDt>` +
            `<Acct><Id><Othr><Id>6222020200112233445</Id></Othr></Id><Ccy>CNY</Ccy></Acct>${bal('OPBD', balance, day.date)}${bal('CLBD', closing, day.date)}` +
            `<TxsSummry><TtlNtries><NbOfNtries>${day.debits}</NbOfNtries><Sum>${xmlAmount(day.debitMinor)}</Sum></TtlNtries><TtlCdtNtries><NbOfNtries>0</NbOfNtries><Sum>0.00</Sum></TtlCdtNtries><TtlDbtNtries><NbOfNtries>${day.debits}</NbOfNtries><Sum>${xmlAmount(day.debitMinor)}</Sum></TtlDbtNtries></TxsSummry>`
        )
        for (const e of day.entries) await out.line(e)
        await out.line('</Stmt>')
        lines += day.debits
        balance = closing
        day = null
      }
      for (const p of payouts.iterate(data.bankChannelId, spec.from, spec.to) as Iterable<{ orderNo: string; amount: number; at: number; merchantId: number }>) {
        const date = beijingDay(p.at)
        if ((day as Day | null)?.date !== date) {
          await closeDay()
          day = { date, entries: [], debits: 0, debitMinor: 0 }
        }
        const party = `Payee ${p.merchantId}-${p.orderNo.slice(-4)}`
        const r = rnd()
        if (r < spec.differences.omitted) counts.omitted++
        else if (r < spec.differences.omitted + spec.differences.amount) {
          debit(p.amount + 1 + Math.floor(rnd() * 1000), p.orderNo, party, ['PMNT', 'ICDT', 'ESCT'])
          counts.amount++
        } else debit(p.amount, p.orderNo, party, ['PMNT', 'ICDT', 'ESCT'])
        counts.payouts++
        if (rnd() < spec.differences.unknown) {
          debit(1000 + Math.floor(rnd() * 500_000), `XP${p.orderNo.slice(1)}`, 'Someone else', ['PMNT', 'ICDT', 'ESCT'])
          counts.unknown++
        }
      }
      await closeDay()
      await out.line('</BkToCstmrStmt>\r\n</Document>')
      await out.end()
      const file: StatementFile = { path, name: spec.name, bytes: statSync(partial).size, lines, differences: counts, from: spec.from, to: spec.to, cached: false }
      return file
    } finally {
      db.close()
    }
  })
}

/**
 * The file zipped as its sender delivers it (Alipay's download: `<账号>_<yyyyMMdd>_业务明细.csv`, a
 * GBK name, inside a zip): what the user uploads when the file itself is over the upload limit.
 * Cached beside the file.
 */
export function zipped(file: StatementFile, entryName: string, log: (line: string) => void): Promise<StatementFile> {
  const path = `${file.path}.zip`
  return cachedFile<StatementFile>({ path, reused: () => `recon files: reusing ${path} (${file.name}, zipped)` }, log, (partial) => {
    log(`recon files: zipping ${file.name} into ${path}`)
    writeFileSync(partial, zipArchive([{ name: entryName, data: readFileSync(file.path) }]))
    return { ...file, path, bytes: statSync(partial).size, cached: false }
  })
}
