/**
 * Test helpers for the upstream tier: a tiny callback listener on loopback (what PayDesk's own
 * listener will be) and the simulator with the generic adapter pointed at it.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createGenericAdapter, DEFAULT_GENERIC_CONFIG } from '../../../src/main/upstream/generic'
import { createUpstreamHttp } from '../../../src/main/upstream/http'
import type { GenericAdapterConfig, OutboundOrder, ProviderAdapter } from '../../../src/main/upstream/types'
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../src/main/simulator/server'

export interface ReceivedCallback {
  body: string
  contentType: string | null
}

export interface CallbackListener {
  url: string
  received: ReceivedCallback[]
  /** Resolves once `count` callbacks for this order arrived; rejects after `timeoutMs`. */
  waitFor(orderNo: string, count: number, timeoutMs?: number): Promise<ReceivedCallback[]>
  /** What the next callbacks are answered with (default SUCCESS), one per callback, then SUCCESS. */
  answerNext(...answers: string[]): void
  stop(): Promise<void>
}

export async function startCallbackListener(): Promise<CallbackListener> {
  const received: ReceivedCallback[] = []
  const queued: string[] = []
  let waiters: { ready: () => boolean; resolve: () => void }[] = []
  // Callbacks are form or JSON; either way the order number appears as a whole value.
  const forOrder = (orderNo: string) => received.filter((r) => new RegExp(`(^|[&"=])${orderNo}($|[&"])`).test(r.body))
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      received.push({ body, contentType: req.headers['content-type'] ?? null })
      res.writeHead(200, { 'content-type': 'text/plain' }).end(queued.shift() ?? 'SUCCESS')
      waiters = waiters.filter((w) => (w.ready() ? (w.resolve(), false) : true))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    waitFor(orderNo, count, timeoutMs = 5000) {
      const ready = () => forOrder(orderNo).length >= count
      if (ready()) return Promise.resolve(forOrder(orderNo))
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} callbacks for ${orderNo}, got ${forOrder(orderNo).length} within ${timeoutMs} ms`)), timeoutMs)
        waiters.push({
          ready,
          resolve: () => {
            clearTimeout(timer)
            resolve(forOrder(orderNo))
          }
        })
      })
    },
    answerNext: (...answers) => void queued.push(...answers),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export const MERCHANT = { merchantNo: 'M-SIM-0001', signKey: 'sim-sign-key-0001' }
export const CREDENTIALS = { merchantNo: MERCHANT.merchantNo, apiKey: 'api-key-0001', signKey: MERCHANT.signKey }

export interface Rig {
  simulator: RunningSimulator
  listener: CallbackListener
  adapter: ProviderAdapter
  config: GenericAdapterConfig
  stop(): Promise<void>
}

/** The simulator, a callback listener and an adapter with fast timeouts and no retry waits. */
export async function startRig(options: Partial<SimulatorOptions> = {}, configure: (c: GenericAdapterConfig) => GenericAdapterConfig = (c) => c): Promise<Rig> {
  const simulator = await startSimulator({ merchants: [MERCHANT], payoutDelayMs: 50, callbackRetryDelaysMs: [50, 50], ...options })
  const listener = await startCallbackListener()
  const config = configure({ ...DEFAULT_GENERIC_CONFIG(simulator.url), timeoutMs: 3000 })
  const adapter = createGenericAdapter(config, createUpstreamHttp({ retry: { baseDelayMs: 10 } }))
  return {
    simulator,
    listener,
    adapter,
    config,
    async stop() {
      await simulator.stop()
      await listener.stop()
    }
  }
}

let counter = 0
export function deposit(listener: CallbackListener, overrides: Partial<OutboundOrder> = {}): OutboundOrder {
  return {
    orderNo: `D${Date.now()}${++counter}`,
    direction: 'deposit',
    amount: '100.00',
    currency: 'CNY',
    serviceType: 'CNY_ALIPAY_WECHAT',
    fields: { payerName: '张三' },
    notifyUrl: listener.url,
    ...overrides
  }
}

export function payout(listener: CallbackListener, overrides: Partial<OutboundOrder> = {}): OutboundOrder {
  return {
    orderNo: `P${Date.now()}${++counter}`,
    direction: 'payout',
    amount: '50.00',
    currency: 'CNY',
    serviceType: 'CNY_BANK_CARD',
    fields: { recipientName: '李四', recipientAccount: '6222021234567890', bankCode: 'ICBC' },
    notifyUrl: listener.url,
    ...overrides
  }
}
