/**
 * Report test data made the way production makes it: real orders through the provider simulator,
 * manual adjustments and channel top-ups through the procedures, on business days chosen with a
 * clock the test sets (callbacks still travel in real time). Two worlds share the helpers: the
 * headless host on a temporary data folder, and a core loaded with the demo data set.
 */
import { checkerOf } from '../../support/checker'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Core } from '../../../src/main/app/core'
import { startHost, type RunningHost } from '../../../src/main/http/host'
import { wallTimeMs } from '../../../src/main/ledger/business-day'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator/server'
import { DEFAULT_GENERIC_CONFIG } from '../../../src/main/upstream/generic'
import type { InputOf, OutputOf, ProcedureName } from '../../../src/shared/contract'
import type { OrderDetail } from '../../../src/shared/contract/orders'
import { ADMIN, makeCore, ManualClock, skipFirstPasswordChange } from '../../support/core'

export interface Market {
  merchantId: number
  contractId: number
  depositServiceId: number
  payoutServiceId: number
  channelId: number
  currency: string
  fields: Record<string, string>
}

export interface ReportWorld {
  core: Core
  clock: ManualClock
  sim: RunningSimulator
  /** The administrator's token (renewed by `at`). */
  admin: string
  ok<N extends ProcedureName>(name: N, input: InputOf<N> | Record<string, unknown>, token?: string): Promise<OutputOf<N>>
  signIn(username: string, password: string): Promise<string>
  /** Moves the clock to a wall time in the business zone (+08:00) and signs in again. */
  at(businessTime: string): Promise<void>
  deposit(m: Market, amount: string, options?: { isTest?: boolean; pay?: boolean }): Promise<OrderDetail>
  payout(m: Market, amount: string, options?: { isTest?: boolean }): Promise<OrderDetail>
  adjust(m: Market, amount: string, reason: string): Promise<void>
  stop(): Promise<void>
}

export const ZONE = '+08:00'
const SIGNING = { merchantNo: 'M-REPORTS-0001', signKey: 'reports-sign-key' }
/** Amounts ending in .13 are declined by the simulator. */
export const DECLINED = '.13'

async function world(core: Core, clock: ManualClock, start: string, stopCore: () => Promise<void>): Promise<ReportWorld> {
  const sim = await startSimulator({ merchants: [SIGNING], payoutDelayMs: 50, callbackRetryDelaysMs: [200, 500] })
  sim.setBehaviour({ amountPattern: '\\.13$', behaviour: 'decline' })
  const ok: ReportWorld['ok'] = async (name, input, token) => {
    const envelope = await core.dispatch(name, input, { token: token ?? w.admin, transport: 'http' })
    if (envelope.status !== 200) throw new Error(`${name} failed: ${envelope.status} ${envelope.message}`)
    return envelope.data as never
  }
  const signIn = async (username: string, password: string) => {
    const { token, user } = await ok('auth.login', { username, password }, '')
    if (user.mustChangePassword) skipFirstPasswordChange(core, user.id)
    return token
  }
  let keys = 0
  const checker = checkerOf(ok, signIn, () => w.admin)
  const settle = async (id: number, done: (o: OrderDetail) => boolean, what: string): Promise<OrderDetail> => {
    const started = Date.now()
    for (;;) {
      const order = await ok('orders.get', { id })
      if (done(order)) return order
      if (Date.now() - started > 8000) throw new Error(`order ${order.orderNo} never became ${what}: ${order.status}`)
      await new Promise((r) => setTimeout(r, 30))
    }
  }
  const w: ReportWorld = {
    core,
    clock,
    sim,
    admin: '',
    ok,
    signIn,
    async at(businessTime) {
      clock.t = wallTimeMs(businessTime, ZONE)
      w.admin = await signIn(ADMIN.username, ADMIN.password)
    },
    async deposit(m, amount, options = {}) {
      const created = await ok('orders.createDeposit', { merchantId: m.merchantId, serviceId: m.depositServiceId, channelId: m.channelId, amount, fields: m.fields, isTest: options.isTest ?? true })
      if (!options.pay) return created
      await sim.pay(created.orderNo)
      return settle(created.id, (o) => o.status === 'succeeded', 'succeeded')
    },
    async payout(m, amount, options = {}) {
      const fields = { recipientName: 'Zhang San', recipientAccount: '6222020200998877665', bankCode: m.currency === 'VND' ? 'VCB' : 'ICBC' }
      const created = await ok('orders.createPayout', { merchantId: m.merchantId, serviceId: m.payoutServiceId, channelId: m.channelId, amount, fields, isTest: options.isTest ?? true })
      return settle(created.id, (o) => o.status === 'succeeded', 'succeeded')
    },
    async adjust(m, amount, reason) {
      // Maker-checker: the administrator requests, the finance checker approves (and posts).
      const requested = await ok('adjustments.request', { merchantId: m.merchantId, contractId: m.contractId, currency: m.currency, amount, reason, requestKey: `report-adjust-${++keys}` })
      await ok('adjustments.decide', { id: requested.id, decision: 'approve' }, await checker())
    },
    async stop() {
      await sim.stop()
      await stopCore()
    }
  }
  await w.at(start)
  // Sessions must survive the clock moving by days between steps.
  await ok('settings.update', { sessionIdleMinutes: 1440, sessionAbsoluteMinutes: 43_200 })
  return w
}

