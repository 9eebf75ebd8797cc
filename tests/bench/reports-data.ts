/**
 * The report benchmark's database: a year of activity with 1 M orders and 10 M ledger entries.
 *
 * Master data (merchants, contracts, services, channels, the administrator) is made through the
 * procedures. The volume is written with raw prepared statements in one transaction per business
 * day, the rows the ledger and the order engine would write, kept consistent as they go:
 * - a paid deposit posts the ledger's eight entries (channel, order payment, fee, processing fee,
 *   reserve and their platform legs), a payout four (withdrawal and its fee), a reserve release
 *   two after the contract's hold days, a refund four; every posting sums to zero per currency;
 * - payouts and refunds only when the merchant's available balance covers them (else the payout
 *   fails), so no balance the ledger refuses to overdraw goes negative;
 * - the rest of the 10 M are provider settlement sweeps (channel → suspense, two entries), which
 *   the entry list does not show;
 * - balances and the transaction report's rows are summed as the rows are made, the settlement
 *   report's rows recomputed from the entries at the end (as the ledger core would have kept them),
 *   and `verifyLedger` (what `npm run verify` runs) recomputes them all at the end: any drift fails.
 *
 * The file is cached under the OS temp folder (PAYDESK_BENCH_CACHE to move it), keyed by
 * GENERATOR_VERSION and the sizes, so a re-run reuses it. Migrations added since it was made are
 * applied when the benchmark opens it, as they would be on a user's database.
 */
import { createHash, randomBytes } from 'node:crypto'
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createCore } from '../../src/main/app/core'
import { aesSecretBox } from '../../src/main/core/secrets'
import { businessDayFn, dayStartMs } from '../../src/main/ledger/business-day'
import { rebuildSettlementRows } from '../../src/main/ledger/settlement-rows'
import { verifyLedger } from '../../src/main/ledger/verify'
import { isoDay } from '../../src/main/reports/bounds'
import { releaseKey } from '../../src/main/finance/reserve'
import { minorUnitsOf } from '../../src/shared/money'
import { SERVICE_TYPES } from '../../src/shared/reference'
import { progressBar } from './progress'
import { cacheDir, cachedFile } from './bench-cache'

/** Bump when the generated rows change. */
export const GENERATOR_VERSION = 2
export const BENCH_ADMIN = { username: 'bench', password: 'Bench-password-1' }
const ZONE = '+08:00'
/** The last business day of the data (fixed, so every run makes the same file). */
const LAST_DAY = '2026-11-21'

export interface ReportsDataInfo {
  path: string
  entries: number
  merchantEntries: number
  orders: number
  postings: number
  days: number
  firstDay: number
  lastDay: number
  merchants: { id: number; currency: string; contractIds: number[] }[]
  generatedInSeconds: number
  cached: boolean
}

export interface ReportsDataOptions {
  entries: number
  orders: number
  days: number
  merchants: number
}

export const DEFAULT_SIZES: ReportsDataOptions = { entries: 10_000_000, orders: 1_000_000, days: 365, merchants: 80 }

/** Same seed, same rows (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Roughly what one unit of each currency is worth against the US dollar, to make amounts look real. */
const PER_USD: Record<string, number> = { CNY: 7, THB: 35, VND: 25_000, IDR: 15_000, BRL: 5, USDT: 1 }
const CURRENCIES = Object.keys(PER_USD)

