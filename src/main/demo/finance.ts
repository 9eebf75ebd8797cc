/**
 * The demo's finance history, made by the same procedures as the screens, at past times with the
 * history's clock: weekly USDT→THB rates (the Thai merchant's USDT deposits settle in THB), and at
 * the end of each day of history the reserve releases that fell due, merchant withdrawals (paid,
 * rejected, failed; the last ones left pending review or approved) and manual adjustments requested
 * by one user and approved (or rejected, or left pending) by another.
 */
import { eq } from 'drizzle-orm'
import { contract, type ProcedureName } from '../../shared/contract'
import { fromMinor } from '../../shared/money'
import { ALL_PERMISSION_CODES } from '../../shared/permissions'
import { BANKS, bankCountryOf } from '../../shared/reference'
import { users } from '../db/schema'
import type { Actor, Clock } from '../core/context'
import { AppError } from '../core/errors'
import type { Handler } from '../core/registry'
import { releaseDueReserves } from '../finance/reserve'
import { isoDay } from '../reports/bounds'
import { businessDayFn } from '../ledger/business-day'
import { tenantZone } from '../core/tenant'
import type { HistoryDeps } from './orders'
import type { DemoMasterData } from './master-data'
import { seeded } from './random'

const DAY = 86_400_000
const HOUR = 3_600_000

/** Withdrawals of the merchants whose currency has a bank list, each every `every` days. */
const WITHDRAWERS = [
  { market: 'cn', every: 11, holder: 'Golden Dragon Trading Co., Ltd.', requester: 'demo.ops' },
  { market: 'th', every: 9, holder: 'Siam Lotus Retail Co., Ltd.', requester: 'demo.merchant' },
  { market: 'vn', every: 13, holder: 'Cong ty Saigon Lotus Foods', requester: 'demo.ops' },
  { market: 'id', every: 14, holder: 'PT Nusantara Digital', requester: 'demo.ops' },
  { market: 'br', every: 10, holder: 'Rio Verde Comercio Ltda', requester: 'demo.ops' }
] as const

const ADJUSTMENTS = [
  { market: 'cn', amount: '-120.00', reason: 'Chargeback handling fee recovered from the merchant' },
  { market: 'th', amount: '350.00', reason: 'Goodwill credit: duplicate processing fee refunded' },
  { market: 'br', amount: '-15.40', reason: 'Bank charge on a returned PIX transfer passed on' },
  { market: 'vn', amount: '25000', reason: 'Rounding correction on the monthly statement' }
] as const

export interface DemoFinance {
  /** Weekly rates covering the history and the days after it; made before any order. */
  createRates(): void
  /** The end of one day of history. */
  afterDay(dayStart: number, daysAgo: number): void
}

