/**
 * Random ledger operations (postings, holds, commits, voids, replays with the same and with
 * different content) against a model kept in plain maps. After EVERY operation: the posting sums
 * to zero per currency, each touched balance equals the sum of its entries (and the model),
 * no non-overdraft account is negative, and each touched daily summary equals the sum of its
 * entries. At the end, the full self-check. PAYDESK_FUZZ_OPS and PAYDESK_FUZZ_SEED override.
 * After-sales flows run through the same posting builders as the app: deposits paid, refunds held
 * then posted or released, disputes opened and won; an order's refunds and disputes never exceed
 * what was paid, and what its merchant entries of types 4 and 6 took never exceeds it either.
 */
import { describe, expect, it } from 'vitest'
import { ENTRY_TYPE_CODES, ENTRY_TYPES } from '../../src/shared/ledger'
import { openDatabase } from '../../src/main/db/open'
import { bootstrapTenant } from '../../src/main/core/bootstrap'
import { AppError } from '../../src/main/core/errors'
import { createLedger } from '../../src/main/ledger/ledger'
import { accountKey, type AccountRef, type EntryInput, type PostingInput } from '../../src/main/ledger/types'
import { verifyLedger } from '../../src/main/ledger/verify'
import { seededRandom } from '../support/random'
import { depositPaidPosting, depositSettlement } from '../../src/main/orders/settlement'
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
    const ledger = createLedger(db, { tenantId: 1, clock: { now: () => now }, timeZone: () => '+08:00' })
    const sqlite = db.$client
    const entriesOf = sqlite.prepare('select account_id as accountId, amount, currency, type, account_kind as kind, merchant_id as merchantId, contract_id as contractId, business_day as day, is_test as isTest from ledger_entries where posting_id = ?')
    const balanceRow = sqlite.prepare('select a.key, a.normal, a.allow_overdraft as overdraft, b.posted_sum as postedSum, b.held_out as heldOut from ledger_balances b join ledger_accounts a on a.id = b.account_id where b.account_id = ?')
    const dailyRow = sqlite.prepare('select amount_sum as sum from ledger_daily_summaries where business_day = ? and tenant_id = 1 and contract_id = ? and merchant_id = ? and currency = ? and type = ? and is_test = ?')

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
      const kind = rnd.pick(['merchant_available', 'merchant_available', 'merchant_reserve', 'channel', 'channel', 'platform_fee', 'fx', 'suspense'] as const)
      if (kind === 'merchant_available' || kind === 'merchant_reserve') return { kind, merchantId: rnd.pick(MERCHANTS), currency }
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
          const k = [r.day, r.contractId, r.merchantId, r.currency, r.type, r.isTest].join('|')
          modelDaily.set(k, (modelDaily.get(k) ?? 0) + r.amount)
          touchedDaily.add(k)
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
        const [day, contract, merchant, currency, type, isTest] = k.split('|')
        const row = dailyRow.get(Number(day), Number(contract), Number(merchant), currency, Number(type), Number(isTest)) as { sum: number } | undefined
        expect(row?.sum, `daily summary ${k}`).toBe(modelDaily.get(k))
      }
    }
    const accountIdsOf = (input: PostingInput) =>
      input.entries.map((e) => (sqlite.prepare('select id from ledger_accounts where key = ?').get(accountKey(e.account)) as { id: number } | undefined)?.id).filter((x): x is number => x !== undefined)

    for (let op = 0; op < OPS; op++) {
      now += rnd.int(1, 90) * 60_000
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

    const report = verifyLedger(sqlite)
    expect(report.drifts).toEqual([])
    expect(report.postings).toBeGreaterThan(OPS * 0.3)
    expect(refused).toBeGreaterThan(0)
    expect(afterSalesOps).toBeGreaterThan(OPS * 0.05)
    expect(deposits.length).toBeGreaterThan(0)
    for (const d of deposits) checkTakenBack(d)
  }, 300_000)
})
