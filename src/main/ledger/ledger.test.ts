import { describe, expect, it } from 'vitest'
import { ENTRY_TYPES } from '../../shared/ledger'
import { openDatabase } from '../db/open'
import { transact } from '../db/transaction'
import { bootstrapTenant } from '../app/bootstrap'
import { AppError } from '../core/errors'
import { createLedger } from './ledger'
import type { AccountRef, PostingInput } from './types'
import { verifyLedger } from './verify'

const T = ENTRY_TYPES
const merchant = (currency = 'CNY'): AccountRef => ({ kind: 'merchant_available', merchantId: 7, currency })
const reserve: AccountRef = { kind: 'merchant_reserve', merchantId: 7, currency: 'CNY' }
const channel: AccountRef = { kind: 'channel', channelId: 3, currency: 'CNY' }
const fees: AccountRef = { kind: 'platform_fee', currency: 'CNY' }
const suspense: AccountRef = { kind: 'suspense', currency: 'CNY' }

function setup() {
  const db = openDatabase({ path: ':memory:' })
  let now = Date.UTC(2026, 10, 21, 15, 30)
  bootstrapTenant(db, now)
  const clock = { now: () => now }
  const ledger = createLedger(db, { tenantId: 1, clock, timeZone: () => '+08:00' })
  return { db, ledger, setNow: (t: number) => (now = t) }
}

/** A paid deposit of 1000.00 with a 2 % fee, 1.00 fixed fee and a 10 % reserve. */
const deposit = (key: string): PostingInput => ({
  idempotencyKey: key,
  description: 'Deposit D1 paid',
  merchantId: 7,
  contractId: 11,
  txnId: 2026112200001,
  entries: [
    { account: channel, delta: 100000 },
    { account: merchant(), delta: 100000, type: T.ORDER_PAYMENT },
    { account: merchant(), delta: -2000, type: T.TRANSACTION_FEE },
    { account: fees, delta: 2000, type: T.TRANSACTION_FEE },
    { account: merchant(), delta: -100, type: T.PROCESSING_FEE },
    { account: fees, delta: 100, type: T.PROCESSING_FEE },
    { account: merchant(), delta: -10000, type: T.RESERVE },
    { account: reserve, delta: 10000, type: T.RESERVE }
  ]
})

