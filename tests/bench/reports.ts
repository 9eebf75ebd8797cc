/**
 * Report benchmark on 10 M ledger entries and 1 M orders (reports-data.ts): each report procedure
 * called as the app calls it (registry → session, permission, input → worker thread read →
 * output check), for typical filters, p50/p99 over many calls with varying pages, with the longest
 * database call those calls made on the main thread. Separately (`benchExport`, its own section),
 * the report export's CSV of 1 M entry rows as an export job runs it, with its time and memory; and
 * (`benchMainThread`, its own section) the desktop core as the app runs it (order engine started) on
 * a writable copy of the same database: its main thread's event-loop delay and database calls at
 * start-up, idle, and while heavy reads run in a report worker.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import { createCore } from '../../src/main/app/core'
import { keepMainThreadResponsive } from '../../src/main/app/v8-flags'
import { aesSecretBox } from '../../src/main/core/secrets'
import { READS } from '../../src/main/app/reads'
import { runRead } from '../../src/main/reads/catalog'
import { REPORT_READS } from '../../src/main/reports/reads'
import { folderTarget } from '../../src/main/reports/export/jobs'
import { isoDay } from '../../src/main/reports/bounds'
import { ENTRY_TYPE_CODES, settlementSqlColumn } from '../../src/shared/ledger'
import type { ProcedureName } from '../../src/shared/contract'
import type { ExportJob } from '../../src/shared/contract/exports'
import { recordDbCalls, type DbCall, type DbCallRecorder } from '../support/db-calls'
import { BENCH_ADMIN, engineReadyCopy, reportsDatabase, type ReportsDataInfo } from './reports-data'
import { fmt, ms, summarize } from './stats'

export const SAMPLES = Number(process.env.PAYDESK_BENCH_REPORT_SAMPLES ?? 200)
/** A figure stops early after this long (at least 10 calls): a slow path is plain from fewer samples. */
const BUDGET_MS = 4000
const CSV_ROWS_TARGET = 1_000_000

type Stats = ReturnType<typeof summarize>

export interface ReportCase {
  path: string
  procedure: ProcedureName
  filter: string
  page: Stats
  withTotals: Stats
  items: number
  totalItemCount: number
  target: number
}

export interface ReportsBenchResult {
  data: ReportsDataInfo
  cases: ReportCase[]
  /** The longest single database call on the main thread's connection during the report calls, and how many there were. */
  mainThreadDb: { longest: DbCall | null; busiest: DbCall | null; calls: number }
  load: { before: number[]; after: number[] }
}

const PATHS: { path: string; procedure: ProcedureName; statistics: boolean; entries: boolean }[] = [
  { path: '/accountdetail/list', procedure: 'reports.accountDetails', statistics: false, entries: true },
  { path: '/reporttransaction/statistics', procedure: 'reports.transactionStatistics', statistics: true, entries: false },
  { path: '/reporttransaction/list', procedure: 'reports.transactionList', statistics: false, entries: false },
  { path: '/reportsettlement/statistics', procedure: 'reports.settlementStatistics', statistics: true, entries: false },
  { path: '/reportsettlement/list', procedure: 'reports.settlementList', statistics: false, entries: false }
]

