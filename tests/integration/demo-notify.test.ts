/**
 * The demo's merchant notifications: with no network, one demo merchant's notify URL acknowledges
 * and another's refuses, so the demo shows a notification delivered and one being retried, while
 * the history's months of notifications are not replayed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startDemoProvider } from '../../src/main/demo/simulator'
import { DEMO_MERCHANTS } from '../../src/main/demo/master-data'
import { makeCore, type TestCore } from '../support/core'

let t: TestCore | undefined
afterEach(async () => {
  await t?.core.engine.stop()
  await t?.core.simulator.stop()
  t?.core.close()
})

const nameOf = (key: string) => DEMO_MERCHANTS.find((m) => m.key === key)!.name

describe('demo merchant notifications', { timeout: 120_000 }, () => {
  it('one merchant acknowledges its notification, the other refuses it and it waits for a retry', async () => {
    t = await makeCore({ realClock: true })
    await t.core.loadDemo()
    const simulator = await startDemoProvider(t.core.db, t.core.clock, t.core.simulator)
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await t.core.engine.start({ tickMs: 50 })
    const ops = await t.signIn('demo.ops', 'Demo-ops-2026')

    const merchants = (await t.ok('merchants.list', { pageSize: 100 }, ops)).items
    expect(merchants.find((m) => m.name === nameOf('cn'))!.notifyUrl).toBe(`${simulator.url}/merchant/notify/ack`)
    expect(merchants.find((m) => m.name === nameOf('th'))!.notifyUrl).toBe(`${simulator.url}/merchant/notify/busy`)

    const notifyItems = async () => (await t!.ok('outbox.list', { operation: 'notify', pageSize: 100 }, ops)).items
    await expect.poll(async () => (await notifyItems()).filter((i) => i.attempts > 0 && i.status !== 'gave_up').length, { timeout: 20_000 }).toBe(2)
    const items = await notifyItems()
    const byMerchant = (key: string) => items.find((i) => i.merchantId === merchants.find((m) => m.name === nameOf(key))!.id && i.attempts > 0 && i.status !== 'gave_up')!

    const delivered = await t.ok('orders.get', { id: byMerchant('cn').orderId }, ops)
    expect(byMerchant('cn')).toMatchObject({ status: 'done', attempts: 1, lastError: null })
    expect(delivered.notifications).toEqual([expect.objectContaining({ attempt: 1, responseStatus: 200, acknowledged: true, url: `${simulator.url}/merchant/notify/ack` })])

    const refused = await t.ok('orders.get', { id: byMerchant('th').orderId }, ops)
    expect(byMerchant('th')).toMatchObject({ status: 'pending', attempts: 1 })
    expect(byMerchant('th').lastError).toContain('503')
    expect(byMerchant('th').nextAttemptAt).toBeGreaterThan(Date.now())
    expect(refused.notifications).toEqual([expect.objectContaining({ attempt: 1, responseStatus: 503, acknowledged: false })])
    expect(refused.timeline.map((e) => e.summary)).toContain('Merchant notification attempt 1 failed (HTTP 503, not SUCCESS); next in 15 s')

    // Months of history are not sent again: only the demo's two notifications went out.
    const sent = t.core.db.$client.prepare('select count(*) as n from merchant_notifications').get() as { n: number }
    expect(sent.n).toBe(2)
    expect(items.filter((i) => i.status === 'pending' && i.attempts === 0)).toEqual([])

    // A second start sends nothing more.
    await startDemoProvider(t.core.db, t.core.clock, t.core.simulator)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((t.core.db.$client.prepare('select count(*) as n from merchant_notifications').get() as { n: number }).n).toBe(2)
  })
})
