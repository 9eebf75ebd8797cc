/**
 * Order benchmark: the create-deposit round trip (procedure → database → provider simulator →
 * answer), and provider callbacks (verify + persist + acknowledge) under 1,000 concurrent
 * callbacks fired from a separate process.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/app'
import { aesSecretBox } from '../../src/main/core/secrets'
import { startSimulator } from '../../src/main/simulator/server'
import { sign } from '../../src/main/upstream/signing'
import { DEFAULT_GENERIC_CONFIG } from '../../src/main/upstream/generic'
import { fmt, ms, summarize } from './stats'

const ROUND_TRIPS = Number(process.env.PAYDESK_BENCH_ROUND_TRIPS ?? 300)
const CONCURRENT_CALLBACKS = Number(process.env.PAYDESK_BENCH_CALLBACKS ?? 1000)
const KEY = 'bench-sign-key'

export interface OrdersBenchResult {
  roundTrip: ReturnType<typeof summarize>
  callbacks: ReturnType<typeof summarize> & { perSecond: number; failed: number }
}

export async function benchOrders(log: (line: string) => void): Promise<OrdersBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-orders-'))
  const sim = await startSimulator({ merchants: [{ merchantNo: 'M-BENCH', signKey: KEY }] })
  const core = createCore({ dbPath: join(dir, 'paydesk.db'), mode: 'browser', secrets: aesSecretBox(randomBytes(32)), log: () => {} })
  try {
    await core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: 'bench', PAYDESK_ADMIN_PASSWORD: 'Bench-password-1' })
    await core.orders.start({ tickMs: 1000 })
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

    const bodies = orders.slice(-CONCURRENT_CALLBACKS).map((o, i) => {
      const params: Record<string, string> = { merchantNo: 'M-BENCH', orderNo: o.orderNo, upstreamNo: o.upstreamNo, direction: 'deposit', status: 'SUCCESS', amount: '100.00', paidAmount: '100.00', currency: 'CNY', eventId: `bench-${i}`, timestamp: String(Date.now()) }
      params.sign = sign(params, KEY, 'md5', false, 'sign')
      return new URLSearchParams(params).toString()
    })
    const file = join(dir, 'callbacks.json')
    writeFileSync(file, JSON.stringify({ url: `${core.orders.listeningAt()}/callbacks/${channel.id}`, bodies }))
    // Asynchronously: this process is the server and must keep answering while the client runs.
    const result = await new Promise<{ totalMs: number; latencies: number[]; failed: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(__dirname, 'callback-client.mjs'), file], { stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      let err = ''
      child.stdout.on('data', (c) => (out += c))
      child.stderr.on('data', (c) => (err += c))
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`callback client failed: ${err}`))))
    })
    const stats = summarize(result.latencies)
    const callbacks = { ...stats, perSecond: CONCURRENT_CALLBACKS / (result.totalMs / 1000), failed: result.failed }
    log(`${CONCURRENT_CALLBACKS} concurrent callbacks (verify + persist + acknowledge): p50 ${fmt(stats.p50)} ms, p99 ${fmt(stats.p99)} ms, ${fmt(callbacks.perSecond, 0)} callbacks/s, ${result.failed} failed`)
    return { roundTrip, callbacks }
  } finally {
    await core.orders.stop()
    core.close()
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
