/**
 * The reconciliation benchmark's database: a year of one Alipay channel's CNY deposits (about
 * 1.09 M orders, so that their trade bill has about a million lines) with their refunds, and a
 * bank channel's CNY payouts (about 105 k, for a camt.053 statement).
 *
 * The report benchmark's database (reports-data.ts) is not reused: its orders are in six currencies
 * on six channels and a quarter of them are payouts, while an Alipay trade bill is one CNY
 * channel's payments and refunds. The orders here are made the same way: master data through the
 * procedures, the volume with raw prepared statements in one transaction per business day, the
 * same seeded random numbers, amounts (5 to 3,000 US dollars' worth, log-uniform), merchant
 * weights (a few large, many small), times and statuses. Only orders and refunds are written (the
 * ledger is not what reconciliation reads).
 *
 * Cached beside the report database (PAYDESK_BENCH_CACHE), keyed by RECON_GENERATOR_VERSION and the
 * sizes; the benchmark works on a copy.
 */
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createCore } from '../../src/main/app/core'
import { aesSecretBox } from '../../src/main/core/secrets'
import { businessDayFn, dayStartMs } from '../../src/main/ledger/business-day'
import { progressBar } from './progress'
import { cacheDir, cachedFile } from './bench-cache'
import { BENCH_ADMIN, random } from './reports-data'

/** Bump when the generated rows change. */
export const RECON_GENERATOR_VERSION = 1
export const ZONE = '+08:00'
/** The last business day of the data, as the report benchmark's. */
const LAST_DAY = '2026-11-21'

export interface ReconDataSizes {
  deposits: number
  payouts: number
  days: number
  merchants: number
}

export const RECON_SIZES: ReconDataSizes = { deposits: 1_090_000, payouts: 105_000, days: 365, merchants: 40 }

export interface ReconDataInfo {
  path: string
  sizes: ReconDataSizes
  orders: number
  refunds: number
  alipayChannelId: number
  bankChannelId: number
  merchantIds: number[]
  /** The data's period, epoch ms: the first business day's start, the day after the last one. */
  from: number
  to: number
  generatedInSeconds: number
  cached: boolean
}

export async function reconDatabase(log: (line: string) => void, sizes: ReconDataSizes = RECON_SIZES): Promise<ReconDataInfo> {
  const key = createHash('sha256').update(`${RECON_GENERATOR_VERSION}|${JSON.stringify(sizes)}`).digest('hex').slice(0, 12)
  const path = join(cacheDir(), `recon-${key}.db`)
  const reused = () => `recon data: reusing ${path} (generator v${RECON_GENERATOR_VERSION})`
  return cachedFile<ReconDataInfo>({ path, infoFile: join(cacheDir(), `recon-${key}.json`), reused }, log, async (partial) => {
    log(`recon data: generating ${sizes.deposits.toLocaleString('en')} deposits and ${sizes.payouts.toLocaleString('en')} payouts into ${path}`)
    const started = Date.now()
    const from = dayStartMs(LAST_DAY, ZONE, -(sizes.days - 1))
    const master = await masterData(partial, sizes, from)
    const counts = bulkLoad(partial, sizes, master)
    return {
      path,
      sizes,
      ...counts,
      ...master,
      from,
      to: dayStartMs(LAST_DAY, ZONE, 1),
      generatedInSeconds: Math.round((Date.now() - started) / 1000),
      cached: false
    }
  })
}

type Master = Pick<ReconDataInfo, 'alipayChannelId' | 'bankChannelId' | 'merchantIds'>

