/**
 * The operations orders list (`orders.list`) on the report benchmark's 1 M orders
 * (reports-data.ts): called as the desktop app calls it (registry → session, permission, input →
 * the read in a report worker → output check), p50/p99 per filter over many calls with varying
 * pages, and the main thread's event-loop delay over all of them. `npm run bench -- orderlist`.
 */
import { loadavg } from 'node:os'
import { randomBytes } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { createCore } from '../../src/main/app/core'
import { aesSecretBox } from '../../src/main/core/secrets'
import { isoDay } from '../../src/main/reports/bounds'
import { READS } from '../../src/main/app/reads'
import { ORDER_READS } from '../../src/main/orders/reads'
import { runRead } from '../../src/main/reads/catalog'
import { BENCH_ADMIN, reportsDatabase, type ReportsDataInfo } from './reports-data'
import { SAMPLES } from './reports'
import { fmt, ms, summarize } from './stats'

/** A figure stops early after this long (at least 10 calls), as the report figures do. */
const BUDGET_MS = 4000
const PAGE_SIZE = 20

export interface OrderListCase {
  filter: string
  total: number
  page: ReturnType<typeof summarize>
  /** The same pages read alone on a connection of this thread, as a report worker reads them. */
  read: ReturnType<typeof summarize>
}

export interface OrderListBenchResult {
  data: ReportsDataInfo
  cases: OrderListCase[]
  mainThread: { maxDelayMs: number; p99DelayMs: number }
  load: { before: number[]; after: number[] }
}

export async function benchOrderList(log: (line: string) => void): Promise<OrderListBenchResult> {
  const load = { before: loadavg(), after: [] as number[] }
  const data = await reportsDatabase(log)
  const core = createCore({ dbPath: data.path, mode: 'desktop', secrets: aesSecretBox(randomBytes(32)), log: (e) => console.error(e) })
  const reader = new Database(data.path, { readonly: true })
  try {
    const login = await core.dispatch('auth.login', BENCH_ADMIN, { token: null, transport: 'ipc' })
    const token = (login.data as { token: string }).token
    const call = async (input: Record<string, unknown>) => {
      const envelope = await core.dispatch('orders.list', input, { token, transport: 'ipc' })
      if (envelope.status !== 200) throw new Error(`orders.list: ${envelope.message}`)
      return envelope.data as { total: number; items: { merchantOrderNo: string; upstreamNo: string | null; orderNo: string }[] }
    }
    const biggest = data.merchants[0]
    const day = isoDay(data.lastDay - 10)
    // Numbers to search for: orders spread over the year, each searched by one of its three numbers.
    const sample = []
    for (let k = 0; k < 10; k++) sample.push(...(await call({ page: 1 + k * 4_000, pageSize: 10 })).items)
    const searches = sample.map((o, i) => [o.orderNo, o.merchantOrderNo, o.upstreamNo ?? o.orderNo][i % 3])
    const filters: { name: string; input: (i: number) => Record<string, unknown>; deep?: boolean }[] = [
      { name: 'no filter', input: () => ({}) },
      { name: `one merchant (the largest, ${biggest.currency})`, input: () => ({ merchantId: biggest.id }) },
      { name: 'status failed', input: () => ({ status: 'failed' }) },
      { name: 'status succeeded', input: () => ({ status: 'succeeded' }) },
      { name: 'direction payout', input: () => ({ direction: 'payout' }) },
      { name: 'direction deposit', input: () => ({ direction: 'deposit' }) },
      { name: 'test orders', input: () => ({ isTest: true }) },
      { name: 'live orders', input: () => ({ isTest: false }) },
      { name: `one day (${day})`, input: () => ({ dateFrom: day, dateTo: day }) },
      { name: 'one merchant, status failed', input: () => ({ merchantId: biggest.id, status: 'failed' }) },
      { name: 'search (an order, merchant order or upstream number)', input: (i) => ({ search: searches[i % searches.length] }) },
      { name: 'a deep page (no filter)', input: () => ({}), deep: true },
      { name: 'a deep page (one merchant)', input: () => ({ merchantId: biggest.id }), deep: true },
      { name: 'a deep page (status failed)', input: () => ({ status: 'failed' }), deep: true }
    ]
    const cases: OrderListCase[] = []
    const readsOf: { f: (typeof filters)[number]; pageAt: (i: number) => number; n: number }[] = []
    const monitor = monitorEventLoopDelay({ resolution: 1 })
    monitor.enable()
    for (const f of filters) {
      const first = await call({ ...f.input(0), page: 1, pageSize: PAGE_SIZE })
      const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE))
      // Typical pages: the first ten. A deep page: anywhere in the second half of the list.
      const pageAt = (i: number) => (f.deep ? Math.ceil(pages / 2) + ((i * 7919) % Math.max(1, Math.floor(pages / 2))) : 1 + (i % Math.min(10, pages)))
      const samples: number[] = []
      const began = Date.now()
      for (let i = 0; i < SAMPLES && (i < 10 || Date.now() - began < BUDGET_MS); i++) {
        const start = process.hrtime.bigint()
        await call({ ...f.input(i), page: pageAt(i), pageSize: PAGE_SIZE })
        samples.push(ms(start))
      }
      const page = summarize(samples)
      readsOf.push({ f, pageAt, n: page.n })
      cases.push({ filter: f.name, total: first.total, page, read: page })
      log(`orders.list ${f.name}: ${first.total} orders; ${page.n} calls; p50 ${fmt(page.p50)} p99 ${fmt(page.p99)} ms`)
    }
    monitor.disable()
    const mainThread = { maxDelayMs: monitor.max / 1e6, p99DelayMs: monitor.percentile(99) / 1e6 }
    log(`main thread's event loop over all the calls: delayed at most ${fmt(mainThread.maxDelayMs)} ms (p99 ${fmt(mainThread.p99DelayMs)} ms)`)
    // The same pages read alone, on this thread (after the event loop was watched: these block it).
    readsOf.forEach(({ f, pageAt, n }, k) => {
      const reads: number[] = []
      for (let i = 0; i < n; i++) {
        const start = process.hrtime.bigint()
        runRead(reader, READS, ORDER_READS.ordersList, { tenantId: 1, zone: '+08:00' }, { ...f.input(i), now: Date.now() }, { pageIndex: pageAt(i), pageSize: PAGE_SIZE, withTotals: false })
        reads.push(ms(start))
      }
      cases[k].read = summarize(reads)
      log(`orders.list ${f.name}, the read alone: p50 ${fmt(cases[k].read.p50)} p99 ${fmt(cases[k].read.p99)} ms`)
    })
    load.after = loadavg()
    return { data, cases, mainThread, load }
  } finally {
    reader.close()
    core.close()
  }
}
