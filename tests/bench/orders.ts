/**
 * Order benchmark: the create-deposit round trip (procedure → database → provider simulator →
 * answer), and provider callbacks (verify + persist + acknowledge) under 1,000 concurrent
 * callbacks fired from a separate process.
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/app/core'
import { aesSecretBox } from '../../src/main/core/secrets'
import { startSimulator } from '../../src/main/simulator/server'
import { sign } from '../../src/main/upstream/signing'
import { DEFAULT_GENERIC_CONFIG } from '../../src/main/upstream/generic'
import { fmt, ms, summarize } from './stats'

const ROUND_TRIPS = Number(process.env.PAYDESK_BENCH_ROUND_TRIPS ?? 300)
const CONCURRENT_CALLBACKS = Number(process.env.PAYDESK_BENCH_CALLBACKS ?? 1000)
const KEY = 'bench-sign-key'

const STEADY_ROUNDS = Number(process.env.PAYDESK_BENCH_STEADY_ROUNDS ?? 5)
const STEADY_PERIOD_MS = 1000

export type CallbackRun = ReturnType<typeof summarize> & { perSecond: number; failed: number }

export interface OrdersBenchResult {
  roundTrip: ReturnType<typeof summarize>
  callbacks: { burst: CallbackRun; steady: CallbackRun; baselineBurst: CallbackRun; baselineSteady: CallbackRun }
}

interface ClientPlan {
  url: string
  bodies: string[]
  mode: 'burst' | 'steady'
  connections?: number
  periodMs?: number
}

/** Runs the callback client in its own process (it must not share the server's event loop). */
async function fire(dir: string, plan: ClientPlan): Promise<CallbackRun> {
  const file = join(dir, `callbacks-${plan.mode}.json`)
  writeFileSync(file, JSON.stringify(plan))
  const result = await new Promise<{ totalMs: number; latencies: number[]; failed: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'callback-client.mjs'), file], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (err += c))
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`callback client failed: ${err}`))))
  })
  return { ...summarize(result.latencies), perSecond: result.latencies.length / (result.totalMs / 1000), failed: result.failed }
}

async function startBaselineServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 7 }).end('SUCCESS'))
  })
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) })
  }
}

