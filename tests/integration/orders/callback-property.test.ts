/**
 * A property of the callback path: for any callback a provider could send with a valid signature
 * (amounts of any shape, any currency and status, replays, orders in any state), no merchant is
 * ever credited more than its order's amount, every callback ends in a visible state (applied,
 * ignored, duplicate or parked: never still waiting), and the ledger self-check stays clean.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { sign } from '../../../src/main/upstream/signing'
import { cardFields, MERCHANT_NO, orderWorld, SIGN_KEY, type OrderWorld } from './support'

let w: OrderWorld
let deposit: (amount: string) => Promise<{ id: number; orderNo: string; upstreamNo: string | null; txnNo: number; amount: string }>
interface Target {
  orderNo: string
  upstreamNo: string
  txnNo: number
  amountMinor: number
}
/** Orders that ended before the callbacks (closed, failed, paid), and each run's fresh pending ones. */
const ended: Target[] = []
let targets: Target[] = []
const targetOf = (o: { orderNo: string; upstreamNo: string | null; txnNo: number; amount: string }): Target => ({ orderNo: o.orderNo, upstreamNo: o.upstreamNo ?? '', txnNo: o.txnNo, amountMinor: Math.round(Number(o.amount) * 100) })

beforeAll(async () => {
  w = await orderWorld()
  deposit = (amount: string) => w.t.ok('orders.createDeposit', { merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount, fields: cardFields }, w.admin)
  // Orders in each state a callback can meet besides pending: closed by an operator, failed by hand, paid.
  const made = await Promise.all(['701.50', '999.99', '1500.00'].map(deposit))
  await w.t.ok('orders.close', { id: made[0].id, reason: 'payer gave up' }, w.admin)
  await w.t.ok('orders.markResult', { id: made[1].id, result: 'failed', reason: 'provider said declined' }, w.admin)
  await w.t.ok('orders.markResult', { id: made[2].id, result: 'succeeded', reason: 'bank statement' }, w.admin)
  ended.push(...made.map(targetOf))
  // The engine's own loop must not apply in between: the test applies, then checks.
  await w.t.core.engine.stop()
}, 60_000)
afterAll(async () => {
  await w.sim.stop()
  await w.merchantEndpoint.stop()
  w.t.core.close()
})

const amountText = fc.oneof(
  fc.constantFrom('0', '0.00', '0.01', '600.00', '600.01', '100000.00', '-5.00', 'abc', '1e3', '40.001', '', ' 600.00', '600,00', '9007199254740993', '1e-2', 'NaN', 'Infinity', '0x10', '00600.00'),
  fc.integer({ min: 0, max: 5_000_000 }).map((minor) => (minor / 100).toFixed(2)),
  fc.integer({ min: 0, max: 5_000_000 }).map((minor) => (minor / 1000).toFixed(3)),
  fc.string({ maxLength: 12 })
)
/** Mostly what a real provider sends (its status, the order's amount and currency), with every kind of wrong mixed in. */
const callbackArb = fc.record({
  target: fc.integer({ min: 0, max: 4 }),
  status: fc.oneof({ arbitrary: fc.constant('SUCCESS'), weight: 4 }, { arbitrary: fc.constantFrom('FAILED', 'PENDING', 'PROCESSING', 'REFUNDED', '', 'success'), weight: 3 }),
  paidAmount: fc.option(amountText, { nil: undefined, freq: 5 }),
  amount: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.constant('own'), weight: 4 }, { arbitrary: amountText, weight: 1 }),
  currency: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.constant('CNY'), weight: 4 }, { arbitrary: fc.constantFrom('USD', 'cny', '', 'XXX'), weight: 1 }),
  eventId: fc.oneof(fc.constantFrom('evt-a', 'evt-b', 'evt-c'), fc.uuid())
})

type CallbackCase = typeof callbackArb extends fc.Arbitrary<infer T> ? T : never

function body(c: CallbackCase): string {
  const t = targets[c.target]
  const params: Record<string, string> = { merchantNo: MERCHANT_NO, orderNo: t.orderNo, upstreamNo: t.upstreamNo, status: c.status, eventId: `${t.orderNo}-${c.eventId}`, timestamp: '1' }
  if (c.paidAmount !== undefined) params.paidAmount = c.paidAmount
  if (c.amount !== undefined) params.amount = c.amount === 'own' ? (t.amountMinor / 100).toFixed(2) : c.amount
  if (c.currency !== undefined) params.currency = c.currency
  for (const [k, v] of Object.entries(params)) if (v === '') delete params[k]
  params.sign = sign(params, SIGN_KEY, 'md5', false, 'sign')
  return new URLSearchParams(params).toString()
}

describe('any callback a provider could send', () => {
  it('never credits a merchant more than the order, always ends visible, and keeps the ledger clean', async () => {
    const db = w.t.core.db.$client
    const merchantPaid = db.prepare("select coalesce(sum(amount), 0) as paid from ledger_entries where account_kind = 'merchant_available' and type = 0 and txn_id = ?")
    const waiting = db.prepare("select count(*) as n from provider_callbacks where outcome = 'received'")
    await fc.assert(
      fc.asyncProperty(fc.array(callbackArb, { minLength: 1, maxLength: 6 }), async (callbacks) => {
        // Two fresh pending deposits each run, beside the ended ones: every run meets open orders.
        targets = [...(await Promise.all(['600.00', '20000.00'].map(deposit))).map(targetOf), ...ended]
        for (const c of callbacks) {
          const receipt = await w.t.core.engine.inbox.receive(w.channelId, body(c), 'application/x-www-form-urlencoded')
          expect(receipt.status).toBe(200)
        }
        while (w.t.core.engine.inbox.applyReceived(50) > 0) {
          /* until none is left to apply */
        }
        expect((waiting.get() as { n: number }).n).toBe(0)
        for (const t of targets) expect((merchantPaid.get(t.txnNo) as { paid: number }).paid).toBeLessThanOrEqual(t.amountMinor)
        expect(verifyLedger(db).drifts).toEqual([])
      }),
      { numRuns: 80 }
    )
    const outcomes = db.prepare('select outcome, count(*) as n from provider_callbacks group by outcome').all() as { outcome: string; n: number }[]
    // The runs reached every way a callback can end.
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(expect.arrayContaining(['applied', 'duplicate', 'ignored', 'parked']))
    // Every parked one is listed for a person, on its order.
    const parked = db.prepare("select count(*) as n from provider_callbacks c where c.outcome = 'parked' and not exists (select 1 from payment_exceptions e where e.callback_id = c.id or e.order_id = c.order_id)").get() as { n: number }
    expect(parked.n).toBe(0)
  }, 120_000)
})