/** The two channels and the merchants (a CNY contract, an Alipay deposit service, a bank-card payout service each), through the procedures. */
async function masterData(path: string, sizes: ReconDataSizes, at: number): Promise<Master> {
  const core = createCore({ dbPath: path, mode: 'browser', secrets: aesSecretBox(randomBytes(32)), clock: { now: () => at - 86_400_000 }, log: () => {} })
  try {
    await core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: BENCH_ADMIN.username, PAYDESK_ADMIN_PASSWORD: BENCH_ADMIN.password })
    const call = async (name: string, input: unknown, token: string | null) => {
      const envelope = await core.dispatch(name, input, { token, transport: 'http' })
      if (envelope.status !== 200) throw new Error(`${name}: ${envelope.message}`)
      return envelope.data as Record<string, never>
    }
    const token = (await call('auth.login', BENCH_ADMIN, null)).token as string
    const credentials = { merchantNo: 'M-BENCH', signKey: 'bench' }
    const alipay = await call('channels.create', { name: 'Alipay (bench)', provider: 'generic', currency: 'CNY', supportsDeposit: true, supportsPayout: false, credentials }, token)
    const bank = await call('channels.create', { name: 'Bank payouts (bench)', provider: 'generic', currency: 'CNY', supportsDeposit: false, supportsPayout: true, credentials }, token)
    const merchantIds: number[] = []
    for (let m = 0; m < sizes.merchants; m++) {
      const merchant = await call('merchants.create', { name: `Recon merchant ${String(m + 1).padStart(3, '0')}` }, token)
      await call('contracts.create', { merchantId: merchant.id, name: 'Bench', settlementCurrency: 'CNY', feeRate: '2.5', fixedFee: '1', withdrawalFee: '5', refundFee: '2', reserveRate: '0', reserveHoldDays: 0, validFrom: '2020-01-01' }, token)
      await call('services.create', { merchantId: merchant.id, serviceType: 'CNY_ALIPAY_WECHAT', direction: 'deposit', currency: 'CNY', activated: true }, token)
      await call('services.create', { merchantId: merchant.id, serviceType: 'CNY_BANK_CARD', direction: 'payout', currency: 'CNY', activated: true }, token)
      merchantIds.push(merchant.id)
    }
    return { alipayChannelId: alipay.id, bankChannelId: bank.id, merchantIds }
  } finally {
    core.close()
  }
}

interface Refund {
  orderId: number
  orderNo: string
  merchantId: number
  contractId: number
  amount: number
}