describe('ledger core', () => {
  it('posts a deposit: balances, entries and the settlement rows move together', () => {
    const { db, ledger } = setup()
    const result = ledger.post(deposit('dep-1'))
    expect(result).toMatchObject({ status: 'posted', replayed: false, txnId: 2026112200001 })
    expect(ledger.balance(merchant())).toMatchObject({ posted: 87900n, available: 87900n })
    expect(ledger.balance(channel).posted).toBe(100000n)
    expect(ledger.balance(reserve).posted).toBe(10000n)
    expect(ledger.balance(fees).posted).toBe(2100n)
    const columns = 'business_day as day, order_pay as orderPay, order_pay_count as orderPayCount, order_fee as orderFee, fixed_fee as fixedFee, deposit, deposit_count as depositCount, refund'
    // 15:30 UTC is 23:30 in +08:00: still the 21st. A live posting counts in both views.
    const expected = { day: 20261121, orderPay: 100000, orderPayCount: 1, orderFee: -2000, fixedFee: -100, deposit: -10000, depositCount: 1, refund: 0 }
    expect(db.$client.prepare(`select include_test as view, contract_id as contract, merchant_id as merchant, ${columns} from settlement_daily_rows order by view`).all()).toEqual([
      { view: 0, contract: 11, merchant: 7, ...expected },
      { view: 1, contract: 11, merchant: 7, ...expected }
    ])
    expect(db.$client.prepare(`select include_test as view, currency, ${columns} from settlement_daily_totals order by view`).all()).toEqual([
      { view: 0, currency: 'CNY', ...expected },
      { view: 1, currency: 'CNY', ...expected }
    ])
    expect(verifyLedger(db.$client).drifts).toEqual([])
  })

  it('replaying a key with the same content returns the first posting; other content is a 409', () => {
    const { db, ledger } = setup()
    const first = ledger.post(deposit('dep-1'))
    expect(ledger.post(deposit('dep-1'))).toEqual({ ...first, replayed: true })
    const changed = deposit('dep-1')
    changed.entries[0] = { account: channel, delta: 100001 }
    changed.entries[1] = { account: merchant(), delta: 100001, type: T.ORDER_PAYMENT }
    expect(() => ledger.post(changed)).toThrow(expect.objectContaining({ kind: 'conflict', code: 'ledger.idempotency_conflict' }))
    expect(ledger.balance(merchant()).posted).toBe(87900n)
    expect(verifyLedger(db.$client).drifts).toEqual([])
  })

  it('refuses unbalanced postings, merchant entries without a type or contract, and zero amounts', () => {
    const { ledger } = setup()
    const base = { idempotencyKey: 'x', description: 'x', contractId: 11 }
    expect(() => ledger.post({ ...base, entries: [{ account: channel, delta: 5 }, { account: merchant(), delta: 4, type: T.ORDER_PAYMENT }] })).toThrow('do not balance')
    expect(() => ledger.post({ ...base, entries: [{ account: channel, delta: 5 }, { account: merchant(), delta: 5 }] })).toThrow('entries.1.type')
    expect(() => ledger.post({ ...base, contractId: null, entries: [{ account: channel, delta: 5 }, { account: merchant(), delta: 5, type: 0 }] })).toThrow('contractId')
    expect(() => ledger.post({ ...base, entries: [{ account: channel, delta: 0 }, { account: suspense, delta: 0 }] })).toThrow('non-zero')
  })

  it('never lets a non-overdraft account go negative; suspense may', () => {
    const { db, ledger } = setup()
    ledger.post(deposit('dep-1'))
    const payout = (key: string, amount: number): PostingInput => ({
      idempotencyKey: key,
      description: 'manual',
      contractId: 11,
      entries: [
        { account: merchant(), delta: -amount, type: T.MANUAL_ADJUSTMENT },
        { account: suspense, delta: amount }
      ]
    })
    expect(() => ledger.post(payout('too-much', 87901))).toThrow(expect.objectContaining({ kind: 'limit', code: 'ledger.insufficient_funds' }))
    ledger.post(payout('exact', 87900))
    expect(ledger.balance(merchant()).posted).toBe(0n)
    // A channel correction downwards books against suspense, which may go below zero …
    ledger.post({ idempotencyKey: 'correction', description: 'correction', entries: [{ account: channel, delta: -100000 }, { account: suspense, delta: -100000 }] })
    expect(ledger.balance(suspense).posted).toBe(87900n - 100000n)
    expect(ledger.balance(channel).posted).toBe(0n)
    // … while the channel itself may not.
    expect(() => ledger.post({ idempotencyKey: 'below', description: 'x', entries: [{ account: channel, delta: -1 }, { account: suspense, delta: -1 }] })).toThrow('Not enough in channel balance: 0.00 CNY available, 0.01 CNY needed')
    expect(verifyLedger(db.$client).drifts).toEqual([])
  })

  it('a posting given leave takes only the accounts it names below zero, records by how much, and the self-check accepts no more', () => {
    const { db, ledger } = setup()
    ledger.post(deposit('dep-1'))
    // 879.00 available: a chargeback of 900.00 + 15.00 fee, the provider having taken it back.
    const chargeback = (key: string, amount: number): PostingInput => ({
      idempotencyKey: key,
      description: 'chargeback',
      contractId: 11,
      entries: [
        { account: merchant(), delta: -amount, type: T.DISPUTE },
        { account: channel, delta: -amount, type: T.DISPUTE },
        { account: merchant(), delta: -1500, type: T.DISPUTE_FEE },
        { account: fees, delta: 1500, type: T.DISPUTE_FEE }
      ]
    })
    expect(() => ledger.post(chargeback('cb-1', 90000))).toThrow(expect.objectContaining({ code: 'ledger.insufficient_funds' }))
    // Leave for the channel alone does not let the merchant go below zero.
    expect(() => ledger.post(chargeback('cb-1', 90000), { mayOverdraw: [channel] })).toThrow(expect.objectContaining({ code: 'ledger.insufficient_funds' }))
    const posted = ledger.post(chargeback('cb-1', 90000), { mayOverdraw: [merchant(), channel] })
    expect(posted.overdrafts).toEqual([{ account: merchant(), availableBefore: 87900n, shortBy: 3600n, availableAfter: -3600n }])
    expect(ledger.balance(merchant()).available).toBe(-3600n)
    // Already below zero: the whole of the next one is short.
    const second = ledger.post(chargeback('cb-2', 1000), { mayOverdraw: [merchant(), channel] })
    expect(second.overdrafts).toEqual([{ account: merchant(), availableBefore: -3600n, shortBy: 2500n, availableAfter: -6100n }])
    expect(ledger.post(chargeback('cb-2', 1000), { mayOverdraw: [merchant(), channel] })).toEqual({ postingId: second.postingId, txnId: second.txnId, status: 'posted', replayed: true })
    // Without leave nothing takes it lower, not even a cent, and a hold is refused too.
    const manual = (key: string, amount: number): PostingInput => ({ idempotencyKey: key, description: 'manual', contractId: 11, entries: [{ account: merchant(), delta: -amount, type: T.MANUAL_ADJUSTMENT }, { account: suspense, delta: amount }] })
    expect(() => ledger.post(manual('m-1', 1))).toThrow(expect.objectContaining({ code: 'ledger.insufficient_funds' }))
    expect(() => ledger.hold(manual('h-1', 1))).toThrow(expect.objectContaining({ code: 'ledger.insufficient_funds' }))
    // Money in pays the debt down; every posting still sums to zero.
    ledger.post(manual('m-2', -6100))
    expect(ledger.balance(merchant()).available).toBe(0n)
    expect(db.$client.prepare('select count(*) as n, sum(short_by) as owed from ledger_overdrafts').get()).toEqual({ n: 2, owed: 6100 })
    expect(db.$client.prepare('select sum(amount) as total from ledger_entries').get()).toEqual({ total: 0 })
    expect(verifyLedger(db.$client).drifts).toEqual([])
    // Below zero by more than the recorded overdrafts allow: drift.
    db.$client.prepare("update ledger_balances set posted_sum = posted_sum - 6101 where account_id = (select id from ledger_accounts where kind = 'merchant_available')").run()
    db.$client.prepare("update ledger_balances set posted_sum = posted_sum + 6101 where account_id = (select id from ledger_accounts where kind = 'suspense')").run()
    expect(verifyLedger(db.$client).drifts.filter((d) => d.what === 'negative_balance')).toEqual([{ what: 'negative_balance', detail: 'account merchant_available:7:CNY has -6101 available, below the -6100 its recorded overdrafts allow' }])
  })

  it('holds reduce what is available, then post or void', () => {
    const { db, ledger } = setup()
    ledger.post(deposit('dep-1'))
    const payoutHold = (key: string): PostingInput => ({
      idempotencyKey: key,
      description: 'Payout P1',
      contractId: 11,
      entries: [
        { account: merchant(), delta: -50000, type: T.WITHDRAWAL, remark: 'P1' },
        { account: merchant(), delta: -500, type: T.WITHDRAWAL_FEE, remark: 'P1' },
        { account: channel, delta: -50000 },
        { account: fees, delta: 500 }
      ]
    })
    ledger.hold(payoutHold('p1'))
    expect(ledger.balance(merchant())).toMatchObject({ posted: 87900n, available: 37400n, heldOut: 50500n })
    expect(ledger.balance(channel)).toMatchObject({ posted: 100000n, available: 50000n })
    expect(() => ledger.hold({ ...payoutHold('p2'), idempotencyKey: 'p2' })).toThrow('Not enough in available balance: 374.00 CNY available, 505.00 CNY needed')
    expect(ledger.commitHold('p1')).toMatchObject({ status: 'posted', replayed: false })
    expect(ledger.commitHold('p1')).toMatchObject({ status: 'posted', replayed: true })
    expect(ledger.balance(merchant())).toMatchObject({ posted: 37400n, available: 37400n, heldOut: 0n })
    expect(() => ledger.voidHold('p1', 'late')).toThrow(expect.objectContaining({ code: 'ledger.hold_posted' }))

    ledger.hold({ ...payoutHold('p3'), idempotencyKey: 'p3', entries: payoutHold('p3').entries.map((e) => ({ ...e, delta: e.delta / 10 })) })
    ledger.voidHold('p3', 'provider declined')
    expect(ledger.balance(merchant())).toMatchObject({ posted: 37400n, available: 37400n, heldOut: 0n })
    expect(() => ledger.commitHold('p3')).toThrow(expect.objectContaining({ code: 'ledger.hold_voided' }))
    expect(() => ledger.commitHold('nope')).toThrow(AppError)
    expect(verifyLedger(db.$client).drifts).toEqual([])
  })

  it('a refused posting inside a caller’s transaction leaves nothing behind, even if the caller goes on', () => {
    const { db, ledger } = setup()
    transact(db, () => {
      ledger.post(deposit('dep-1'))
      expect(() =>
        ledger.post({
          idempotencyKey: 'overdraw',
          description: 'x',
          contractId: 11,
          entries: [
            { account: { kind: 'channel', channelId: 99, currency: 'THB' }, delta: 1 },
            { account: { kind: 'merchant_available', merchantId: 99, currency: 'THB' }, delta: 1, type: 0 },
            { account: merchant(), delta: -999999999, type: 99 },
            { account: suspense, delta: 999999999 }
          ]
        })
      ).toThrow('Not enough in available balance: 879.00 CNY available, 9,999,999.99 CNY needed')
    })
    const keys = (db.$client.prepare('select key from ledger_accounts order by key').all() as { key: string }[]).map((r) => r.key)
    expect(keys).not.toContain('channel:99:THB')
    expect(db.$client.prepare("select count(*) as n from ledger_postings where idempotency_key = 'overdraw'").get()).toEqual({ n: 0 })
    expect(verifyLedger(db.$client).drifts).toEqual([])
  })

  it('verify names drift when a balance is edited behind the ledger’s back', () => {
    const { db, ledger } = setup()
    ledger.post(deposit('dep-1'))
    db.$client.prepare('update ledger_balances set posted_sum = posted_sum + 1 where account_id = 1').run()
    db.$client.prepare('update settlement_daily_rows set order_pay = 0 where include_test = 1').run()
    const drifts = verifyLedger(db.$client).drifts
    expect(drifts.map((d) => d.what).sort()).toEqual(['balance', 'daily_summary'])
  })

  it('a day total counts its list rows, once per contract, and verify names a count edited behind its back', () => {
    const { db, ledger } = setup()
    const listRows = () => db.$client.prepare('select include_test as view, list_rows as n from settlement_daily_totals order by view').all()
    ledger.post(deposit('dep-1'))
    ledger.post(deposit('dep-2'))
    expect(listRows()).toEqual([
      { view: 0, n: 1 },
      { view: 1, n: 1 }
    ])
    ledger.post({ ...deposit('dep-3'), contractId: 12 })
    expect(listRows()).toEqual([
      { view: 0, n: 2 },
      { view: 1, n: 2 }
    ])
    expect(verifyLedger(db.$client).drifts).toEqual([])
    db.$client.prepare('update settlement_daily_totals set list_rows = 5 where include_test = 1').run()
    expect(verifyLedger(db.$client).drifts).toEqual([{ what: 'daily_summary', detail: 'settlement day total 20261121 CNY (with tests): counts 5 list rows, the rows table has 2' }])
  })

  it('counts a test posting only in the view with tests, and verify names drift in the day totals', () => {
    const { db, ledger } = setup()
    ledger.post(deposit('dep-1'))
    ledger.post({ ...deposit('dep-2'), isTest: true })
    const views = db.$client.prepare('select include_test as view, order_pay as orderPay, order_pay_count as n from settlement_daily_totals order by view').all()
    expect(views).toEqual([
      { view: 0, orderPay: 100000, n: 1 },
      { view: 1, orderPay: 200000, n: 2 }
    ])
    expect(verifyLedger(db.$client).drifts).toEqual([])
    db.$client.prepare('update settlement_daily_totals set order_pay_count = order_pay_count + 1 where include_test = 0').run()
    const drifts = verifyLedger(db.$client).drifts
    expect(drifts).toHaveLength(1)
    expect(drifts[0].detail).toBe('settlement day total 20261121 CNY (without tests): order_pay_count stored 2, entries 1')
  })
})