export async function benchReports(log: (line: string) => void): Promise<ReportsBenchResult> {
  const load = { before: loadavg(), after: [] as number[] }
  const data = await reportsDatabase(log)
  const core = createCore({ dbPath: data.path, mode: 'desktop', secrets: aesSecretBox(randomBytes(32)), log: (e) => console.error(e) })
  const dbCalls = recordDbCalls(core.db.$client)
  try {
    const login = await core.dispatch('auth.login', BENCH_ADMIN, { token: null, transport: 'ipc' })
    const token = (login.data as { token: string }).token
    const call = async (procedure: ProcedureName, input: Record<string, unknown>) => {
      const envelope = await core.dispatch(procedure, input, { token, transport: 'ipc' })
      if (envelope.status !== 200) throw new Error(`${procedure}: ${envelope.message}`)
      return envelope.data as { items: unknown[]; totalItemCount: number; totalPageCount: number }
    }
    const biggest = data.merchants[0]
    const day = isoDay(data.lastDay - 10)
    const filters: { name: string; input: Record<string, unknown>; entriesOnly?: boolean; deep?: boolean }[] = [
      { name: 'no filter', input: {} },
      { name: `one merchant (the largest, ${biggest.currency})`, input: { merchantId: biggest.id } },
      { name: 'one currency (THB)', input: { currency: 'THB' } },
      { name: `one day (${day})`, input: { dateStart: `${day} 00:00:00`, dateEnd: `${day} 23:59:59` } },
      { name: 'a type (1, transaction fee)', input: { type: 1 }, entriesOnly: true },
      { name: 'a deep page (no filter)', input: {}, deep: true }
    ]
    const cases: ReportCase[] = []
    for (const p of PATHS) {
      for (const f of filters) {
        if (f.entriesOnly && !p.entries) continue
        const first = await call(p.procedure, { ...f.input, pageSize: 20, withTotals: false })
        const pages = Math.max(1, first.totalPageCount)
        // Typical pages: the first ten. A deep page: anywhere in the second half of the list.
        const pageAt = (i: number) => (f.deep ? Math.ceil(pages / 2) + ((i * 7919) % Math.max(1, Math.floor(pages / 2))) : 1 + (i % Math.min(10, pages)))
        const measure = async (withTotals: boolean) => {
          const samples: number[] = []
          const began = Date.now()
          for (let i = 0; i < SAMPLES && (i < 10 || Date.now() - began < BUDGET_MS); i++) {
            const start = process.hrtime.bigint()
            await call(p.procedure, { ...f.input, pageIndex: pageAt(i), pageSize: 20, withTotals })
            samples.push(ms(start))
          }
          return summarize(samples)
        }
        const page = await measure(false)
        const withTotals = await measure(true)
        const items = (await call(p.procedure, { ...f.input, pageIndex: pageAt(1), pageSize: 20, withTotals: false })).items.length
        cases.push({ path: p.path, procedure: p.procedure, filter: f.name, page, withTotals, items, totalItemCount: first.totalItemCount, target: p.statistics ? 10 : 5 })
        log(`${p.path} ${f.name}: ${first.totalItemCount} rows; ${page.n} calls; page p50 ${fmt(page.p50)} p99 ${fmt(page.p99)} ms; with totals p50 ${fmt(withTotals.p50)} p99 ${fmt(withTotals.p99)} ms`)
      }
    }

    const mainThreadDb = { longest: dbCalls.longest(1)[0] ?? null, busiest: dbCalls.busiest(1)[0] ?? null, calls: dbCalls.count() }
    dbCalls.stop()
    log(`longest main-thread database call in ${mainThreadDb.calls} calls: ${fmt(mainThreadDb.longest?.ms ?? 0)} ms, ${fmt(mainThreadDb.longest?.cpuMs ?? 0)} ms CPU, ${fmt(mainThreadDb.longest?.gcMs ?? 0)} ms GC (${mainThreadDb.longest?.sql.slice(0, 120) ?? 'none'}); most CPU: ${fmt(mainThreadDb.busiest?.cpuMs ?? 0)} ms in ${fmt(mainThreadDb.busiest?.ms ?? 0)} ms, ${fmt(mainThreadDb.busiest?.gcMs ?? 0)} ms GC (${mainThreadDb.busiest?.sql.slice(0, 120) ?? 'none'})`)

    load.after = loadavg()
    return { data, cases, mainThreadDb, load }
  } finally {
    dbCalls.stop()
    core.close()
  }
}

export interface ExportBenchResult {
  filter: string
  rows: number
  totalRows: number
  state: string
  /** From the call until the job has ended (its threads exited, its file whole). */
  seconds: number
  /** Until `reports.exportStart` answered: the worker started and the rows counted. */
  startedSeconds: number
  /** CPU time of the process meanwhile (all threads). */
  cpuSeconds: number
  bytes: number
  rssBeforeMb: number
  /** The RSS's peak while the first half of the rows was written, and while the second half was. */
  rssFirstHalfPeakMb: number
  rssSecondHalfPeakMb: number
  rssPeakMb: number
  rssAfterMb: number
  /** The main thread's longest event-loop delay while `reports.exportStart` ran (worker started, rows counted). */
  startMaxDelayMs: number
  /** … and after it, while the worker wrote the file. */
  mainMaxDelayMs: number
  /** The main thread's event-loop utilization while the worker wrote (0–1: the share of the time it ran code). */
  mainBusy: number
  load: { before: number[]; after: number[] }
}