export async function benchOrders(log: (line: string) => void): Promise<OrdersBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-orders-'))
  const sim = await startSimulator({ merchants: [{ merchantNo: 'M-BENCH', signKey: KEY }] })
  const core = createCore({ dbPath: join(dir, 'paydesk.db'), mode: 'browser', secrets: aesSecretBox(randomBytes(32)), log: () => {} })
  try {
    await core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'bench', PAYDESK_ADMIN_PASSWORD: 'Bench-password-1' })
    await core.engine.start({ tickMs: 1000 })
    const call = async (name: string, input: unknown, token: string | null) => {
      const envelope = await core.dispatch(name, input, { token, transport: 'http' })
      if (envelope.status !== 200) throw new Error(`${name}: ${envelope.message}`)
      return envelope.data as Record<string, never>
    }
    const token = (await call('auth.login', { username: 'bench', password: 'Bench-password-1' }, null)).token as string
    const merchant = await call('merchants.create', { name: 'Bench Merchant' }, token)
    await call('contracts.create', { merchantId: merchant.id, name: 'Bench', settlementCurrency: 'CNY', feeRate: '1', validFrom: '2020-01-01' }, token)
    const service = await call('services.create', { merchantId: merchant.id, serviceType: 'CNY_ALIPAY_WECHAT', direction: 'deposit', currency: 'CNY', activated: true }, token)
    const channel = await call('channels.create', { name: 'Bench channel', provider: 'generic', currency: 'CNY', credentials: { merchantNo: 'M-BENCH', signKey: KEY }, adapterConfig: DEFAULT_GENERIC_CONFIG(sim.url) }, token)
    await call('bindings.create', { channelId: channel.id, serviceId: service.id }, token)

    const samples: number[] = []
    const orders: { orderNo: string; upstreamNo: string }[] = []
    for (let i = 0; i < ROUND_TRIPS + CONCURRENT_CALLBACKS; i++) {
      const start = process.hrtime.bigint()
      const order = await call('orders.createDeposit', { merchantId: merchant.id, serviceId: service.id, channelId: channel.id, amount: `${100 + (i % 900)}.00`, fields: { payerName: 'Li Wei' } }, token)
      if (i < ROUND_TRIPS) samples.push(ms(start))
      orders.push({ orderNo: order.orderNo, upstreamNo: order.upstreamNo })
    }
    const roundTrip = summarize(samples)
    log(`create-deposit round trip (procedure → database → simulator → answer): p50 ${fmt(roundTrip.p50)} ms, p99 ${fmt(roundTrip.p99)} ms`)

    const recent = orders.slice(-CONCURRENT_CALLBACKS)
    // Round r's callback for an order has its own event id: each one is verified and persisted; the
    // first succeeds the order, the later ones are recorded and then ignored when applied.
    const bodies = (round: number) =>
      recent.map((o, i) => {
        const params: Record<string, string> = { merchantNo: 'M-BENCH', orderNo: o.orderNo, upstreamNo: o.upstreamNo, direction: 'deposit', status: 'SUCCESS', amount: '100.00', paidAmount: '100.00', currency: 'CNY', eventId: `bench-${round}-${i}`, timestamp: String(Date.now()) }
        params.sign = sign(params, KEY, 'md5', false, 'sign')
        return new URLSearchParams(params).toString()
      })
    const burstBodies = bodies(0)
    const steadyBodies = Array.from({ length: STEADY_ROUNDS }, (_, r) => bodies(r + 1)).flat()
    // First the same client against a Node HTTP server that only reads the body and answers
    // SUCCESS, while PayDesk's engine is idle: what this machine allows any Node listener.
    const baseline = await startBaselineServer()
    let baselineBurst: CallbackRun
    let baselineSteady: CallbackRun
    try {
      const baseUrl = `${baseline.url}/callbacks/${channel.id}`
      baselineBurst = await fire(dir, { url: baseUrl, bodies: burstBodies, mode: 'burst' })
      baselineSteady = await fire(dir, { url: baseUrl, bodies: steadyBodies, mode: 'steady', connections: CONCURRENT_CALLBACKS, periodMs: STEADY_PERIOD_MS })
      log(`baseline Node server: at once p99 ${fmt(baselineBurst.p99)} ms; steady p99 ${fmt(baselineSteady.p99)} ms`)
    } finally {
      await baseline.close()
    }

    const appUrl = `${core.engine.listeningAt()}/callbacks/${channel.id}`
    const burst = await fire(dir, { url: appUrl, bodies: burstBodies, mode: 'burst' })
    log(`${CONCURRENT_CALLBACKS} callbacks at once (verify + persist + acknowledge): p50 ${fmt(burst.p50)} ms, p99 ${fmt(burst.p99)} ms, ${fmt(burst.perSecond, 0)} callbacks/s, ${burst.failed} failed`)
    // The burst's callbacks are applied (posted) by the inbox right after; the steady run starts once they are.
    const waiting = core.db.$client.prepare("select count(*) as n from provider_callbacks where outcome = 'received'")
    while ((waiting.get() as { n: number }).n > 0) await new Promise((resolve) => setTimeout(resolve, 100))
    const steady = await fire(dir, { url: appUrl, bodies: steadyBodies, mode: 'steady', connections: CONCURRENT_CALLBACKS, periodMs: STEADY_PERIOD_MS })
    log(`${CONCURRENT_CALLBACKS} open connections, ${fmt(steady.perSecond, 0)} callbacks/s for ${STEADY_ROUNDS} s: p50 ${fmt(steady.p50)} ms, p99 ${fmt(steady.p99)} ms, ${steady.failed} failed`)

    return { roundTrip, callbacks: { burst, steady, baselineBurst, baselineSteady } }
  } finally {
    await core.engine.stop()
    core.close()
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
