/**
 * A refund requested before a chargeback and sent after it: its money was held when it was
 * requested, but a chargeback booked on a short balance since leaves the merchant owing the
 * platform. It is then not sent: it stays requested, saying why (its reason, its timeline, its
 * outbox row), asks again a minute later, and is sent once the balance is back above zero.
 */
import { createServer } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import type { RefundDetail } from '../../../src/shared/contract/aftersales'
import { inEnglish } from '../../../src/main/core/text'
import { verifyLedger } from '../../../src/main/ledger/verify'
import { aftersalesWorld, type AftersalesWorld } from './support'

let w: AftersalesWorld
afterEach(async () => w?.stop())

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function waitForRefund(id: number, check: (r: RefundDetail) => boolean, what: string): Promise<RefundDetail> {
  const started = Date.now()
  for (;;) {
    const refund = await w.t.ok('refunds.get', { id }, w.admin)
    if (check(refund)) return refund
    // The clock is the test's: the provider's query comes due as it moves.
    w.t.clock.advance(1_000)
    if (Date.now() - started > 10_000) throw new Error(`refund ${refund.refundNo} never became ${what}; it is ${refund.status}: ${refund.timeline.map((e) => e.summary).join(' | ')}`)
    await new Promise((r) => setTimeout(r, 40))
  }
}

const pointChannelAt = (url: string) => w.t.core.db.$client.prepare("update channels set adapter_config = json_set(adapter_config, '$.baseUrl', ?), updated_at = updated_at + 1 where id = ?").run(url, w.channelId)
const refundCreates = () => w.sim.requests().filter((r) => r.path === '/refund/create')
const sendRows = async () => (await w.t.ok('outbox.list', { operation: 'send_refund' }, w.admin)).items

describe('a refund waiting to be sent when a chargeback leaves the merchant owing', () => {
  it('is not sent while the merchant owes, says why, and is sent once the balance is covered', async () => {
    w = await aftersalesWorld({ realClock: false })
    const order = await w.paidDeposit('1000.00') // 879.00 available
    // Marked paid here by hand (the clock is ours); the provider is told it was paid too, so it takes the refund.
    await w.sim.pay(order.orderNo)
    // The provider cannot be reached when the refund is requested: it waits in the outbox, held.
    pointChannelAt(`http://127.0.0.1:${await freePort()}`)
    const requested = await w.t.ok('refunds.create', { orderId: order.id, amount: '200.00', reason: 'Customer returned the goods' }, w.admin)
    expect(requested).toMatchObject({ status: 'requested', statusReason: null })
    expect(await w.available()).toBe('676.00')

    // A chargeback of the whole order since: the merchant owes.
    await w.t.ok('disputes.create', { orderId: order.id, kind: 'chargeback', reasonCode: '10.4', amount: '800.00', evidenceDueAt: w.t.clock.now() + 72 * 3_600_000 }, w.admin)
    const available = await w.available()
    expect(Number(available)).toBeLessThan(0)

    // The provider is back; the send comes due and waits instead of going out.
    pointChannelAt(w.sim.url)
    w.t.clock.advance(10_000)
    const waiting = await waitForRefund(requested.id, (r) => r.statusReason !== null, 'waiting')
    const owed = (-Number(available)).toFixed(2)
    const why = `Not sent to the provider yet: the merchant owes the platform ${owed} CNY (available balance ${available} CNY), since the refund was requested; it waits in the outbox and is sent once the balance is back above zero`
    expect(waiting).toMatchObject({ status: 'requested', holdStatus: 'pending', upstreamNo: null })
    expect(inEnglish(waiting.statusReason!)).toBe(why)
    expect(waiting.timeline.map((e) => e.summary)).toContain(why)
    const [row] = await sendRows()
    expect(row).toMatchObject({ orderNo: order.orderNo, status: 'pending', attempts: 1, lastError: why })
    expect(refundCreates()).toHaveLength(0)

    // A minute later it asks again, still owed: still not sent (the wait is not counted as an
    // attempt), and the timeline says it once.
    w.t.clock.advance(61_000)
    const started = Date.now()
    while ((await sendRows())[0].nextAttemptAt === row.nextAttemptAt && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 40))
    expect(await sendRows()).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: why, nextAttemptAt: w.t.clock.now() + 60_000 })])
    const still = await w.t.ok('refunds.get', { id: requested.id }, w.admin)
    expect(still).toMatchObject({ status: 'requested' })
    expect(still.timeline.filter((e) => e.text.code === 'refund.waitsMerchantOwes')).toHaveLength(1)
    expect(refundCreates()).toHaveLength(0)

    // Covered by a deposit paid in: the next attempt sends it, and it succeeds.
    await w.paidDeposit('2000.00')
    w.t.clock.advance(61_000)
    const done = await waitForRefund(requested.id, (r) => r.status === 'succeeded', 'succeeded')
    expect(done).toMatchObject({ statusReason: null, holdStatus: 'posted' })
    expect(refundCreates()).toHaveLength(1)
    expect(verifyLedger(w.t.core.db.$client).drifts).toEqual([])
  })
})
