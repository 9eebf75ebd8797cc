/**
 * Ledger benchmark: postings per second through the ledger core, grouped (many postings per
 * commit) and alone (one commit each, synchronous=FULL), against raw better-sqlite3 writing the
 * same rows (posting, entries, balance updates, settlement report rows) with no checks.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { openDatabase } from '../../src/main/db/open'
import { bootstrapTenant } from '../../src/main/app/bootstrap'
import { createLedger } from '../../src/main/ledger/ledger'
import { settlementRowWriter, type TypeSums } from '../../src/main/ledger/settlement-rows'
import type { PostingInput } from '../../src/main/ledger/types'
import { fmt, ms, summarize } from './stats'

const GROUP = 500
const GROUPED_POSTINGS = 50_000
const SINGLE_POSTINGS = 2_000

function deposit(key: string, merchantId: number, amount: number): PostingInput {
  const fee = Math.ceil(amount / 50)
  return {
    idempotencyKey: key,
    description: 'bench deposit',
    contractId: merchantId,
    txnId: undefined,
    entries: [
      { account: { kind: 'channel', channelId: 1 + (merchantId % 3), currency: 'CNY' }, delta: amount },
      { account: { kind: 'merchant_available', merchantId, currency: 'CNY' }, delta: amount, type: 0 },
      { account: { kind: 'merchant_available', merchantId, currency: 'CNY' }, delta: -fee, type: 1 },
      { account: { kind: 'platform_fee', currency: 'CNY' }, delta: fee, type: 1 }
    ]
  }
}

function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'))
  // As the app opens it: checkpoints are left to the host's maintenance loop.
  const db = openDatabase({ path: join(dir, 'bench.db'), checkpointInBackground: true })
  bootstrapTenant(db, Date.now())
  return { db, cleanup: () => (db.$client.close(), rmSync(dir, { recursive: true, force: true })) }
}

/** The same rows the ledger writes for one deposit, with prepared statements and no checks. */
function rawWriter(sqlite: Database.Database) {
  const now = Date.now()
  const accounts = new Map<string, number>()
  const insertAccount = sqlite.prepare("insert into ledger_accounts (tenant_id, key, kind, merchant_id, channel_id, currency, normal, allow_overdraft, created_at) values (1, ?, ?, ?, ?, 'CNY', ?, 0, ?)")
  const insertBalance = sqlite.prepare('insert into ledger_balances (account_id, updated_at) values (?, ?)')
  const account = (key: string, kind: string, merchantId: number | null, channelId: number | null, normal: number) => {
    let id = accounts.get(key)
    if (id === undefined) {
      id = Number(insertAccount.run(key, kind, merchantId, channelId, normal, now).lastInsertRowid)
      insertBalance.run(id, now)
      accounts.set(key, id)
    }
    return id
  }
  const insertPosting = sqlite.prepare("insert into ledger_postings (tenant_id, idempotency_key, content_hash, status, description, txn_id, contract_id, is_test, created_at, settled_at) values (1, ?, 'x', 'posted', 'bench deposit', 0, ?, 0, ?, ?)")
  const insertEntry = sqlite.prepare('insert into ledger_entries (tenant_id, posting_id, account_id, amount, currency, type, remark, account_kind, merchant_id, contract_id, txn_id, is_test, business_day, created_at) values (1, ?, ?, ?, \'CNY\', ?, \'\', ?, ?, ?, ?, 0, 20261122, ?)')
  const addPosted = sqlite.prepare('update ledger_balances set posted_sum = posted_sum + ?, entry_count = entry_count + 1, updated_at = ? where account_id = ?')
  // The settlement report's row and day total, in both views: the same prepared upserts the ledger uses.
  const settlementRows = settlementRowWriter(sqlite)
  return (key: string, merchantId: number, amount: number) => {
    const fee = Math.ceil(amount / 50)
    const postingId = Number(insertPosting.run(key, merchantId, now, now).lastInsertRowid)
    const rows: [number, number, number | null, string, number | null][] = [
      [account(`channel:${1 + (merchantId % 3)}`, 'channel', null, 1 + (merchantId % 3), -1), -amount, null, 'channel', null],
      [account(`m:${merchantId}`, 'merchant_available', merchantId, null, 1), amount, 0, 'merchant_available', merchantId],
      [account(`m:${merchantId}`, 'merchant_available', merchantId, null, 1), -fee, 1, 'merchant_available', merchantId],
      [account('fee', 'platform_fee', null, null, 1), fee, 1, 'platform_fee', null]
    ]
    for (const [accountId, amt, type, kind, merchant] of rows) {
      insertEntry.run(postingId, accountId, amt, type, kind, merchant, merchantId, postingId, now)
      addPosted.run(amt, now, accountId)
    }
    const sums: TypeSums = new Map([
      [0, { sum: BigInt(amount), count: 1 }],
      [1, { sum: BigInt(-fee), count: 1 }]
    ])
    settlementRows.add({ tenantId: 1, businessDay: 20261122, contractId: merchantId, merchantId, currency: 'CNY', isTest: false }, sums, now)
  }
}

