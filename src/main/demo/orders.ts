/**
 * Demo order history: the 90 days up to today, across every merchant, service and channel. Each
 * order is created by the same code as the Create Deposit/Payout pages (`createOrder`) and given
 * its outcome by the same code as a provider callback or a manual decision (`finish`, `close`),
 * at its own past time, so the ledger, the statistics and the timelines are real. The provider
 * exchange itself is not replayed for history (its outbox row is marked as such).
 */
import { and, eq } from 'drizzle-orm'
import type { ParsedInputOf } from '../../shared/contract'
import { ALL_PERMISSION_CODES } from '../../shared/permissions'
import { BANKS } from '../../shared/reference'
import { say } from '../../shared/server-text'
import { outbox, users } from '../db/schema'
import { transact } from '../db/transaction'
import type { Clock } from '../core/context'
import type { Handlers, Registry } from '../core/registry'
import type { Db } from '../db/open'
import type { Ledger } from '../ledger/ledger'
import { AppError } from '../core/errors'
import { createOrder } from '../orders/create'
import { close, finish, loadOrder } from '../orders/outcome'
import { addEvent } from '../orders/timeline'
import { seeded } from './random'

const DAY = 86_400_000

interface Lane {
  market: string
  serviceRef: string
  channelRef: string
  direction: 'deposit' | 'payout'
  /** Typical amounts in major units. */
  min: number
  max: number
  perDay: number
}

const LANES: Lane[] = [
  { market: 'cn', serviceRef: 'cn-card-in', channelRef: 'cn-a', direction: 'deposit', min: 500, max: 8000, perDay: 0.8 },
  { market: 'cn', serviceRef: 'cn-card-in', channelRef: 'cn-b', direction: 'deposit', min: 500, max: 15000, perDay: 0.3 },
  { market: 'cn', serviceRef: 'cn-wallet-in', channelRef: 'cn-wallet', direction: 'deposit', min: 100, max: 3000, perDay: 0.5 },
  { market: 'cn', serviceRef: 'cn-card-out', channelRef: 'cn-a', direction: 'payout', min: 200, max: 3000, perDay: 0.3 },
  { market: 'th', serviceRef: 'th-in', channelRef: 'th-kbank', direction: 'deposit', min: 300, max: 20000, perDay: 0.8 },
  { market: 'th', serviceRef: 'th-out', channelRef: 'th-scb', direction: 'payout', min: 1000, max: 10000, perDay: 0.3 },
  // FX: USDT deposits of the Thai merchant, whose only contract settles in THB (demo/finance.ts keeps the rates).
  { market: 'th', serviceRef: 'th-usdt-in', channelRef: 'usdt-trc20', direction: 'deposit', min: 50, max: 3000, perDay: 0.4 },
  { market: 'vn', serviceRef: 'vn-in', channelRef: 'vn-napas', direction: 'deposit', min: 100_000, max: 5_000_000, perDay: 0.8 },
  { market: 'vn', serviceRef: 'vn-out', channelRef: 'vn-napas', direction: 'payout', min: 200_000, max: 2_000_000, perDay: 0.3 },
  { market: 'id', serviceRef: 'id-in', channelRef: 'id-va', direction: 'deposit', min: 50_000, max: 2_000_000, perDay: 0.8 },
  { market: 'id', serviceRef: 'id-out', channelRef: 'id-va', direction: 'payout', min: 100_000, max: 1_000_000, perDay: 0.3 },
  { market: 'br', serviceRef: 'br-in', channelRef: 'br-pix', direction: 'deposit', min: 20, max: 2000, perDay: 0.8 },
  { market: 'br', serviceRef: 'br-out', channelRef: 'br-pix', direction: 'payout', min: 50, max: 1000, perDay: 0.3 },
  { market: 'usdt', serviceRef: 'usdt-in', channelRef: 'usdt-trc20', direction: 'deposit', min: 50, max: 5000, perDay: 0.5 },
  { market: 'usdt', serviceRef: 'usdt-out', channelRef: 'usdt-trc20', direction: 'payout', min: 100, max: 2000, perDay: 0.3 }
]

const NAMES: Record<string, string[]> = {
  cn: ['Li Wei', 'Wang Fang', 'Zhang Min', 'Chen Jing', 'Liu Yang'],
  th: ['Somchai Prasert', 'Suda Wongsa', 'Anan Chaiyaporn', 'Malee Srisuk'],
  vn: ['Nguyen Van An', 'Tran Thi Binh', 'Le Van Cuong', 'Pham Thi Dung'],
  id: ['Budi Santoso', 'Siti Rahayu', 'Agus Wijaya', 'Dewi Lestari'],
  br: ['Ana Souza', 'Bruno Lima', 'Carla Pereira', 'Diego Alves'],
  usdt: ['Daniel Ho', 'Grace Lam', 'Kevin Ng']
}

const TRON = 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb'
const CPF = ['52998224725', '11144477735', '39053344705']