describe('a rehearsal (postings on a field test twin channel)', () => {
  const twin: AccountRef = { kind: 'channel', channelId: 99, currency: 'CNY' }
  function rehearsing() {
    const db = openDatabase({ path: ':memory:' })
    bootstrapTenant(db, Date.UTC(2026, 10, 21, 15, 30))
    const ledger = createLedger(db, { tenantId: 1, clock: { now: () => Date.UTC(2026, 10, 21, 15, 30) }, timeZone: () => '+08:00', isRehearsalChannel: (id) => id === 99 })
    return { db, ledger }
  }
  const onTwin = (p: PostingInput): PostingInput => ({ ...p, entries: p.entries.map((e) => (e.account.kind === 'channel' ? { ...e, account: twin } : e)) })
  const balances = (ledger: ReturnType<typeof rehearsing>['ledger']) => [merchant(), reserve, fees, twin].map((a) => ledger.balance(a)).map((b) => [b.posted, b.available])

  it('books and reverses a deposit at once: no balance moves, both postings stay on the record', () => {
    const { db, ledger } = rehearsing()
    ledger.post(onTwin(deposit('rehearsed')))
    expect(balances(ledger)).toEqual([[0n, 0n], [0n, 0n], [0n, 0n], [0n, 0n]])
    const postings = db.$client.prepare('select idempotency_key as key from ledger_postings order by id').pluck().all()
    expect(postings).toEqual(['rehearsed', 'rehearsed:reversed'])
    expect(verifyLedger(db.$client).drifts).toEqual([])
  })

  it('holds a payout on the twin only: the merchant’s real balance stays free while it waits, and nothing moves when it is paid', () => {
    const { ledger } = rehearsing()
    ledger.post(deposit('live'))
    const before = ledger.balance(merchant())
    const payout: PostingInput = {
      idempotencyKey: 'rehearsed-payout',
      description: 'Payout P9',
      contractId: 11,
      entries: [
        { account: merchant(), delta: -50000, type: T.WITHDRAWAL, remark: 'P9' },
        { account: merchant(), delta: -500, type: T.WITHDRAWAL_FEE, remark: 'P9' },
        { account: twin, delta: -50000 },
        { account: fees, delta: 500 }
      ]
    }
    ledger.hold(payout)
    expect(ledger.balance(merchant())).toEqual(before)
    ledger.commitHold('rehearsed-payout')
    expect(ledger.balance(merchant())).toEqual(before)
    expect(ledger.balance(twin)).toMatchObject({ posted: 0n, available: 0n, heldOut: 0n })
  })
})