/**
 * The newest ~1 M merchant entries (whole days back from the last day) exported to a UTF-8 CSV
 * file as the app does it: `reports.exportStart` through the registry, the job in worker threads
 * with their own read-only connections (two parts at once), followed until the job has ended. The
 * process's RSS (all threads) is sampled every 20 ms; the main thread's event loop is watched meanwhile.
 */
export async function benchExport(log: (line: string) => void): Promise<ExportBenchResult> {
  const load = { before: loadavg(), after: [] as number[] }
  const data = await reportsDatabase(log)
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-export-'))
  const core = createCore({ dbPath: data.path, mode: 'desktop', secrets: aesSecretBox(randomBytes(32)), log: (e) => console.error(e), exportTarget: folderTarget(dir) })
  try {
    const login = await core.dispatch('auth.login', BENCH_ADMIN, { token: null, transport: 'ipc' })
    const token = (login.data as { token: string }).token
    const perDay = core.db.$client.prepare(`select business_day as day, sum(${ENTRY_TYPE_CODES.map((t) => `${settlementSqlColumn(t)}_count`).join(' + ')}) as n from settlement_daily_totals where tenant_id = 1 and include_test = 1 group by business_day order by business_day desc`).all() as { day: number; n: number }[]
    let rows = 0
    let firstDay = perDay[0].day
    for (const d of perDay) {
      firstDay = d.day
      rows += d.n
      if (rows >= CSV_ROWS_TARGET) break
    }
    const filters = { includeTest: true, dateStart: `${isoDay(firstDay)} 00:00:00` }
    global.gc?.()
    const rssBefore = process.memoryUsage.rss()
    let peak = rssBefore
    // The RSS's peak while the first half of the rows is written, and while the second half is:
    // the worker's working set (and its garbage collector's sawtooth) is there in the first half,
    // and flat memory means the second half adds nothing to it.
    const halves = [0, 0]
    let job: ExportJob | null = null
    const sampler = setInterval(() => {
      const rss = process.memoryUsage.rss()
      peak = Math.max(peak, rss)
      if (!job) return
      const half = core.exports.status(job.id, 1).rowsWritten < job.totalRows / 2 ? 0 : 1
      halves[half] = Math.max(halves[half], rss)
    }, 20)
    const monitor = monitorEventLoopDelay({ resolution: 1 })
    monitor.enable()
    const cpu = process.cpuUsage()
    const start = process.hrtime.bigint()
    const envelope = await core.dispatch('reports.exportStart', { report: 'accountDetails', format: 'csv', language: 'en', filters }, { token, transport: 'ipc' })
    if (envelope.status !== 200) throw new Error(`reports.exportStart: ${envelope.message}`)
    job = (envelope.data as { job: ExportJob }).job
    const startedSeconds = ms(start) / 1000
    const startMaxDelayMs = monitor.max / 1e6
    // From here on the main thread only waits for the worker.
    monitor.reset()
    const utilization = performance.eventLoopUtilization()
    await core.exports.settled(job.id)
    const seconds = ms(start) / 1000
    const mainBusy = performance.eventLoopUtilization(utilization).utilization
    const used = process.cpuUsage(cpu)
    monitor.disable()
    clearInterval(sampler)
    const rssAfter = process.memoryUsage.rss()
    const ended = (await core.dispatch('reports.exportStatus', { jobId: job.id }, { token, transport: 'ipc' })).data as ExportJob
    const file = core.exports.downloadable(job.id)
    const mb = (b: number) => b / 2 ** 20
    load.after = loadavg()
    const result: ExportBenchResult = {
      filter: `dateStart=${filters.dateStart}`,
      rows: ended.rowsWritten,
      totalRows: ended.totalRows,
      state: ended.state,
      seconds,
      startedSeconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      bytes: file ? statSync(file.path).size : 0,
      rssBeforeMb: mb(rssBefore),
      rssFirstHalfPeakMb: mb(halves[0]),
      rssSecondHalfPeakMb: mb(halves[1]),
      rssPeakMb: mb(Math.max(peak, rssAfter)),
      rssAfterMb: mb(rssAfter),
      startMaxDelayMs,
      mainMaxDelayMs: monitor.max / 1e6,
      mainBusy,
      load
    }
    if (ended.state !== 'done' || ended.rowsWritten !== ended.totalRows) throw new Error(`the export ended ${ended.state} with ${ended.rowsWritten} of ${ended.totalRows} rows: ${ended.error}`)
    log(`CSV of ${result.rows} entries in the export worker: ${fmt(seconds)} s (started after ${fmt(startedSeconds)} s; CPU ${fmt(result.cpuSeconds)} s), ${fmt(result.bytes / 2 ** 20, 0)} MiB; RSS ${fmt(result.rssBeforeMb, 0)}, peak ${fmt(result.rssFirstHalfPeakMb, 0)} in the first half, ${fmt(result.rssSecondHalfPeakMb, 0)} in the second, ${fmt(result.rssAfterMb, 0)} after (MiB); main thread busy ${fmt(100 * mainBusy, 1)} %, main thread delayed at most ${fmt(result.startMaxDelayMs)} ms while starting, ${fmt(result.mainMaxDelayMs)} ms while the worker wrote`)
    return result
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** How long the engine's idle window lasts: past a minute, so it holds a pass of the reserve release job. */
const IDLE_SECONDS = Number(process.env.PAYDESK_BENCH_IDLE_SECONDS ?? 65)
const HEAVY_READS = 3

export interface MainThreadWindow {
  seconds: number
  maxDelayMs: number
  p99DelayMs: number
  /** The longest garbage-collection pause of the main thread in the window. */
  maxGcMs: number
  /**
   * The longest gap between two runs of a 1 ms timer, and the CPU time this process used meanwhile:
   * near the gap when a thread of this process was busy (the main thread itself when the workers are
   * idle), near zero when the main thread was ready but the machine's cores were taken.
   */
  stall: { ms: number; processCpuMs: number }
  dbCalls: number
  longest: DbCall | null
  /** The call with the most process CPU time: what the work itself cost, with less of the machine's noise. */
  busiest: DbCall | null
}

export interface MainThreadBenchResult {
  data: ReportsDataInfo
  /** `core.engine.start()` and its first pass in the background (`caughtUp()`): listener, recovery, expiry, the reserve catch-up pass, callbacks, outbox. */
  startup: MainThreadWindow
  idle: MainThreadWindow
  heavy: MainThreadWindow & { readsMs: number[] }
  inlineMs: number
  load: { before: number[]; after: number[] }
}

/** Watches the main thread while `work` runs: event-loop delay (1 ms resolution), GC pauses, database calls. */
async function watchMainThread(calls: DbCallRecorder, work: () => Promise<unknown>): Promise<MainThreadWindow> {
  calls.reset()
  let maxGcMs = 0
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) maxGcMs = Math.max(maxGcMs, entry.duration)
  })
  gc.observe({ entryTypes: ['gc'] })
  const stall = { ms: 0, processCpuMs: 0 }
  let last = performance.now()
  let lastCpu = process.cpuUsage()
  const sampler = setInterval(() => {
    const now = performance.now()
    const cpu = process.cpuUsage(lastCpu)
    if (now - last > stall.ms) Object.assign(stall, { ms: now - last, processCpuMs: (cpu.user + cpu.system) / 1000 })
    last = now
    lastCpu = process.cpuUsage()
  }, 1)
  const monitor = monitorEventLoopDelay({ resolution: 1 })
  monitor.enable()
  const start = process.hrtime.bigint()
  try {
    await work()
  } finally {
    monitor.disable()
    clearInterval(sampler)
    gc.disconnect()
  }
  return { seconds: ms(start) / 1000, maxDelayMs: monitor.max / 1e6, p99DelayMs: monitor.percentile(99) / 1e6, maxGcMs, stall, dbCalls: calls.count(), longest: calls.longest(1)[0] ?? null, busiest: calls.busiest(1)[0] ?? null }
}