function bulkLoad(path: string, sizes: ReconDataSizes, master: Master): { orders: number; refunds: number } {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  db.pragma('foreign_keys = OFF')
  const rnd = random(20261121)
  const dayOf = businessDayFn(ZONE)
  const contracts = new Map((db.prepare('select merchant_id as m, id, fee_rate_ppm as feePpm, fixed_fee_minor as fixedFee, withdrawal_fee_minor as withdrawalFee, refund_fee_minor as refundFee from contracts').all() as { m: number; id: number; feePpm: number; fixedFee: number; withdrawalFee: number; refundFee: number }[]).map((c) => [c.m, c]))
  const services = new Map((db.prepare('select id, merchant_id as m, direction as d, service_type as t from services').all() as { id: number; m: number; d: string; t: string }[]).map((s) => [`${s.m}:${s.d}`, s]))
  const insertOrder = db.prepare(
    `insert into orders (tenant_id, order_no, txn_no, merchant_order_no, upstream_no, direction, merchant_id, contract_id, service_id, channel_id, service_type, currency, amount_minor, paid_minor, fee_minor, fields, status, status_reason, is_test, sent_at, expires_at, finalized_at, created_by, created_at, updated_at, business_day)
     values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 1, ?, ?, ?)`
  )
  const insertRefund = db.prepare(
    `insert into refunds (tenant_id, refund_no, order_id, merchant_id, contract_id, channel_id, currency, amount_minor, fee_minor, reason, status, upstream_no, is_test, created_by, created_at, updated_at, finalized_at)
     values (1, ?, ?, ?, ?, ?, 'CNY', ?, ?, 'Customer asked', 'succeeded', null, 0, 1, ?, ?, ?)`
  )
  const weights = master.merchantIds.map((_, i) => 1 / (i + 1) ** 0.8)
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  let running = 0
  const cumulative = weights.map((w) => (running += w / totalWeight))
  const pickMerchant = () => {
    const r = rnd()
    const i = cumulative.findIndex((c) => r < c)
    return master.merchantIds[i < 0 ? master.merchantIds.length - 1 : i]
  }
  const pending = new Map<number, Refund[]>()
  const roundPpm = (amount: number, ppm: number) => Math.floor((amount * ppm + 500_000) / 1_000_000)
  let orders = 0
  let refunds = 0
  const total = sizes.deposits + sizes.payouts
  const bar = progressBar('generating', total, (done) => `${(done / 1e6).toFixed(2)} M / ${(total / 1e6).toFixed(2)} M orders, ${refunds.toLocaleString('en')} refunds`)
  for (let d = 0; d < sizes.days; d++) {
    const dayStart = dayStartMs(LAST_DAY, ZONE, d - (sizes.days - 1))
    const day = dayOf(dayStart)
    const share = (n: number) => Math.floor((n * (d + 1)) / sizes.days) - Math.floor((n * d) / sizes.days)
    const deposits = share(sizes.deposits)
    const count = deposits + share(sizes.payouts)
    // Created from 00:05 and final within 11 minutes: every order stays on its business day.
    const times = Array.from({ length: count }, () => Math.floor(rnd() * (86_400_000 - 300_000 - 700_000))).sort((a, b) => a - b)
    const kinds = Array.from({ length: count }, (_, i) => i < deposits)
    // Shuffled deposits and payouts through the day.
    for (let i = kinds.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      ;[kinds[i], kinds[j]] = [kinds[j], kinds[i]]
    }
    db.transaction(() => {
      const due = pending.get(d) ?? []
      pending.delete(d)
      due.forEach((r, i) => {
        const at = dayStart + 120_000 + Math.floor((i * (86_400_000 - 1_000_000)) / Math.max(1, due.length))
        const refundNo = `RF${day}${String(i + 1).padStart(6, '0')}`
        insertRefund.run(refundNo, r.orderId, r.merchantId, r.contractId, master.alipayChannelId, r.amount, contracts.get(r.merchantId)!.refundFee, at, at + 60_000, at + 60_000)
        refunds++
      })
      times.forEach((offset, i) => {
        const merchantId = pickMerchant()
        const contract = contracts.get(merchantId)!
        const deposit = kinds[i]
        const usd = Math.exp(Math.log(5) + rnd() * (Math.log(3000) - Math.log(5)))
        const amount = Math.max(1, Math.round(usd * 7 * 100))
        const at = dayStart + 300_000 + offset
        const seq = i + 1
        const orderNo = `${deposit ? 'D' : 'P'}${day}${String(seq).padStart(7, '0')}`
        const txnId = day * 10_000_000 + seq
        const service = services.get(`${merchantId}:${deposit ? 'deposit' : 'payout'}`)!
        const done = at + 30_000 + Math.floor(rnd() * 600_000)
        let status: 'succeeded' | 'failed' | 'closed'
        let fee: number
        let upstreamNo: string
        if (deposit) {
          const r = rnd()
          status = r < 0.9 ? 'succeeded' : r < 0.96 ? 'failed' : 'closed'
          fee = status === 'succeeded' ? roundPpm(amount, contract.feePpm) + contract.fixedFee : 0
          // Alipay's trade number: 28 digits, the day first.
          upstreamNo = `${day}22001${String(txnId).padStart(15, '0')}`
        } else {
          status = rnd() < 0.95 ? 'succeeded' : 'failed'
          fee = contract.withdrawalFee
          upstreamNo = `BK${txnId}`
        }
        const fields = deposit ? `{"payerName":"Payer ${seq % 997}"}` : `{"recipientName":"Payee ${seq % 991}","recipientAccount":"62220${String(txnId).slice(-10)}"}`
        const orderId = Number(
          insertOrder.run(orderNo, txnId, `M${merchantId}-${txnId}`, upstreamNo, deposit ? 'deposit' : 'payout', merchantId, contract.id, service.id, deposit ? master.alipayChannelId : master.bankChannelId, service.t, amount, deposit && status === 'succeeded' ? amount : null, fee, fields, status, status === 'succeeded' ? null : status === 'failed' ? 'Declined by the provider' : 'Not paid in time', at + 200, at + 1_800_000, done, at, done, day).lastInsertRowid
        )
        orders++
        if (deposit && status === 'succeeded' && rnd() < 0.02) {
          const refundDay = d + 1 + Math.floor(rnd() * 10)
          const partial = rnd() < 0.3
          const refundAmount = partial ? Math.max(1, Math.floor(amount * (0.1 + 0.8 * rnd()))) : amount
          if (refundDay < sizes.days) {
            const list = pending.get(refundDay) ?? []
            list.push({ orderId, orderNo, merchantId, contractId: contract.id, amount: refundAmount })
            pending.set(refundDay, list)
          }
        }
      })
    })()
    bar.update(orders)
  }
  bar.stop()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return { orders, refunds }
}