export async function reportsDatabase(log: (line: string) => void, sizes: ReportsDataOptions = DEFAULT_SIZES): Promise<ReportsDataInfo> {
  const key = createHash('sha256').update(`${GENERATOR_VERSION}|${JSON.stringify(sizes)}`).digest('hex').slice(0, 12)
  const path = join(cacheDir(), `reports-${key}.db`)
  const reused = () => `report data: reusing ${path} (generator v${GENERATOR_VERSION})`
  return cachedFile<ReportsDataInfo>({ path, infoFile: join(cacheDir(), `reports-${key}.json`), reused }, log, async (partial) => {
    log(`report data: generating ${sizes.entries.toLocaleString('en')} entries and ${sizes.orders.toLocaleString('en')} orders into ${path}`)
    const started = Date.now()
    const firstDayStart = dayStartMs(LAST_DAY, ZONE, -(sizes.days - 1))
    const merchants = await masterData(partial, sizes, firstDayStart)
    const counts = bulkLoad(partial, sizes, merchants, firstDayStart)
    const sqlite = new Database(partial)
    try {
      log('report data: recomputing every balance and settlement report row from the entries (verifyLedger)…')
      const report = verifyLedger(sqlite)
      if (report.drifts.length > 0) throw new Error(`the generated ledger drifts: ${report.drifts.slice(0, 5).map((d) => d.detail).join('; ')}`)
      log(`report data: ${report.postings.toLocaleString('en')} postings, ${report.entries.toLocaleString('en')} entries, no drift`)
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      sqlite.close()
    }
    const dayOf = businessDayFn(ZONE)
    return {
      path,
      ...counts,
      days: sizes.days,
      firstDay: dayOf(firstDayStart),
      lastDay: dayOf(dayStartMs(LAST_DAY, ZONE)),
      merchants,
      generatedInSeconds: Math.round((Date.now() - started) / 1000),
      cached: false
    }
  })
}

/**
 * A writable copy of the benchmark database for running the order engine on it (the cached file is
 * shared and only read). Files generated before the generator wrote the release job's own key
 * (`reserve-release:<posting id>`) carry `reserve:<order no>:release` instead, which the engine does
 * not know: it would release every reserve a second time. The copy's release postings get the job's
 * key (a no-op on newer files). Returns the copy's path; the caller removes `dir`.
 */
export function engineReadyCopy(data: ReportsDataInfo, dir: string, log: (line: string) => void): string {
  const copy = join(dir, 'reports.db')
  const started = Date.now()
  for (const suffix of ['', '-wal']) if (existsSync(data.path + suffix)) copyFileSync(data.path + suffix, copy + suffix)
  const sqlite = new Database(copy)
  try {
    const { changes } = sqlite
      .prepare(
        `update ledger_postings set idempotency_key = 'reserve-release:' || (
           select s.id from ledger_postings s
           where s.tenant_id = ledger_postings.tenant_id and s.idempotency_key = 'order:' || substr(ledger_postings.idempotency_key, 9, length(ledger_postings.idempotency_key) - 16) || ':paid')
         where idempotency_key like 'reserve:%:release'`
      )
      .run()
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    log(`report data: writable copy in ${dir}${changes > 0 ? `, ${changes.toLocaleString('en')} release keys rewritten to the job's` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  } finally {
    sqlite.close()
  }
  return copy
}

/** Merchants, contracts, services and channels through the procedures, as an operator would make them. */
async function masterData(path: string, sizes: ReportsDataOptions, at: number): Promise<ReportsDataInfo['merchants']> {
  const core = createCore({ dbPath: path, mode: 'browser', secrets: aesSecretBox(randomBytes(32)), clock: { now: () => at - 86_400_000 }, log: () => {} })
  try {
    await core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: BENCH_ADMIN.username, PAYDESK_ADMIN_PASSWORD: BENCH_ADMIN.password })
    const call = async (name: string, input: unknown, token: string | null) => {
      const envelope = await core.dispatch(name, input, { token, transport: 'http' })
      if (envelope.status !== 200) throw new Error(`${name}: ${envelope.message}`)
      return envelope.data as Record<string, never>
    }
    const token = (await call('auth.login', BENCH_ADMIN, null)).token as string
    const merchants: ReportsDataInfo['merchants'] = []
    for (const currency of CURRENCIES) {
      const channel = await call('channels.create', { name: `Bench ${currency} channel`, provider: 'generic', currency, supportsDeposit: true, supportsPayout: true, credentials: { merchantNo: 'M-BENCH', signKey: 'bench' } }, token)
      void channel
    }
    for (let m = 0; m < sizes.merchants; m++) {
      const currency = CURRENCIES[m % CURRENCIES.length]
      const serviceType = SERVICE_TYPES.find((s) => s.currencies.includes(currency))!.code
      const merchant = await call('merchants.create', { name: `Bench merchant ${String(m + 1).padStart(3, '0')} (${currency})` }, token)
      const contractIds: number[] = []
      // One merchant in four has a second contract (a new price list from mid-year: one active contract per currency and day).
      const count = m % 4 === 0 ? 2 : 1
      for (let c = 0; c < count; c++) {
        const period = count === 1 ? { validFrom: '2020-01-01' } : c === 0 ? { validFrom: '2020-01-01', validTo: '2020-06-30' } : { validFrom: '2020-07-01' }
        const contract = await call('contracts.create', { merchantId: merchant.id, name: `Bench ${c + 1}`, settlementCurrency: currency, feeRate: c ? '1.8' : '2.5', fixedFee: currency === 'VND' || currency === 'IDR' ? '1000' : '1', withdrawalFee: currency === 'VND' || currency === 'IDR' ? '5000' : '5', refundFee: currency === 'VND' || currency === 'IDR' ? '2000' : '2', reserveRate: '10', reserveHoldDays: 90, ...period }, token)
        contractIds.push(contract.id)
      }
      for (const direction of ['deposit', 'payout']) await call('services.create', { merchantId: merchant.id, serviceType, direction, currency, activated: true }, token)
      merchants.push({ id: merchant.id, currency, contractIds })
    }
    return merchants
  } finally {
    core.close()
  }
}