/** Points a channel at the simulator with the test's credentials. */
async function connect(w: ReportWorld, channelId: number): Promise<void> {
  const channel = await w.ok('channels.get', { id: channelId })
  const { id, name, provider, supportsDeposit, supportsPayout, paymentLower, paymentUpper, payoutLower, payoutUpper } = channel
  const adapterConfig = { ...DEFAULT_GENERIC_CONFIG(w.sim.url), timeoutMs: 1500 } as unknown as Record<string, unknown>
  await w.ok('channels.update', { id, name, provider, supportsDeposit, supportsPayout, paymentLower, paymentUpper, payoutLower, payoutUpper, credentials: SIGNING, adapterConfig })
}

interface MarketSpec {
  name: string
  currency: string
  serviceType: string
  terms: Record<string, unknown>
  limits: [string, string]
  float: string
  fields: Record<string, string>
}

/** The two markets of the tests: fees, reserve and payout fee as a contract states them, the service limits, the channel's float. */
export const CNY_MARKET: MarketSpec = {
  name: 'Golden Dragon Trading', currency: 'CNY', serviceType: 'CNY_BANK_CARD', limits: ['100', '50000'], float: '100000',
  terms: { feeRate: '2', fixedFee: '1.00', reserveRate: '10', reserveHoldDays: 30, withdrawalFee: '5.00' },
  fields: { payerName: 'Li Wei', cardNumber: '6222020200112233445', remarkCode: 'R8812' }
}

export const VND_MARKET: MarketSpec = {
  name: 'Saigon Lotus Foods', currency: 'VND', serviceType: 'VIETNAMESE', limits: ['20000', '300000000'], float: '2000000000',
  terms: { feeRate: '2', fixedFee: '1000', reserveRate: '5', reserveHoldDays: 30, withdrawalFee: '11000' },
  fields: { payerName: 'Nguyen Van An', bankCode: 'VCB' }
}

async function createMarket(w: ReportWorld, spec: MarketSpec): Promise<Market> {
  const { currency, serviceType, limits } = spec
  const merchant = await w.ok('merchants.create', { name: spec.name })
  const contract = await w.ok('contracts.create', { merchantId: merchant.id, name: `${currency} 2026`, settlementCurrency: currency, validFrom: '2026-01-01', ...spec.terms })
  const service = (direction: 'deposit' | 'payout') => w.ok('services.create', { merchantId: merchant.id, serviceType, direction, currency, singleLower: limits[0], singleUpper: limits[1], activated: true })
  const [deposit, payout] = [await service('deposit'), await service('payout')]
  const limitsOf = { paymentLower: limits[0], paymentUpper: limits[1], payoutLower: limits[0], payoutUpper: limits[1] }
  const channel = await w.ok('channels.create', { name: `${spec.name} channel`, provider: 'generic', currency, supportsDeposit: true, supportsPayout: true, ...limitsOf, credentials: SIGNING })
  await connect(w, channel.id)
  for (const serviceId of [deposit.id, payout.id]) await w.ok('bindings.create', { channelId: channel.id, serviceId })
  await w.ok('channels.adjustBalance', { channelId: channel.id, kind: 'top_up', amount: spec.float, reason: 'Opening float for report tests', requestKey: `float-${currency}` })
  return { merchantId: merchant.id, contractId: contract.id, depositServiceId: deposit.id, payoutServiceId: payout.id, channelId: channel.id, currency, fields: spec.fields }
}

/** The headless host with a CNY and a VND merchant; the admin is created from the environment. */
export async function hostWorld(): Promise<{ w: ReportWorld; host: RunningHost; cny: Market; vnd: Market }> {
  const clock = new ManualClock()
  const host = await startHost({ dataDir: mkdtempSync(join(tmpdir(), 'paydesk-reports-')), port: 0, host: '127.0.0.1', version: 'test', rendererDir: null, clock })
  await host.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password })
  const w = await world(host.core, clock, '2026-11-18 09:00:00', () => host.stop())
  return { w, host, cny: await createMarket(w, CNY_MARKET), vnd: await createMarket(w, VND_MARKET) }
}

/** A core with the demo data set; its CNY and VND merchants' first channels answer through the simulator. */
export async function demoWorld(): Promise<{ w: ReportWorld; cny: Market; vnd: Market }> {
  const t = await makeCore()
  await t.core.loadDemo()
  // The demo is loaded at the test clock's start (2026-11-22); the activity follows it.
  const w = await world(t.core, t.clock, '2026-11-23 09:00:00', async () => {
    await t.core.engine.stop()
    t.core.close()
  })
  await t.core.engine.start({ tickMs: 50 })
  const demoMarket = async (merchantName: string, channelName: string, spec: MarketSpec): Promise<Market> => {
    const merchant = (await w.ok('merchants.list', { search: merchantName })).items[0]
    const contract = (await w.ok('contracts.list', { merchantId: merchant.id })).items[0]
    const channel = (await w.ok('channels.list', { search: channelName })).items[0]
    const services = (await w.ok('services.list', { merchantId: merchant.id, pageSize: 100 })).items
    const serviceOf = (direction: string) => services.find((s) => s.direction === direction && s.serviceType === spec.serviceType)!.id
    await connect(w, channel.id)
    return { merchantId: merchant.id, contractId: contract.id, depositServiceId: serviceOf('deposit'), payoutServiceId: serviceOf('payout'), channelId: channel.id, currency: spec.currency, fields: spec.fields }
  }
  return { w, cny: await demoMarket('Golden Dragon', 'CN UnionPay Direct A', CNY_MARKET), vnd: await demoMarket('Saigon Lotus', 'VN Napas 247', VND_MARKET) }
}
