import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { NOTIFY_SCHEDULE_MS } from '../../../src/main/orders/notify'
import { startSimulator } from '../../../src/main/simulator/server'
import { ADMIN } from '../../support/core'
import { cardFields, MERCHANT_NO, orderWorld, payoutFields, SIGN_KEY, waitForOrder, type OrderWorld } from './support'

let w: OrderWorld
afterEach(async () => w?.stop())

const deposit = (over: Record<string, unknown> = {}) => ({ merchantId: w.merchantId, serviceId: w.depositServiceId, channelId: w.channelId, amount: '1000.00', fields: cardFields, ...over })

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('the order engine', () => {
  it('a merchant endpoint that fails gets the retry schedule, every attempt on the timeline', async () => {
    w = await orderWorld({ realClock: false })
    w.merchantEndpoint.answer(500, 'busy')
    const created = await w.t.ok('orders.createDeposit', deposit(), w.admin)
    await w.sim.pay(created.orderNo)
    await waitForOrder(w, created.id, (o) => o.notifications.length === 1, 'notified once')
    const start = w.t.clock.now()
    for (let attempt = 2; attempt <= NOTIFY_SCHEDULE_MS.length; attempt++) {
      w.t.clock.advance(NOTIFY_SCHEDULE_MS[attempt - 1] - 1)
      await w.t.core.engine.tick()
      expect((await w.t.ok('orders.get', { id: created.id }, w.admin)).notifications).toHaveLength(attempt - 1)
      w.t.clock.advance(1)
      await waitForOrder(w, created.id, (o) => o.notifications.length === attempt, `notified ${attempt} times`)
    }
    const order = await w.t.ok('orders.get', { id: created.id }, w.admin)
    expect(order.notifications.map((n) => n.at - start)).toEqual(NOTIFY_SCHEDULE_MS.slice(1).reduce<number[]>((acc, ms) => [...acc, (acc.at(-1) ?? 0) + ms], [0]))
    expect(order.timeline.filter((e) => e.kind === 'notification').at(-1)?.summary).toContain('no attempts left')
    w.merchantEndpoint.answer(200, 'SUCCESS')
    await w.t.ok('orders.resendNotification', { id: created.id, reason: 'Merchant fixed its endpoint' }, w.admin)
    await waitForOrder(w, created.id, (o) => o.notifications.some((n) => n.acknowledged), 'acknowledged after the resend')
  })

  it('a merchant endpoint nobody listens on is said to be unreachable, with the reason, never as "fetch failed"', async () => {
    w = await orderWorld({ realClock: false })
    w.t.core.db.$client.prepare('update merchants set notify_url = ?').run(`http://127.0.0.1:${await freePort()}/notify`)
    const created = await w.t.ok('orders.createDeposit', deposit(), w.admin)
    await w.sim.pay(created.orderNo)
    const order = await waitForOrder(w, created.id, (o) => o.notifications.length === 1, 'notified once')
    const said = order.timeline.filter((e) => e.kind === 'notification').at(-1)!
    expect(said.summary).toMatch(/^Merchant notification attempt 1 failed \(unreachable \(ECONNREFUSED\)\)/)
    expect(JSON.stringify(said.text)).not.toContain('fetch failed')
  })

  it('a provider that cannot be reached: the order waits in the outbox and is sent once when it is back', async () => {
    const port = await freePort()
    w = await orderWorld({ baseUrl: `http://127.0.0.1:${port}` })
    const created = await w.t.ok('orders.createDeposit', deposit(), w.admin)
    expect(created).toMatchObject({ status: 'created', queued: true })
    const waiting = await w.t.ok('outbox.list', { status: 'pending', operation: 'send_deposit' }, w.admin)
    expect(waiting.items).toEqual([expect.objectContaining({ orderNo: created.orderNo, attempts: 1, lastError: 'unreachable', lastErrorText: { code: 'value.failure.unreachable' } })])

    const provider = await startSimulator({ port, merchants: [{ merchantNo: MERCHANT_NO, signKey: SIGN_KEY }] })
    try {
      await w.t.ok('outbox.retryNow', { id: waiting.items[0].id }, w.admin)
      const sent = await waitForOrder(w, created.id, (o) => o.status === 'pending', 'sent once the provider is back')
      expect(sent.queued).toBe(false)
      expect(sent.paymentPage?.kind).toBe('bank_account')
      expect(provider.createRequests(created.orderNo)).toBe(1)
    } finally {
      await provider.stop()
    }
  })

  it('unpaid deposits close after the channel’s time, also when the app was closed at that moment', async () => {
    w = await orderWorld({ realClock: false })
    const first = await w.t.ok('orders.createDeposit', deposit(), w.admin)
    expect(first.expiresAt).toBe(first.createdAt + 120 * 60_000)
    w.t.clock.advance(120 * 60_000 - 1)
    await w.t.core.engine.tick()
    expect((await w.t.ok('orders.get', { id: first.id }, w.admin)).status).toBe('pending')
    w.t.clock.advance(1)
    await w.t.core.engine.tick()
    const closed = await w.t.ok('orders.get', { id: first.id }, w.admin)
    expect(closed.status).toBe('closed')
    expect(closed.statusReason).toContain('Not paid within')

    // Closed while the engine was stopped (the app closed): caught up when it starts again.
    const second = await w.t.ok('orders.createDeposit', deposit({ amount: '900.00' }), w.admin)
    await w.t.core.engine.stop()
    w.t.clock.advance(3 * 60 * 60_000)
    await w.t.core.engine.start({ tickMs: 50 })
    await w.t.core.engine.caughtUp()
    expect((await w.t.ok('orders.get', { id: second.id }, w.admin)).status).toBe('closed')
  })

  it('1014 is locked to its own merchant: another merchant is a 403; 1021 must choose first', async () => {
    w = await orderWorld()
    const other = await w.t.ok('merchants.create', { name: 'Another Merchant' }, w.admin)
    const roles = await w.t.ok('roles.list', {}, w.admin)
    const operator = roles.find((r) => r.builtInKey === 'merchantOperator')!.id
    await w.t.ok('users.create', { username: 'dragon.ops', displayName: 'Dragon Ops', password: 'Initial-pass-1', merchantId: w.merchantId, roleIds: [operator] }, w.admin)
    const token = await w.t.signIn('dragon.ops', 'Initial-pass-1')
    expect(await w.t.call('orders.createDeposit', deposit({ merchantId: other.id }), token)).toMatchObject({ status: 403, code: 'scope.other_merchant' })
    const own = await w.t.ok('orders.createDeposit', deposit({ merchantId: undefined }), token)
    expect(own.merchantId).toBe(w.merchantId)
    expect(await w.t.call('orders.createDeposit', deposit({ merchantId: undefined }), w.admin)).toMatchObject({ status: 400, field: 'merchantId' })
    const options = await w.t.ok('orders.options', { direction: 'deposit' }, token)
    expect(options.services).toEqual([expect.objectContaining({ serviceType: 'CNY_BANK_CARD', singleLower: '500.00', singleUpper: '20000.00' })])
    // The channel is the platform's and may be shared with other merchants: its range, never its balance.
    expect(options.services[0].channels[0]).toMatchObject({ usable: true, lower: '500.00', upper: '20000.00', balance: null, available: null })
    expect((await w.t.ok('orders.options', { direction: 'deposit', merchantId: w.merchantId }, w.admin)).services[0].channels[0]).toMatchObject({ balance: '100000.00' })
    const seen = await w.t.ok('channels.list', {}, token)
    expect(seen.items.map((c) => [c.name, c.balance])).toEqual([['CN Direct A', null]])
    expect((await w.t.ok('channels.get', { id: w.channelId }, token)).balance).toBeNull()
    expect((await w.t.ok('channels.get', { id: w.channelId }, w.admin)).balance).toEqual({ posted: '100000.00', available: '100000.00' })
    const payoutRange = await w.t.ok('limits.availableRange', { channelId: w.channelId, serviceId: w.payoutServiceId }, token)
    expect(payoutRange).toMatchObject({ channelAvailable: null })
    expect(JSON.stringify([options, seen, payoutRange])).not.toContain('100000')
    // The merchant user sees its own orders only.
    const list = await w.t.ok('orders.list', {}, token)
    expect(list.items.map((o) => o.merchantId)).toEqual([w.merchantId])
    void ADMIN
  })

  it('order query finds an order by any of its numbers, and filters by status and day', async () => {
    w = await orderWorld()
    const created = await w.t.ok('orders.createDeposit', deposit({ merchantOrderNo: 'SHOP-2026-0042' }), w.admin)
    for (const search of [created.orderNo, 'SHOP-2026-0042', created.upstreamNo!]) {
      expect((await w.t.ok('orders.list', { search }, w.admin)).items.map((o) => o.id)).toEqual([created.id])
    }
    expect((await w.t.ok('orders.list', { status: 'succeeded' }, w.admin)).total).toBe(0)
    expect((await w.t.ok('orders.list', { status: 'pending', direction: 'deposit', isTest: true }, w.admin)).total).toBe(1)
    expect((await w.t.ok('orders.list', { dateFrom: '2020-01-01', dateTo: '2020-01-02' }, w.admin)).total).toBe(0)
    expect((await w.t.ok('orders.list', { overdue: true }, w.admin)).total).toBe(0)
    expect((await w.t.ok('orders.list', { overdue: false }, w.admin)).total).toBe(1)
  })

  it('create says when the merchant order number had already made the order; payout options carry the fee', async () => {
    w = await orderWorld()
    const first = await w.t.ok('orders.createDeposit', deposit({ merchantOrderNo: 'SHOP-77' }), w.admin)
    expect(first.replayed).toBe(false)
    expect((await w.t.ok('orders.createDeposit', deposit({ merchantOrderNo: 'SHOP-77' }), w.admin)).replayed).toBe(true)
    const payoutOptions = await w.t.ok('orders.options', { direction: 'payout', merchantId: w.merchantId }, w.admin)
    expect(payoutOptions.services[0].fee).toBe('5.00')
  })

  it('without a contract valid today, the order form says so beside each channel before anyone types', async () => {
    w = await orderWorld()
    // Its only contract ended before today (a disabled one takes its services off the list instead).
    w.t.core.db.$client.prepare("update contracts set valid_to = '2026-01-31' where id = ?").run(w.contractId)
    for (const direction of ['deposit', 'payout'] as const) {
      const options = await w.t.ok('orders.options', { direction, merchantId: w.merchantId }, w.admin)
      // It was offered as usable, and only the submit said why not.
      expect(options.services, direction).toEqual([])
      expect(options.unavailable, direction).toEqual([expect.objectContaining({ serviceType: 'CNY_BANK_CARD', currency: 'CNY', reasonText: expect.objectContaining({ code: 'error.orders.noContract' }) })])
      const serviceId = options.unavailable[0].serviceId
      const refused = await w.t.call(direction === 'deposit' ? 'orders.createDeposit' : 'orders.createPayout', direction === 'deposit' ? deposit() : { merchantId: w.merchantId, serviceId, channelId: w.channelId, amount: '600.00', fields: payoutFields }, w.admin)
      expect(refused).toMatchObject({ status: 422, code: 'orders.no_contract', text: options.unavailable[0].reasonText })
    }
  })
})

