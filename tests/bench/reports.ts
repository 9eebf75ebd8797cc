/**
 * Report benchmark on 10 M ledger entries and 1 M orders (reports-data.ts): each report procedure
 * called as the app calls it (registry → session, permission, input → worker thread read →
 * output check), for typical filters, p50/p99 over many calls with varying pages; the main
 * thread's event-loop delay while a heavy read runs in a worker. Separately (`benchExport`, its own
 * section), the report export's CSV of 1 M entry rows as an export job runs it, with its time and memory.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createCore } from '../../src/main/core/app'
import { aesSecretBox } from '../../src/main/core/secrets'
import { runReport } from '../../src/main/reports/catalog'
import { folderTarget } from '../../src/main/reports/export/jobs'
import { isoDay } from '../../src/main/reports/bounds'
import { ENTRY_TYPE_CODES, settlementSqlColumn } from '../../src/shared/ledger'
import type { ProcedureName } from '../../src/shared/contract'
import type { ExportJob } from '../../src/shared/contract/exports'
import { BENCH_ADMIN, reportsDatabase, type ReportsDataInfo } from './reports-data'
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
  mainThread: { heavyReadMs: number; maxDelayMs: number; p99DelayMs: number; inlineMs: number }
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

    // A heavy read (a remark search over every entry) in a worker, while the main thread's event loop is watched.
    const heavy = { includeTest: true, remark: 'no such remark' }
    const monitor = monitorEventLoopDelay({ resolution: 1 })
    monitor.enable()
    const heavyStart = process.hrtime.bigint()
    await call('reports.accountDetails', { remark: heavy.remark, pageSize: 20 })
    const heavyReadMs = ms(heavyStart)
    monitor.disable()
    const inlineStart = process.hrtime.bigint()
    runReport(core.db.$client, 'accountDetails', { tenantId: 1, zone: '+08:00' }, heavy, { pageIndex: 1, pageSize: 20, withTotals: true })
    const inlineMs = ms(inlineStart)
    const mainThread = { heavyReadMs, maxDelayMs: monitor.max / 1e6, p99DelayMs: monitor.percentile(99) / 1e6, inlineMs }
    log(`heavy read (remark search over every entry) in a worker: ${fmt(heavyReadMs, 0)} ms; main thread's event loop delayed at most ${fmt(mainThread.maxDelayMs)} ms (the same read on the main thread: ${fmt(inlineMs, 0)} ms blocked)`)

    load.after = loadavg()
    return { data, cases, mainThread, load }
  } finally {
    core.close()
  }
}

export interface ExportBenchResult {
  filter: string
  rows: number
  totalRows: number
  state: string
  /** From the call until the worker thread has exited (file closed). */
  seconds: number
  /** Until `reports.exportStart` answered: the worker started and the rows counted. */
  startedSeconds: number
  /** CPU time of the process meanwhile (both threads). */
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
 * file as the app does it: `reports.exportStart` through the registry, the job in its own worker
 * thread with its own read-only connection, followed until the thread has exited. The process's
 * RSS (both threads) is sampled every 20 ms; the main thread's event loop is watched meanwhile.
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