export function demoFinance(core: HistoryDeps & { tenantId: number }, ids: DemoMasterData, days: number): DemoFinance {
  const rnd = seeded(20261123)
  const actor = (username: string): Actor => {
    const user = core.db.select().from(users).where(eq(users.username, username)).get()
    if (!user) throw new Error(`${username} is missing`)
    return { userId: user.id, username: user.username, displayName: user.displayName, merchantId: user.merchantId, permissions: new Set<number>(ALL_PERMISSION_CODES), sessionId: 'demo-history' }
  }
  const people = { ops: actor('demo.ops'), finance: actor('demo.finance'), admin: actor('demo.admin'), merchant: actor('demo.merchant') }
  const byName: Record<string, Actor> = { 'demo.ops': people.ops, 'demo.merchant': people.merchant }
  /** Runs a procedure's implementation with its parsed input, as `who`, at `at`. */
  function run<N extends ProcedureName>(name: N, who: Actor, at: number, input: unknown) {
    const clock: Clock = { now: () => at }
    const ctx = core.registry.contextFor(name, who, clock)
    return (core.procedures[name] as Handler<ProcedureName>)(ctx, contract[name].input.parse(input) as never) as never
  }
  const today = core.clock.now()
  const zone = tenantZone(core.db, core.tenantId)
  const dayText = (ms: number) => isoDay(businessDayFn(zone)(ms))
  let withdrawalCount = 0
  let adjustmentCount = 0

  function withdraw(spec: (typeof WITHDRAWERS)[number], at: number, daysAgo: number): void {
    const merchantId = ids.merchantIds[spec.market as keyof typeof ids.merchantIds]
    const currency = ['CNY', 'THB', 'VND', 'IDR', 'BRL'][['cn', 'th', 'vn', 'id', 'br'].indexOf(spec.market)]
    // The demo's balances are far below 2^53.
    const available = Number(core.ledger.balance({ kind: 'merchant_available', merchantId, currency }).available)
    const share = Math.floor((available * (0.2 + rnd.next() * 0.3)) / 100) * 100
    if (share <= 0) return
    const bank = rnd.pick(BANKS[bankCountryOf(currency)!])
    let requested: { id: number }
    try {
      requested = run('withdrawals.request', byName[spec.requester], at, {
        merchantId,
        currency,
        amount: fromMinor(share, currency),
        bankCode: bank.code,
        accountNo: String(rnd.int(10_000_000, 99_999_999)) + String(rnd.int(1000, 9999)),
        holderName: spec.holder,
        note: 'Scheduled settlement to the corporate account',
        requestKey: `demo-withdrawal-${spec.market}-${daysAgo}`
      })
    } catch (error) {
      // The fee may not fit a small balance: that withdrawal is simply not made.
      if (error instanceof AppError && error.kind === 'limit') return
      throw error
    }
    const k = withdrawalCount++
    // The most recent ones wait for the finance team: one pending review, one approved.
    if (daysAgo <= 4) {
      if (k % 2 === 1) run('withdrawals.review', people.finance, at + HOUR, { id: requested.id, decision: 'approve' })
      return
    }
    if (k % 7 === 3) {
      run('withdrawals.review', people.finance, at + HOUR, { id: requested.id, decision: 'reject', note: 'The account holder does not match the merchant on file' })
      return
    }
    run('withdrawals.review', people.finance, at + HOUR, { id: requested.id, decision: 'approve' })
    if (k % 7 === 5) {
      run('withdrawals.complete', people.finance, at + 3 * HOUR, { id: requested.id, outcome: 'failed', reason: 'Returned by the beneficiary bank: account closed' })
    } else {
      run('withdrawals.complete', people.finance, at + 3 * HOUR, { id: requested.id, outcome: 'paid', bankReference: `TRF${dayText(at).replaceAll('-', '')}${String(k).padStart(4, '0')}` })
    }
  }

  function adjust(at: number, daysAgo: number): void {
    const spec = ADJUSTMENTS[adjustmentCount % ADJUSTMENTS.length]
    const market = spec.market as keyof typeof ids.merchantIds
    const currency = { cn: 'CNY', th: 'THB', br: 'BRL', vn: 'VND' }[spec.market]
    const requested: { id: number } = run('adjustments.request', people.admin, at, {
      merchantId: ids.merchantIds[market],
      contractId: ids.contractIds[market],
      currency,
      amount: spec.amount,
      reason: spec.reason,
      requestKey: `demo-adjustment-${daysAgo}`
    })
    const k = adjustmentCount++
    if (daysAgo <= 10) return // left for the finance team to approve
    if (k === 2) run('adjustments.decide', people.finance, at + 2 * HOUR, { id: requested.id, decision: 'reject', note: 'Already corrected on the provider statement' })
    else run('adjustments.decide', people.finance, at + 2 * HOUR, { id: requested.id, decision: 'approve', note: 'Checked against the ticket' })
  }

  return {
    createRates() {
      const first = today - (days + 1) * DAY
      for (let week = 0; week * 7 <= days + 14; week++) {
        const from = first + week * 7 * DAY
        const reference = (36.2 + rnd.next() * 0.8).toFixed(4)
        // The coming weeks' rates are entered now, in advance: nothing is written with a time still to come.
        run('fx.create', people.finance, Math.min(from - HOUR, today), {
          baseCurrency: 'USDT',
          quoteCurrency: 'THB',
          referenceRate: reference,
          markupPercent: '0.8',
          validFrom: dayText(from),
          validTo: dayText(from + 6 * DAY),
          note: 'Weekly desk rate (demo)'
        })
      }
    },
    afterDay(dayStart, daysAgo) {
      const at = dayStart + 22 * HOUR
      releaseDueReserves({ db: core.db, ledger: core.ledger, tenantId: core.tenantId, clock: { now: () => at } })
      for (const spec of WITHDRAWERS) if (daysAgo % spec.every === 0 || daysAgo === 2) withdraw(spec, at + WITHDRAWERS.indexOf(spec) * 60_000, daysAgo)
      if (daysAgo % 12 === 5) adjust(at + 30 * 60_000, daysAgo)
    }
  }
}
