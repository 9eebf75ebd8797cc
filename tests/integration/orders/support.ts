/**
 * A real core with its order engine running (callback listener on loopback), the real provider
 * simulator, and master data: a CNY merchant with a contract (2 % fee, 1.00 fixed, 10 % reserve,
 * withdrawal fee 5.00), a bank-card deposit service 500–20,000, a payout service, and a channel
 * pointed at the simulator with a 100,000.00 float.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_GENERIC_CONFIG } from '../../../src/main/upstream/generic'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator/server'
import { ADMIN, makeCore, type TestCore } from '../../support/core'
import type { OrderDetail } from '../../../src/shared/contract/orders'

export const SIGN_KEY = 'sim-sign-key-cny'
export const MERCHANT_NO = 'M-CNY-0001'

export interface MerchantEndpoint {
  url: string
  bodies: string[]
  answer: (status: number, body: string) => void
  stop(): Promise<void>
}

/** The merchant's notify URL: answers what it is told (SUCCESS by default). */
export async function startMerchantEndpoint(): Promise<MerchantEndpoint> {
  const bodies: string[] = []
  let reply = { status: 200, body: 'SUCCESS' }
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c))
    req.on('end', () => {
      bodies.push(body)
      res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`,
    bodies,
    answer: (status, body) => (reply = { status, body }),
    stop: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

export interface OrderWorld {
  t: TestCore
  dbPath?: string
  admin: string
  sim: RunningSimulator
  merchantEndpoint: MerchantEndpoint
  merchantId: number
  depositServiceId: number
  payoutServiceId: number
  channelId: number
  contractId: number
  secretKey: Buffer
  stop(): Promise<void>
}

/** A new core on the same database file (a restart), sharing the simulator and the merchant endpoint. */
export async function reopen(w: OrderWorld, beforeEngine?: (core: TestCore['core']) => Promise<void>): Promise<OrderWorld> {
  const t = await makeCore({ realClock: true, dbPath: w.dbPath, secretKey: w.secretKey, withAdmin: false })
  const admin = await t.signIn(ADMIN.username, ADMIN.password)
  // What the hosts start before the engine (the demo's simulator): its start resumes field test runs.
  await beforeEngine?.(t.core)
  await t.core.engine.start({ tickMs: 50 })
  return {
    ...w,
    t,
    admin,
    async stop() {
      await t.core.engine.stop()
      await w.sim.stop()
      await w.merchantEndpoint.stop()
      t.core.close()
    }
  }
}

export async function orderWorld(options: { simulator?: RunningSimulator; baseUrl?: string; realClock?: boolean; dbPath?: string } = {}): Promise<OrderWorld> {
  const secretKey = randomBytes(32)
  const sim = options.simulator ?? (await startSimulator({ merchants: [{ merchantNo: MERCHANT_NO, signKey: SIGN_KEY }], payoutDelayMs: 100, callbackRetryDelaysMs: [200, 500] }))
  const t = await makeCore({ realClock: options.realClock ?? true, dbPath: options.dbPath, secretKey })
  let admin = await t.signIn(ADMIN.username, ADMIN.password)
  if (options.realClock === false) {
    // Tests that move the clock by hours keep their session.
    await t.ok('settings.update', { sessionIdleMinutes: 1440, sessionAbsoluteMinutes: 43_200 }, admin)
    admin = await t.signIn(ADMIN.username, ADMIN.password)
  }
  const merchantEndpoint = await startMerchantEndpoint()
  const merchant = await t.ok('merchants.create', { name: 'Golden Dragon Trading', notifyUrl: merchantEndpoint.url }, admin)
  const contract = await t.ok('contracts.create', { merchantId: merchant.id, name: 'CN 2026', settlementCurrency: 'CNY', feeRate: '2', fixedFee: '1.00', reserveRate: '10', reserveHoldDays: 30, withdrawalFee: '5.00', validFrom: '2026-01-01' }, admin)
  const deposit = await t.ok('services.create', { merchantId: merchant.id, serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY', singleLower: '500', singleUpper: '20000', activated: true }, admin)
  const payout = await t.ok('services.create', { merchantId: merchant.id, serviceType: 'CNY_BANK_CARD', direction: 'payout', currency: 'CNY', singleLower: '10', singleUpper: '50000', activated: true }, admin)
  const config = { ...DEFAULT_GENERIC_CONFIG(options.baseUrl ?? sim.url), timeoutMs: 1500 }
  const channel = await t.ok(
    'channels.create',
    { name: 'CN Direct A', provider: 'generic', currency: 'CNY', supportsDeposit: true, supportsPayout: true, paymentLower: '100', paymentUpper: '50000', payoutLower: '10', payoutUpper: '50000', credentials: { merchantNo: MERCHANT_NO, signKey: SIGN_KEY }, adapterConfig: config as unknown as Record<string, unknown> },
    admin
  )
  await t.ok('bindings.create', { channelId: channel.id, serviceId: deposit.id }, admin)
  await t.ok('bindings.create', { channelId: channel.id, serviceId: payout.id }, admin)
  await t.ok('channels.adjustBalance', { channelId: channel.id, kind: 'top_up', amount: '100000', reason: 'Opening float for tests', requestKey: 'float-0001' }, admin)
  await t.core.engine.start({ tickMs: 50 })
  return {
    t,
    dbPath: options.dbPath,
    secretKey,
    admin,
    sim,
    merchantEndpoint,
    merchantId: merchant.id,
    depositServiceId: deposit.id,
    payoutServiceId: payout.id,
    channelId: channel.id,
    contractId: contract.id,
    async stop() {
      await t.core.engine.stop()
      await sim.stop()
      await merchantEndpoint.stop()
      t.core.close()
    }
  }
}

export const cardFields = { payerName: 'Li Wei', cardNumber: '6222020200112233445', remarkCode: 'R8812' }
export const payoutFields = { recipientName: 'Zhang San', recipientAccount: '6222020200998877665', bankCode: 'ICBC' }

/** Waits until the order satisfies `check` (the engine works in the background). */
export async function waitForOrder(w: OrderWorld, id: number, check: (o: OrderDetail) => boolean, what: string, timeoutMs = 8000): Promise<OrderDetail> {
  const started = Date.now()
  for (;;) {
    const order = await w.t.ok('orders.get', { id }, w.admin)
    if (check(order)) return order
    if (Date.now() - started > timeoutMs) throw new Error(`order ${order.orderNo} never became ${what}; it is ${order.status}: ${order.timeline.map((e) => e.summary).join(' | ')}`)
    await new Promise((r) => setTimeout(r, 40))
  }
}