const describeWindow = (w: MainThreadWindow) =>
  `event loop delay max ${fmt(w.maxDelayMs)} ms, p99 ${fmt(w.p99DelayMs)} ms (longest stall ${fmt(w.stall.ms)} ms, process CPU meanwhile ${fmt(w.stall.processCpuMs)} ms); GC pause max ${fmt(w.maxGcMs)} ms; ${w.dbCalls} database calls, longest ${fmt(w.longest?.ms ?? 0)} ms, ${fmt(w.longest?.cpuMs ?? 0)} ms CPU, ${fmt(w.longest?.gcMs ?? 0)} ms GC (${w.longest?.sql.slice(0, 100) ?? 'none'}); most CPU ${fmt(w.busiest?.cpuMs ?? 0)} ms in ${fmt(w.busiest?.ms ?? 0)} ms, ${fmt(w.busiest?.gcMs ?? 0)} ms GC (${w.busiest?.sql.slice(0, 100) ?? 'none'})`

/**
 * The desktop core on the 10 M-entry database with its order engine running, as the app runs it:
 * start-up, an idle stretch, then heavy reads (a remark search over every merchant entry) in a report
 * worker. On a writable copy (the engine writes), removed at the end.
 */
export async function benchMainThread(log: (line: string) => void): Promise<MainThreadBenchResult> {
  const load = { before: loadavg(), after: [] as number[] }
  const data = await reportsDatabase(log)
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-main-'))
  try {
    const path = engineReadyCopy(data, dir, log)
    // As the desktop's main process does before its core starts.
    keepMainThreadResponsive()
    const core = createCore({ dbPath: path, mode: 'desktop', secrets: aesSecretBox(randomBytes(32)), log: (e) => console.error(e) })
    const calls = recordDbCalls(core.db.$client)
    try {
      const startup = await watchMainThread(calls, () => core.engine.start().then(() => core.engine.caughtUp()))
      log(`engine start: ${fmt(startup.seconds, 1)} s; ${describeWindow(startup)}`)
      const login = await core.dispatch('auth.login', BENCH_ADMIN, { token: null, transport: 'ipc' })
      const token = (login.data as { token: string }).token
      const read = async (input: Record<string, unknown>) => {
        const envelope = await core.dispatch('reports.accountDetails', input, { token, transport: 'ipc' })
        if (envelope.status !== 200) throw new Error(`reports.accountDetails: ${envelope.message}`)
      }
      // The report workers start on the first read: not part of what is watched.
      await read({ pageSize: 20 })
      const idle = await watchMainThread(calls, () => new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000)))
      log(`idle ${fmt(idle.seconds, 0)} s: ${describeWindow(idle)}`)
      const heavyInput = { includeTest: true, remark: 'no such remark', pageSize: 20 }
      const readsMs: number[] = []
      const heavy = await watchMainThread(calls, async () => {
        for (let i = 0; i < HEAVY_READS; i++) {
          const start = process.hrtime.bigint()
          await read(heavyInput)
          readsMs.push(ms(start))
        }
      })
      log(`${HEAVY_READS} heavy reads in a worker (${readsMs.map((r) => fmt(r, 0)).join(', ')} ms): ${describeWindow(heavy)}`)
      calls.stop()
      const inlineStart = process.hrtime.bigint()
      runRead(core.db.$client, READS, REPORT_READS.accountDetails, { tenantId: 1, zone: '+08:00' }, heavyInput, { pageIndex: 1, pageSize: 20, withTotals: true })
      const inlineMs = ms(inlineStart)
      load.after = loadavg()
      return { data, startup, idle, heavy: { ...heavy, readsMs }, inlineMs, load }
    } finally {
      calls.stop()
      await core.engine.stop()
      core.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