function groupedRate(write: (i: number) => void, transaction: (fn: () => void) => void): number {
  const start = process.hrtime.bigint()
  for (let g = 0; g < GROUPED_POSTINGS / GROUP; g++) transaction(() => {
    for (let i = 0; i < GROUP; i++) write(g * GROUP + i)
  })
  return GROUPED_POSTINGS / (ms(start) / 1000)
}

export interface LedgerBenchResult {
  groupedCore: number
  groupedRaw: number
  ratio: number
  singleCore: { p50: number; p99: number; max: number; n: number }
  singleCoreRate: number
  singleRaw: { p50: number; p99: number }
}

export function benchLedger(log: (line: string) => void): LedgerBenchResult {
  const clock = { now: () => Date.now() }

  const raw = freshDb()
  const rawWrite = rawWriter(raw.db.$client)
  const groupedRaw = groupedRate((i) => rawWrite(`raw-${i}`, 1 + (i % 20), 10_000 + (i % 1000)), (fn) => raw.db.$client.transaction(fn).immediate())
  const rawSingle: number[] = []
  for (let i = 0; i < SINGLE_POSTINGS; i++) {
    const start = process.hrtime.bigint()
    raw.db.$client.transaction(() => rawWrite(`raw-single-${i}`, 1 + (i % 20), 10_000))()
    rawSingle.push(ms(start))
  }
  raw.cleanup()
  log(`raw better-sqlite3, grouped ${GROUP}/commit: ${fmt(groupedRaw, 0)} postings/s`)

  const core = freshDb()
  const ledger = createLedger(core.db, { tenantId: 1, clock, timeZone: () => '+08:00' })
  const groupedCore = groupedRate((i) => ledger.post(deposit(`core-${i}`, 1 + (i % 20), 10_000 + (i % 1000))), (fn) => ledger.inTransaction(fn))
  log(`ledger core, grouped ${GROUP}/commit: ${fmt(groupedCore, 0)} postings/s (${fmt((100 * groupedCore) / groupedRaw, 1)} % of raw)`)
  const single: number[] = []
  const singleStart = process.hrtime.bigint()
  for (let i = 0; i < SINGLE_POSTINGS; i++) {
    const start = process.hrtime.bigint()
    ledger.post(deposit(`single-${i}`, 1 + (i % 20), 10_000))
    single.push(ms(start))
  }
  const singleCoreRate = SINGLE_POSTINGS / (ms(singleStart) / 1000)
  core.cleanup()
  const singleCore = summarize(single)
  log(`ledger core, one posting per commit (synchronous=FULL): p50 ${fmt(singleCore.p50)} ms, p99 ${fmt(singleCore.p99)} ms, ${fmt(singleCoreRate, 0)} postings/s`)
  const rawStats = summarize(rawSingle)
  return { groupedCore, groupedRaw, ratio: groupedCore / groupedRaw, singleCore, singleCoreRate, singleRaw: { p50: rawStats.p50, p99: rawStats.p99 } }
}
