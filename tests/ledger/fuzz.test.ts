/**
 * Random ledger operations (postings, holds, commits, voids, replays with the same and with
 * different content) against a model kept in plain maps. After EVERY operation: the posting sums
 * to zero per currency, each touched balance equals the sum of its entries (and the model),
 * no non-overdraft account is negative, and each touched daily summary equals the sum of its
 * entries. At the end, the full self-check. PAYDESK_FUZZ_OPS and PAYDESK_FUZZ_SEED override.
 * After-sales flows run through the same posting builders as the app: deposits paid, refunds held
 * then posted or released, disputes opened and won; an order's refunds and disputes never exceed
 * what was paid, and what its merchant entries of types 4 and 6 took never exceeds it either.
 *
 * Among the random postings run the finance flows, built by the app's own posting builders:
 * paid deposits (fees and reserve per a random contract; half of them paid in USDT and settled in
 * CNY or VND through random exact-decimal FX rates), withdrawal holds (committed or voided like any
 * hold), and the reserve release job on a clock that jumps days; after a release no reserve stays
 * unreleased past its hold days and each deposit's reserve is released exactly once.
 */
import { describe, expect, it } from 'vitest'
import { ENTRY_TYPE_CODES, ENTRY_TYPES, settlementSqlColumn, type EntryType } from '../../src/shared/ledger'
import { Decimal } from '../../src/shared/money'
import { openDatabase } from '../../src/main/db/open'
import { bootstrapTenant } from '../../src/main/app/bootstrap'
import { AppError } from '../../src/main/core/errors'
import { createLedger } from '../../src/main/ledger/ledger'
import { accountKey, type AccountRef, type EntryInput, type PostingInput } from '../../src/main/ledger/types'
import { verifyLedger } from '../../src/main/ledger/verify'
import { seededRandom } from '../support/random'
import { depositPaidPosting, depositSettlement } from '../../src/main/orders/settlement'
import { releaseDueReserves } from '../../src/main/finance/reserve'
import { withdrawalHoldPosting } from '../../src/main/finance/withdrawals'
import type { contracts, orders, withdrawals } from '../../src/main/db/schema'
import { refundHoldPosting } from '../../src/main/aftersales/refunds'
import { disputePosting } from '../../src/main/aftersales/disputes'
import type { Contract, Order } from '../../src/main/aftersales/cases'

const OPS = Number(process.env.PAYDESK_FUZZ_OPS ?? 100_000)
const SEED = Number(process.env.PAYDESK_FUZZ_SEED ?? Date.now() % 2 ** 31)

const CURRENCIES = ['CNY', 'VND'] as const
const MERCHANTS = [1, 2, 3]
const CHANNELS = [1, 2]