describe('starting the engine', () => {
  it('answers at once while the catch-up of due outbox work runs in the background', async () => {
    // Deposits queue while the provider is unreachable (the app was offline) …
    w = await orderWorld({ baseUrl: `http://127.0.0.1:${await freePort()}`, realClock: false })
    const queued = await Promise.all([1, 2, 3].map((i) => w.t.ok('orders.createDeposit', deposit({ amount: `${600 + i}.00` }), w.admin)))
    expect(queued.every((o) => o.queued)).toBe(true)
    await w.t.core.engine.stop()
    // … and when the app starts again, the provider accepts connections but answers nothing yet.
    const hanging: import('node:http').ServerResponse[] = []
    const provider = (await import('node:http')).createServer((_req, res) => hanging.push(res))
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(provider.address() as { port: number }).port}`
    w.t.core.db.$client.prepare("update channels set adapter_config = json_set(adapter_config, '$.baseUrl', ?), updated_at = updated_at + 1 where id = ?").run(url, w.channelId)
    w.t.clock.advance(60_000)
    try {
      let caughtUp = false
      await w.t.core.engine.start({ tickMs: 50 })
      void w.t.core.engine.caughtUp().then(() => (caughtUp = true))
      // Started and serving while the first send still waits for the provider.
      expect(w.t.core.engine.listeningAt()).not.toBeNull()
      expect((await w.t.ok('orders.list', {}, w.admin)).total).toBe(3)
      const started = Date.now()
      while (hanging.length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10))
      expect(hanging.length).toBeGreaterThan(0)
      expect(caughtUp).toBe(false)
      // The provider answers (with a decline): the catch-up finishes.
      const decline = (res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: '1001', message: 'busy' }))
      const answering = setInterval(() => hanging.splice(0).forEach(decline), 10)
      await w.t.core.engine.caughtUp()
      clearInterval(answering)
      expect(caughtUp).toBe(true)
    } finally {
      for (const res of hanging) res.destroy()
      await new Promise((resolve) => provider.close(resolve))
    }
  })
})