interface Contract {
  id: number
  feePpm: number
  fixedFee: number
  withdrawalFee: number
  refundFee: number
  reservePpm: number
  holdDays: number
}

interface Pending {
  kind: 'release' | 'refund'
  merchantId: number
  contractId: number
  currency: string
  amount: number
  orderNo: string
  txnId: number
  isTest: number
  /** The deposit's paid posting, whose reserve a release returns. */
  sourcePostingId?: number
}

function bulkLoad(path: string, sizes: ReportsDataOptions, merchants: ReportsDataInfo['merchants'], firstDayStart: number): Omit<ReportsDataInfo, 'path' | 'days' | 'firstDay' | 'lastDay' | 'merchants' | 'generatedInSeconds' | 'cached'> {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  db.pragma('foreign_keys = OFF')
  const rnd = random(20261121)
  const dayOf = businessDayFn(ZONE)
  const contracts = new Map<number, Contract>(
    (db.prepare('select id, fee_rate_ppm as feePpm, fixed_fee_minor as fixedFee, withdrawal_fee_minor as withdrawalFee, refund_fee_minor as refundFee, reserve_rate_ppm as reservePpm, reserve_hold_days as holdDays from contracts').all() as Contract[]).map((c) => [c.id, c])
  )
  const channels = new Map((db.prepare('select id, currency from channels').all() as { id: number; currency: string }[]).map((c) => [c.currency, c.id]))
  const services = new Map((db.prepare('select id, merchant_id as m, direction as d, service_type as t from services').all() as { id: number; m: number; d: string; t: string }[]).map((s) => [`${s.m}:${s.d}`, s]))

  // Accounts, as the ledger names them; balances summed in memory and written at the end.
  const insertAccount = db.prepare('insert into ledger_accounts (tenant_id, key, kind, merchant_id, channel_id, currency, normal, allow_overdraft, created_at) values (1, ?, ?, ?, ?, ?, ?, ?, ?)')
  const accounts = new Map<string, { id: number; kind: string; merchantId: number | null; currency: string; sum: number; count: number }>()
  const account = (kind: string, owner: number | null, currency: string) => {
    const key = `${kind}:${owner ?? '-'}:${currency}`
    let found = accounts.get(key)
    if (!found) {
      const id = Number(insertAccount.run(key, kind, kind.startsWith('merchant') ? owner : null, kind === 'channel' ? owner : null, currency, kind === 'channel' ? -1 : 1, kind === 'suspense' || kind === 'fx' ? 1 : 0, firstDayStart).lastInsertRowid)
      accounts.set(key, (found = { id, kind, merchantId: kind.startsWith('merchant') ? owner : null, currency, sum: 0, count: 0 }))
    }
    return found
  }

  const insertPosting = db.prepare(
    "insert into ledger_postings (tenant_id, idempotency_key, content_hash, status, description, txn_id, merchant_id, contract_id, reference, is_test, created_at, settled_at) values (1, ?, 'bench', 'posted', ?, ?, ?, ?, ?, ?, ?, ?)"
  )
  const insertEntry = db.prepare(
    'insert into ledger_entries (tenant_id, posting_id, account_id, amount, currency, type, remark, account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at) values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const insertOrder = db.prepare(
    `insert into orders (tenant_id, order_no, txn_no, merchant_order_no, upstream_no, direction, merchant_id, contract_id, service_id, channel_id, service_type, currency, amount_minor, paid_minor, fee_minor, fields, status, status_reason, is_test, sent_at, expires_at, finalized_at, created_by, created_at, updated_at, business_day)
     values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`
  )
  // The transaction report's rows, in the view with test orders and (for live ones) the one without.
  const addStats = db.prepare(
    `insert into transaction_daily_rows (tenant_id, include_test, business_day, contract_id, merchant_id, currency, total_count, success_count, transaction_minor, settle_minor, updated_at)
     values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (tenant_id, include_test, business_day, merchant_id, contract_id, currency) do update set total_count = total_count + excluded.total_count,
       success_count = success_count + excluded.success_count, transaction_minor = transaction_minor + excluded.transaction_minor, settle_minor = settle_minor + excluded.settle_minor`
  )

  let entries = 0
  let merchantEntries = 0
  let postings = 0
  let orders = 0
  const stats = new Map<string, { contractId: number; merchantId: number; currency: string; isTest: number; total: number; success: number; transaction: number; settle: number }>()
  type Leg = [acc: ReturnType<typeof account>, raw: number, type: number | null]

  function post(key: string, description: string, txnId: number, merchantId: number | null, contractId: number | null, reference: string | null, isTest: number, at: number, day: number, currency: string, legs: Leg[]): number {
    const postingId = Number(insertPosting.run(key, description, txnId, merchantId, contractId, reference, isTest, at, at).lastInsertRowid)
    postings++
    for (const [acc, raw, type] of legs) {
      insertEntry.run(postingId, acc.id, raw, currency, type, reference ?? description, acc.kind, acc.merchantId, contractId, txnId, isTest, day, at)
      acc.sum += raw
      acc.count++
      entries++
      if (acc.kind === 'merchant_available') merchantEntries++
    }
    return postingId
  }

  // Merchant weights: a few large merchants, many small ones (Zipf-like).
  const weights = merchants.map((_, i) => 1 / (i + 1) ** 0.8)
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  let running = 0
  const cumulative = weights.map((w) => (running += w / totalWeight))
  const pickMerchant = () => {
    const r = rnd()
    const i = cumulative.findIndex((c) => r < c)
    return merchants[i < 0 ? merchants.length - 1 : i]
  }
  const pending = new Map<number, Pending[]>()
  const schedule = (dayIndex: number, p: Pending) => {
    const list = pending.get(dayIndex) ?? []
    list.push(p)
    pending.set(dayIndex, list)
  }
  const roundPpm = (amount: number, ppm: number) => Math.floor((amount * ppm + 500_000) / 1_000_000)
  const bar = progressBar('generating', sizes.entries, (done) => `${(done / 1e6).toFixed(2)} M / ${(sizes.entries / 1e6).toFixed(0)} M entries, ${orders.toLocaleString('en')} orders`)
  let sweeps = 0

  for (let d = 0; d < sizes.days; d++) {
    const dayStart = dayStartMs(LAST_DAY, ZONE, d - (sizes.days - 1))
    const day = dayOf(dayStart)
    const ordersToday = Math.floor((sizes.orders * (d + 1)) / sizes.days) - Math.floor((sizes.orders * d) / sizes.days)
    // Created from 00:05 and settled within 11 minutes: every posting stays on its order's business day.
    const times = Array.from({ length: ordersToday }, () => Math.floor(rnd() * (86_400_000 - 300_000 - 700_000))).sort((a, b) => a - b)
    stats.clear()
    db.transaction(() => {
      // Reserve releases and refunds due today come first, in the first minutes of the day.
      const due = pending.get(d) ?? []
      pending.delete(d)
      due.forEach((p, i) => {
        const at = dayStart + 60_000 + i * 10
        const available = account('merchant_available', p.merchantId, p.currency)
        if (p.kind === 'release') {
          // The release job's own key (finance/reserve.ts), so the order engine sees these as released.
          post(releaseKey(p.sourcePostingId!), `Reserve of ${p.orderNo} released`, p.txnId, p.merchantId, p.contractId, p.orderNo, p.isTest, at, day, p.currency, [
            [account('merchant_reserve', p.merchantId, p.currency), -p.amount, 3],
            [available, p.amount, 3]
          ])
        } else {
          const fee = contracts.get(p.contractId)!.refundFee
          const channel = account('channel', channels.get(p.currency)!, p.currency)
          if (available.sum < p.amount + fee || -channel.sum < p.amount) return
          post(`refund:${p.orderNo}`, `Refund of ${p.orderNo}`, p.txnId, p.merchantId, p.contractId, p.orderNo, p.isTest, at, day, p.currency, [
            [available, -p.amount, 4],
            [channel, p.amount, 4],
            [available, -fee, 5],
            [account('platform_fee', null, p.currency), fee, 5]
          ])
        }
      })
      times.forEach((offset, i) => {
        const m = pickMerchant()
        const contractId = m.contractIds.length > 1 && d > sizes.days / 2 ? m.contractIds[1] : m.contractIds[0]
        const contract = contracts.get(contractId)!
        const currency = m.currency
        const digits = minorUnitsOf(currency)
        const deposit = rnd() < 0.75
        const isTest = rnd() < 0.01 ? 1 : 0
        const usd = Math.exp(Math.log(5) + rnd() * (Math.log(3000) - Math.log(5)))
        const amount = Math.max(1, Math.round(usd * PER_USD[currency] * 10 ** digits))
        const at = dayStart + 300_000 + offset
        const seq = i + 1
        const orderNo = `${deposit ? 'D' : 'P'}${day}${String(seq).padStart(7, '0')}`
        const txnId = day * 10_000_000 + seq
        const channelId = channels.get(currency)!
        const service = services.get(`${m.id}:${deposit ? 'deposit' : 'payout'}`)!
        const available = account('merchant_available', m.id, currency)
        const channel = account('channel', channelId, currency)
        const platform = account('platform_fee', null, currency)
        let status: 'succeeded' | 'failed' | 'closed'
        let transaction = 0
        let settle = 0
        let fee = 0
        const done = at + 30_000 + Math.floor(rnd() * 600_000)
        if (deposit) {
          const r = rnd()
          status = r < 0.9 ? 'succeeded' : r < 0.96 ? 'failed' : 'closed'
          if (status === 'succeeded') {
            fee = roundPpm(amount, contract.feePpm)
            const reserve = roundPpm(amount, contract.reservePpm)
            const paidPosting = post(`order:${orderNo}:paid`, `Deposit ${orderNo} paid`, txnId, m.id, contractId, orderNo, isTest, done, day, currency, [
              [channel, -amount, 0],
              [available, amount, 0],
              [available, -fee, 1],
              [platform, fee, 1],
              [available, -contract.fixedFee, 2],
              [platform, contract.fixedFee, 2],
              [available, -reserve, 3],
              [account('merchant_reserve', m.id, currency), reserve, 3]
            ])
            transaction = amount
            settle = amount - fee - contract.fixedFee
            if (reserve > 0 && d + contract.holdDays < sizes.days) schedule(d + contract.holdDays, { kind: 'release', merchantId: m.id, contractId, currency, amount: reserve, orderNo, txnId, isTest, sourcePostingId: paidPosting })
            if (rnd() < 0.02) schedule(d + 1 + Math.floor(rnd() * 10), { kind: 'refund', merchantId: m.id, contractId, currency, amount, orderNo, txnId, isTest })
          }
        } else {
          fee = contract.withdrawalFee
          status = rnd() < 0.95 && available.sum >= amount + fee && -channel.sum >= amount ? 'succeeded' : 'failed'
          if (status === 'succeeded') {
            post(`order:${orderNo}:payout`, `Payout ${orderNo}`, txnId, m.id, contractId, orderNo, isTest, done, day, currency, [
              [available, -amount, 8],
              [channel, amount, 8],
              [available, -fee, 9],
              [platform, fee, 9]
            ])
            transaction = amount
            settle = amount + fee
          }
        }
        const fields = deposit ? `{"payerName":"Payer ${seq % 997}"}` : `{"accountName":"Payee ${seq % 991}","accountNumber":"62220${String(txnId).slice(-10)}"}`
        insertOrder.run(orderNo, txnId, `M${m.id}-${txnId}`, `UP${txnId}`, deposit ? 'deposit' : 'payout', m.id, contractId, service.id, channelId, service.t, currency, amount, status === 'succeeded' && deposit ? amount : null, fee, fields, status, status === 'succeeded' ? null : status === 'failed' ? 'Declined by the provider' : 'Not paid in time', isTest, at + 200, at + 1_800_000, done, at, done, day)
        orders++
        const k = `${contractId}:${m.id}:${currency}:${isTest}`
        const s = stats.get(k) ?? { contractId, merchantId: m.id, currency, isTest, total: 0, success: 0, transaction: 0, settle: 0 }
        s.total++
        if (status === 'succeeded') {
          s.success++
          s.transaction += transaction
          s.settle += settle
        }
        stats.set(k, s)
      })
      // Provider settlement sweeps (channel → suspense) make up the rest of the day's share of entries.
      const target = Math.floor((sizes.entries * (d + 1)) / sizes.days / 2) * 2
      const channelAccounts = [...accounts.values()].filter((a) => a.kind === 'channel')
      while (entries < target) {
        // Only what the provider holds is swept: a channel's balance never goes below zero.
        const rotated = channelAccounts.map((_, i) => channelAccounts[(sweeps + i) % channelAccounts.length])
        const channel = rotated.find((c) => -c.sum >= 5000)
        if (!channel) break
        const amount = Math.floor(-channel.sum / 5000)
        const at = dayStart + 86_395_000 + (sweeps % 4000)
        sweeps++
        post(`sweep:${sweeps}`, `Provider settlement ${sweeps}`, sweeps, null, null, null, 0, at, day, channel.currency, [
          [channel, amount, null],
          [account('suspense', null, channel.currency), -amount, null]
        ])
      }
      for (const s of stats.values()) {
        for (const view of s.isTest ? [1] : [1, 0]) addStats.run(view, day, s.contractId, s.merchantId, s.currency, s.total, s.success, s.transaction, s.settle, dayStart + 86_399_000)
      }
    })()
    bar.update(entries)
  }
  bar.stop()
  const insertBalance = db.prepare('insert into ledger_balances (account_id, posted_sum, entry_count, updated_at) values (?, ?, ?, ?) on conflict (account_id) do update set posted_sum = excluded.posted_sum, entry_count = excluded.entry_count')
  db.transaction(() => {
    for (const a of accounts.values()) insertBalance.run(a.id, a.sum, a.count, Date.now())
    // The stored report rows: the settlement ones recomputed from the entries (as verify does),
    // the transaction day totals from their rows.
    rebuildSettlementRows(db, Date.now())
    // The day totals exist already, made with their list-row counts by the rows' insert trigger.
    db.exec(`insert into transaction_daily_totals (tenant_id, include_test, business_day, currency, total_count, success_count, transaction_minor, settle_minor, updated_at)
      select tenant_id, include_test, business_day, currency, sum(total_count), sum(success_count), sum(transaction_minor), sum(settle_minor), max(updated_at)
      from transaction_daily_rows where true group by tenant_id, include_test, business_day, currency
      on conflict (tenant_id, include_test, business_day, currency) do update set total_count = excluded.total_count, success_count = excluded.success_count,
        transaction_minor = excluded.transaction_minor, settle_minor = excluded.settle_minor, updated_at = excluded.updated_at`)
  })()
  db.close()
  return { entries, merchantEntries, orders, postings }
}

export { isoDay }