describe('ledger fuzz', () => {
  it(`${OPS} random operations keep every invariant (seed ${SEED})`, () => {
    const rnd = seededRandom(SEED)
    const db = openDatabase({ path: ':memory:' })
    let now = Date.UTC(2026, 8, 1)
    bootstrapTenant(db, now)
    const clock = { now: () => now }
    const ledger = createLedger(db, { tenantId: 1, clock, timeZone: () => '+08:00' })
    // Merchants and the two contracts the finance flows settle under (the release job reads hold days).
    for (const m of MERCHANTS) db.$client.prepare("insert into merchants (id, tenant_id, name, created_at, updated_at) values (?, 1, ?, 0, 0)").run(m, `Merchant ${m}`)
    const HOLD_DAYS = [0, 2, 7]
    for (const c of [1, 2]) {
      db.$client
        .prepare("insert into contracts (id, tenant_id, merchant_id, name, settlement_currency, reserve_hold_days, valid_from, created_at, updated_at) values (?, 1, 1, ?, 'CNY', ?, '2026-01-01', 0, 0)")
        .run(c, `Contract ${c}`, HOLD_DAYS[c])
    }
    const sqlite = db.$client
    const entriesOf = sqlite.prepare('select account_id as accountId, amount, currency, type, account_kind as kind, merchant_id as merchantId, contract_id as contractId, business_day as day, is_test as isTest from ledger_entries where posting_id = ?')
    const balanceRow = sqlite.prepare('select a.key, a.normal, a.allow_overdraft as overdraft, b.posted_sum as postedSum, b.held_out as heldOut from ledger_balances b join ledger_accounts a on a.id = b.account_id where b.account_id = ?')
    // The settlement report's stored row of a day, contract, merchant, currency and view: one type's sum.
    const dailyRow = (type: number) =>
      sqlite.prepare(`select ${settlementSqlColumn(type as EntryType)} as sum from settlement_daily_rows where tenant_id = 1 and include_test = ? and business_day = ? and contract_id = ? and merchant_id = ? and currency = ?`)

    const modelSums = new Map<number, number>() // account id → sum of its entries
    const modelDaily = new Map<string, number>()
    const pendingKeys: string[] = []
    // After-sales: paid deposits with what they can still give back, refund holds, open disputes.
    const contractsById = new Map<number, Contract>([1, 2].map((id) => [id, { id, feeRatePpm: 20_000 * id, fixedFeeMinor: 100, reserveRatePpm: 50_000, refundFeeMinor: 300, disputeFeeMinor: 1500 } as Contract]))
    const deposits: { order: Order; remaining: number; takenBack: number }[] = []
    const refundHolds = new Map<string, { deposit: (typeof deposits)[number]; amount: number }>()
    const openDisputes: { deposit: (typeof deposits)[number]; disputeNo: string; amountMinor: number; feeMinor: number }[] = []
    const typeSumOf = sqlite.prepare("select coalesce(sum(amount), 0) as n from ledger_entries where txn_id = ? and account_kind = 'merchant_available' and type in (4, 6)")
    const checkTakenBack = (d: (typeof deposits)[number]) => {
      expect(d.remaining, `remaining of ${d.order.orderNo}`).toBeGreaterThanOrEqual(0)
      const taken = -(typeSumOf.get(d.order.txnNo) as { n: number }).n
      expect(taken, `refunds and disputes posted on ${d.order.orderNo}`).toBeLessThanOrEqual(d.order.paidMinor!)
    }
    const afterSales = (op: number) => {
      const kind = deposits.length < 5 ? 0 : rnd.int(0, 3)
      if (kind === 0) {
        const contract = contractsById.get(rnd.int(1, 2))!
        const paid = rnd.int(1_000, 200_000)
        const order = { id: op, orderNo: `D${op}`, txnNo: 9_000_000_000 + op, merchantId: rnd.pick(MERCHANTS), channelId: rnd.pick(CHANNELS), currency: rnd.pick(CURRENCIES), contractId: contract.id, isTest: false, paidMinor: paid } as Order
        const result = ledger.post(depositPaidPosting(order, contract, depositSettlement(paid, contract)))
        deposits.push({ order, remaining: paid, takenBack: 0 })
        return result.postingId
      }
      const deposit = rnd.pick(deposits)
      const fees = contractsById.get(deposit.order.contractId)!
      if (kind === 1 && deposit.remaining > 0) {
        const amountMinor = rnd.int(1, deposit.remaining)
        const refundNo = `R${op}`
        const input = refundHoldPosting(deposit.order, { refundNo, amountMinor, feeMinor: fees.refundFeeMinor })
        ledger.hold(input)
        deposit.remaining -= amountMinor
        refundHolds.set(input.idempotencyKey, { deposit, amount: amountMinor })
        pendingKeys.push(input.idempotencyKey)
        done.push({ kind: 'hold', input, postingId: (sqlite.prepare('select id from ledger_postings where idempotency_key = ?').get(input.idempotencyKey) as { id: number }).id })
        checkAccounts(accountIdsOf(input))
        checkTakenBack(deposit)
        return null
      }
      if (kind === 2 && deposit.remaining > 0) {
        const d = { deposit, disputeNo: `DS${op}`, amountMinor: rnd.int(1, deposit.remaining), feeMinor: fees.disputeFeeMinor }
        const result = ledger.post(disputePosting(deposit.order, d, 'opened'))
        deposit.remaining -= d.amountMinor
        openDisputes.push(d)
        checkTakenBack(deposit)
        return result.postingId
      }
      if (kind === 3 && openDisputes.length > 0) {
        const d = openDisputes.splice(rnd.int(0, openDisputes.length - 1), 1)[0]
        const result = ledger.post(disputePosting(d.deposit.order, d, 'won'))
        d.deposit.remaining += d.amountMinor
        checkTakenBack(d.deposit)
        return result.postingId
      }
      return null
    }
    let afterSalesOps = 0
    const done: { kind: 'post' | 'hold'; input: PostingInput; postingId: number }[] = []
    let refused = 0

    const randomAccount = (currency: string): AccountRef => {
      // Reserve accounts move only through deposits (in) and the release job (out), as in the app.
      const kind = rnd.pick(['merchant_available', 'merchant_available', 'channel', 'channel', 'platform_fee', 'fx', 'suspense'] as const)
      if (kind === 'merchant_available') return { kind, merchantId: rnd.pick(MERCHANTS), currency }
      if (kind === 'channel') return { kind, channelId: rnd.pick(CHANNELS), currency }
      return { kind, currency }
    }
    const normal = (ref: AccountRef) => (ref.kind === 'channel' ? -1 : 1)
    const randomPosting = (key: string): PostingInput => {
      const currency = rnd.pick(CURRENCIES)
      const entries: EntryInput[] = []
      let rawSum = 0
      for (let i = rnd.int(1, 4); i > 0; i--) {
        const account = randomAccount(currency)
        const delta = rnd.int(1, 50_000) * (rnd.chance(0.45) ? -1 : 1)
        entries.push({ account, delta, type: rnd.pick(ENTRY_TYPE_CODES), remark: rnd.chance(0.1) ? 'note' : undefined })
        rawSum += normal(account) * delta
      }
      if (rawSum === 0) entries[0] = { ...entries[0], delta: entries[0].delta + 1 }
      const fixedSum = entries.reduce((s, e) => s + normal(e.account) * e.delta, 0)
      // The balancing leg: a channel or suspense, so fuzz covers both normals.
      const balancing: AccountRef = rnd.chance(0.5) ? { kind: 'suspense', currency } : { kind: 'channel', channelId: rnd.pick(CHANNELS), currency }
      entries.push({ account: balancing, delta: -fixedSum * normal(balancing), type: ENTRY_TYPES.MANUAL_ADJUSTMENT })
      return { idempotencyKey: key, description: 'fuzz', contractId: rnd.int(1, 2), merchantId: null, isTest: rnd.chance(0.1), entries }
    }

    const checkPosting = (postingId: number) => {
      const rows = entriesOf.all(postingId) as { accountId: number; amount: number; currency: string; type: number; kind: string; merchantId: number; contractId: number; day: number; isTest: number }[]
      const perCurrency = new Map<string, number>()
      const touched = new Set<number>()
      const touchedDaily = new Set<string>()
      for (const r of rows) {
        perCurrency.set(r.currency, (perCurrency.get(r.currency) ?? 0) + r.amount)
        modelSums.set(r.accountId, (modelSums.get(r.accountId) ?? 0) + r.amount)
        touched.add(r.accountId)
        if (r.kind === 'merchant_available') {
          // The view with test postings has every entry; the view without them the others.
          for (const view of r.isTest ? [1] : [1, 0]) {
            const k = [r.day, r.contractId, r.merchantId, r.currency, r.type, view].join('|')
            modelDaily.set(k, (modelDaily.get(k) ?? 0) + r.amount)
            touchedDaily.add(k)
          }
        }
      }
      for (const [c, sum] of perCurrency) expect(sum, `posting ${postingId} ${c}`).toBe(0)
      return { touched, touchedDaily }
    }
    const checkAccounts = (ids: Iterable<number>) => {
      for (const id of ids) {
        const b = balanceRow.get(id) as { key: string; normal: number; overdraft: number; postedSum: number; heldOut: number }
        expect(b.postedSum, `balance of ${b.key}`).toBe(modelSums.get(id) ?? 0)
        if (!b.overdraft) expect(b.normal * b.postedSum - b.heldOut, `available of ${b.key}`).toBeGreaterThanOrEqual(0)
      }
    }
    const checkDaily = (keys: Iterable<string>) => {
      for (const k of keys) {
        const [day, contract, merchant, currency, type, view] = k.split('|')
        const row = dailyRow(Number(type)).get(Number(view), Number(day), Number(contract), Number(merchant), currency) as { sum: number } | undefined
        expect(row?.sum, `settlement row ${k}`).toBe(modelDaily.get(k))
      }
    }
    const accountIdsOf = (input: PostingInput) =>
      input.entries.map((e) => (sqlite.prepare('select id from ledger_accounts where key = ?').get(accountKey(e.account)) as { id: number } | undefined)?.id).filter((x): x is number => x !== undefined)

    type FxOrder = typeof orders.$inferSelect
    type FxContract = typeof contracts.$inferSelect
    const rate = () => `${rnd.int(0, 30)}.${String(rnd.int(1, 999_999)).padStart(6, '0')}`
    let txn = 1
    /** A paid deposit through the order engine's posting builder; half in USDT settled in CNY or VND. */
    const depositFlow = (op: number) => {
      const merchantId = rnd.pick(MERCHANTS)
      const contractId = rnd.int(1, 2)
      const fx = rnd.chance(0.5)
      const settlementCurrency = rnd.pick(CURRENCIES)
      const reference = rate()
      const order = {
        orderNo: `D${op}`,
        txnNo: txn++,
        merchantId,
        contractId,
        channelId: rnd.pick(CHANNELS),
        currency: fx ? 'USDT' : settlementCurrency,
        isTest: rnd.chance(0.1),
        settlementCurrency: fx ? settlementCurrency : null,
        fxReferenceRate: fx ? reference : null,
        // The applied rate within ±2 % of the reference, exact (the spread may go either way).
        fxAppliedRate: fx ? new Decimal(reference).times(rnd.int(980, 1020)).dividedBy(1000).toFixed() : null
      } as unknown as FxOrder
      const contract = { id: contractId, settlementCurrency, feeRatePpm: rnd.int(0, 50_000), fixedFeeMinor: rnd.int(0, 500), reserveRatePpm: rnd.pick([0, 50_000, 100_000]) } as unknown as FxContract
      const paid = rnd.int(1, fx ? 5_000_000_000 : 5_000_000)
      const settlement = depositSettlement(paid, contract, order)
      if (settlement.fx) expect(settlement.fx.gross - settlement.fx.applied).toBe(settlement.fx.spread)
      const input = depositPaidPosting(order, contract, settlement)
      return { input, result: ledger.post(input) }
    }
    /** A withdrawal's hold of amount + fee, from what the merchant has available. */
    const withdrawalFlow = (op: number) => {
      const merchantId = rnd.pick(MERCHANTS)
      const currency = rnd.pick(CURRENCIES)
      const available = Number(ledger.balance({ kind: 'merchant_available', merchantId, currency }).available)
      const w = { withdrawalNo: `W${op}`, merchantId, contractId: rnd.int(1, 2), currency, amountMinor: rnd.int(1, Math.max(1, available)), feeMinor: rnd.pick([0, 5, 500]), bankCode: 'ICBC', accountNo: '6222', requestedBy: 1 }
      const input = withdrawalHoldPosting(w as unknown as typeof withdrawals.$inferSelect)
      return { input, result: ledger.hold(input) }
    }
    const releasedSources = new Set<number>()
    let releaseChecks = 0
    const checkReleases = (final = false) => {
      const rows = sqlite.prepare("select id, idempotency_key as k from ledger_postings where idempotency_key like 'reserve-release:%' and id > ?").all(lastRelease) as { id: number; k: string }[]
      // One run may release several deposits into the same accounts: balances are compared after all of them.
      const accounts = new Set<number>()
      const days = new Set<string>()
      for (const r of rows) {
        const source = Number(r.k.split(':')[1])
        expect(releasedSources.has(source), `reserve of posting ${source} released twice`).toBe(false)
        releasedSources.add(source)
        lastRelease = Math.max(lastRelease, r.id)
        const { touched, touchedDaily } = checkPosting(r.id)
        touched.forEach((a) => accounts.add(a))
        touchedDaily.forEach((d) => days.add(d))
      }
      checkAccounts(accounts)
      checkDaily(days)
      // Nothing held in reserve is past its hold days once the job has run (a scan: every tenth time, and at the end).
      if (++releaseChecks % 10 !== 0 && !final) return
      const overdue = sqlite
        .prepare(
          `select count(*) as n from ledger_entries e join ledger_postings p on p.id = e.posting_id join contracts c on c.id = e.contract_id
           where e.account_id in (select id from ledger_accounts where kind = 'merchant_reserve') and e.type = 3 and e.amount > 0 and p.created_at + c.reserve_hold_days * 86400000 <= ?
             and not exists (select 1 from ledger_postings r where r.tenant_id = 1 and r.idempotency_key = 'reserve-release:' || e.posting_id)`
        )
        .get(now) as { n: number }
      expect(overdue.n).toBe(0)
    }
    let lastRelease = 0

    for (let op = 0; op < OPS; op++) {
      now += rnd.int(1, 90) * 60_000
      const flow = rnd.next()
      try {
        if (flow < 0.06) {
          const { input, result } = depositFlow(op)
          done.push({ kind: 'post', input, postingId: result.postingId })
          const { touched, touchedDaily } = checkPosting(result.postingId)
          checkAccounts(touched)
          checkDaily(touchedDaily)
          continue
        }
        if (flow < 0.1) {
          const { input, result } = withdrawalFlow(op)
          pendingKeys.push(input.idempotencyKey)
          done.push({ kind: 'hold', input, postingId: result.postingId })
          checkAccounts(accountIdsOf(input))
          continue
        }
        if (flow < 0.12) {
          now += rnd.int(0, 3) * 86_400_000
          releaseDueReserves({ db, ledger, clock, tenantId: 1 })
          checkReleases()
          continue
        }
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'ledger.insufficient_funds') throw new Error(`op ${op} (seed ${SEED}): ${String(error)}`, { cause: error })
        refused++
        continue
      }
      const roll = rnd.next()
      try {
        if (roll >= 0.72 && roll < 0.8) {
          const postingId = afterSales(op)
          afterSalesOps++
          if (postingId !== null) {
            const { touched, touchedDaily } = checkPosting(postingId)
            checkAccounts(touched)
            checkDaily(touchedDaily)
          }
        } else if (roll < 0.42) {
          const input = randomPosting(`p-${op}`)
          const result = ledger.post(input)
          done.push({ kind: 'post', input, postingId: result.postingId })
          const { touched, touchedDaily } = checkPosting(result.postingId)
          checkAccounts(touched)
          checkDaily(touchedDaily)
        } else if (roll < 0.6) {
          const input = randomPosting(`h-${op}`)
          const result = ledger.hold(input)
          pendingKeys.push(input.idempotencyKey)
          done.push({ kind: 'hold', input, postingId: result.postingId })
          checkAccounts(accountIdsOf(input))
        } else if (roll < 0.72 && pendingKeys.length > 0) {
          const key = pendingKeys.splice(rnd.int(0, pendingKeys.length - 1), 1)[0]
          const refundHold = refundHolds.get(key)
          if (rnd.chance(0.5)) {
            const result = ledger.commitHold(key)
            const { touched, touchedDaily } = checkPosting(result.postingId)
            checkAccounts(touched)
            checkDaily(touchedDaily)
          } else {
            const result = ledger.voidHold(key, 'fuzz')
            // A failed refund gives its amount back to what the order can still refund.
            if (refundHold) refundHold.deposit.remaining += refundHold.amount
            checkAccounts(accountIdsOf(done.find((d) => d.postingId === result.postingId)!.input))
          }
        } else if (done.length > 0) {
          const previous = rnd.pick(done)
          if (rnd.chance(0.5)) {
            const again = previous.kind === 'post' ? ledger.post(previous.input) : ledger.hold(previous.input)
            expect(again.replayed).toBe(true)
            expect(again.postingId).toBe(previous.postingId)
          } else {
            const changed = { ...previous.input, description: `${previous.input.description}!` }
            expect(() => (previous.kind === 'post' ? ledger.post(changed) : ledger.hold(changed))).toThrow(expect.objectContaining({ code: 'ledger.idempotency_conflict' }))
          }
        }
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'ledger.insufficient_funds') throw new Error(`op ${op} (seed ${SEED}): ${String(error)}`, { cause: error })
        refused++
      }
    }

    releaseDueReserves({ db, ledger, clock, tenantId: 1 })
    checkReleases(true)
    expect(releasedSources.size).toBeGreaterThan(0)
    const report = verifyLedger(sqlite)
    expect(report.drifts).toEqual([])
    expect(report.postings).toBeGreaterThan(OPS * 0.3)
    expect(refused).toBeGreaterThan(0)
    expect(afterSalesOps).toBeGreaterThan(OPS * 0.05)
    expect(deposits.length).toBeGreaterThan(0)
    for (const d of deposits) checkTakenBack(d)
  }, 300_000)
})