function fieldsFor(lane: Lane, pick: <T>(items: readonly T[]) => T, n: () => number): Record<string, string> {
  const name = pick(NAMES[lane.market])
  const digits = (len: number) => Array.from({ length: len }, () => String(Math.floor(n() * 10))).join('')
  const bankOf = (country: keyof typeof BANKS) => pick(BANKS[country]).code
  if (lane.direction === 'deposit') {
    switch (lane.market) {
      case 'cn':
        return lane.serviceRef === 'cn-wallet-in' ? { payerName: name } : { payerName: name, cardNumber: `6222${digits(15)}`, remarkCode: `R${digits(5)}` }
      case 'th':
        return lane.serviceRef === 'th-usdt-in' ? {} : { payerName: name, cardNumber: digits(10), bankCode: bankOf('TH') }
      case 'vn':
        return { payerName: name, bankCode: bankOf('VN') }
      case 'id':
        return { payerName: name, bankCode: bankOf('ID') }
      case 'br':
        return { payerName: name, cardNumber: `5162${digits(12)}`, phone: `+55119${digits(8)}`, idNumber: pick(CPF) }
      default:
        return {}
    }
  }
  switch (lane.market) {
    case 'cn':
      return { recipientName: name, recipientAccount: `6222${digits(15)}`, bankCode: bankOf('CN') }
    case 'br':
      return { recipientName: name, recipientAccount: digits(12), bankCode: bankOf('BR'), phone: `+55119${digits(8)}`, idNumber: pick(CPF) }
    case 'usdt':
      return { recipientName: name, recipientAccount: TRON, network: 'TRC20' }
    default:
      return { recipientName: name, recipientAccount: digits(12), bankCode: bankOf(lane.market.toUpperCase() as 'TH' | 'VN' | 'ID') }
  }
}

export interface DemoIds {
  merchantIds: Record<string, number>
  serviceIds: Record<string, number>
  channelIds: Record<string, number>
}

/** Creates the demo's order history; returns how many orders were made. */
export interface HistoryDeps {
  db: Db
  clock: Clock
  ledger: Ledger
  registry: Registry
  /** The procedures' implementations (the composition root's map): the history runs some synchronously, at past times, in its one transaction. */
  procedures: Handlers
}

/** `afterDay` runs at the end of each day of history (the demo's withdrawals, adjustments and reserve releases). */
export function createDemoOrders(core: HistoryDeps, ids: DemoIds, days = 90, afterDay?: (dayStart: number, daysAgo: number) => void): number {
  const rnd = seeded(20261122)
  const admin = core.db.select().from(users).where(eq(users.username, 'demo.ops')).get()
  if (!admin) throw new Error('demo.ops is missing')
  const actor = { userId: admin.id, username: admin.username, displayName: admin.displayName, merchantId: null, permissions: new Set<number>(ALL_PERMISSION_CODES), sessionId: 'demo-history' }
  const today = core.clock.now()
  let made = 0
  let t = today - days * DAY
  const clock = { now: () => t }
  for (let d = days; d >= 1; d--) {
    const dayStart = today - d * DAY
    for (const lane of LANES) {
      // About `perDay` orders a day on average: whole orders, more on some days, none on others.
      const count = Math.floor(lane.perDay * 2 * rnd.next() + rnd.next())
      for (let i = 0; i < count; i++) {
        t = dayStart + Math.floor(rnd.next() * (DAY - 3 * 3_600_000))
        const procedure = lane.direction === 'deposit' ? 'orders.createDeposit' : 'orders.createPayout'
        const ctx = core.registry.contextFor(procedure, actor, clock)
        const major = lane.min + rnd.next() * (lane.max - lane.min)
        const amount = lane.market === 'vn' || lane.market === 'id' ? String(Math.round(major / 1000) * 1000) : major.toFixed(2)
        const input: ParsedInputOf<'orders.createDeposit'> = {
          merchantId: ids.merchantIds[lane.market],
          serviceId: ids.serviceIds[lane.serviceRef],
          channelId: ids.channelIds[lane.channelRef],
          amount,
          fields: fieldsFor(lane, rnd.pick, rnd.next),
          isTest: rnd.chance(0.05)
        }
        let orderId: number
        try {
          orderId = createOrder(ctx, input, lane.direction).orderId
        } catch (error) {
          // A payout the merchant could not cover that day is simply not made.
          if (error instanceof AppError && error.kind === 'limit') continue
          throw error
        }
        made++
        const settledAt = t + Math.floor(rnd.next() * 40 * 60_000) + 30_000
        transact(core.db, (tx) => {
          tx.update(outbox)
            .set({ status: 'done', lastError: 'demo history: the provider exchange is not replayed', updatedAt: settledAt })
            .where(and(eq(outbox.orderId, orderId), eq(outbox.status, 'pending')))
            .run()
          const order = loadOrder(tx, orderId)
          addEvent(tx, orderId, t + 1000, 'sent', say('order.demoSent'))
          const deps = { ledger: core.ledger, tenantId: 1 }
          const roll = rnd.next()
          if (lane.direction === 'deposit' && roll < 0.08) return close(tx, deps, order, say('reason.demoExpired'), order.expiresAt ?? settledAt)
          if (roll < 0.15) return finish(tx, deps, order, { status: 'failed', reason: say('reason.demoDeclined'), source: 'demo' }, settledAt)
          const paidMinor = lane.direction === 'deposit' && roll > 0.97 ? Math.round(order.amountMinor * 0.9) : null
          finish(tx, deps, order, { status: 'succeeded', paidMinor, upstreamNo: `UP${order.txnNo}`, source: 'demo' }, settledAt)
        })
      }
    }
    afterDay?.(dayStart, d)
  }
  return made
}
