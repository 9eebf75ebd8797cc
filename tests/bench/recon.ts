/**
 * Reconciliation at a million lines (`npm run bench -- recon`): statement files imported and matched
 * the way a clerk does it in the desktop app, through the procedures the screens call
 * (`core.dispatch`: session, permission, input, output check) on the desktop core (`createCore`,
 * its reconciliation jobs in worker threads) over a writable copy of the benchmark's database
 * (recon-data.ts), with the files of recon-files.ts:
 *
 * - Alipay's trade bill of the year, about a million lines and a few hundred differences, zipped
 *   as Alipay delivers it (the file itself is over the 64 MB upload limit);
 * - a camt.053 statement of the bank channel's payouts, about 100,000 entries, zipped too;
 * - a bill of two bad months on a second Alipay account, with about 100,000 differences: its run's
 *   open breaks are then read through `recon.breaks.list` (a read worker of the pool), and alone
 *   on a read-only connection of this thread.
 *
 * Each file: `recon.uploads.put`, `recon.imports.check` (the dry run), `recon.imports.commit`,
 * `recon.runs.start`, each job followed by `recon.jobs.status` every 50 ms (the screens ask every
 * 300 ms). Meanwhile the process's RSS (all threads) is sampled every 50 ms and the main thread's
 * event loop is watched (monitorEventLoopDelay, and a 10 ms timer's lateness).
 *
 * PAYDESK_BENCH_RECON_SCALE (default 1) scales the data and files down for a quick check.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { createCore, type Core } from '../../src/main/app/core'
import { READS } from '../../src/main/app/reads'
import { keepMainThreadResponsive } from '../../src/main/app/v8-flags'
import { aesSecretBox } from '../../src/main/core/secrets'
import { runRead } from '../../src/main/reads/catalog'
import type { CommitOutcome, ImportReport } from '../../src/main/recon/import'
import { RECON_READS, type BreakListFilters } from '../../src/main/recon/reads'
import type { ProcedureName } from '../../src/shared/contract'
import type { ReconJobView, RunRow } from '../../src/shared/contract/reconciliation'
import { BUILT_IN_PROFILES, type ReconProfile } from '../../src/shared/contract/recon-profile'
import { alipayText, gbk } from '../integration/recon/fixtures'
import { recordDbCalls, type DbCall, type DbCallRecorder } from '../support/db-calls'
import { machineFloor, watchLoop } from './loop-watch'
import { RECON_SIZES, reconDatabase, ZONE, type ReconDataInfo } from './recon-data'
import { ALIPAY_FEE_PPM, alipayBill, camtStatement, zipped, type StatementFile } from './recon-files'
import { BENCH_ADMIN } from './reports-data'
import { SAMPLES } from './reports'
import { fmt, ms, summarize } from './stats'

const DAY = 86_400_000
/** A figure of the breaks list stops early after this long (at least 10 calls), as the report figures do. */
const BUDGET_MS = 4000
const PAGE_SIZE = 20
const POLL_MS = 50
export const SCALE = Number(process.env.PAYDESK_BENCH_RECON_SCALE ?? 1)

/** The year's bill: about 400 differences in a million lines. */
const YEAR_DIFFERENCES = { omitted: 0.0001, amount: 0.00008, fee: 0.0001, duplicate: 0.00002, window: 0.00002, status: 0.0004, unknown: 0.00006 }
/** Two bad months: about 100,000 differences in 190,000 lines. */
const BAD_MONTHS_DIFFERENCES = { omitted: 0.22, amount: 0.1, fee: 0.18, duplicate: 0.01, window: 0.02, status: 0.3, unknown: 0.05 }
const BAD_MONTHS_DAYS = 62
const CAMT_DIFFERENCES = { omitted: 0.0005, amount: 0.0005, unknown: 0.0005 }

export interface Watch {
  seconds: number
  rssPeakMb: number
  /** The main thread's longest event-loop delay (monitorEventLoopDelay) and a 10 ms timer's longest lateness. */
  maxDelayMs: number
  timerLateMs: number
  /** CPU time of the process (all threads) meanwhile. */
  cpuSeconds: number
}

export interface ClerkStages {
  /** The statement as written, and the zip uploaded. */
  file: StatementFile
  upload: StatementFile
  put: Watch
  dryRun: Watch
  commit: Watch
  run: Watch
  /** Upload + dry run + commit + run. */
  total: Watch
  lines: number
  stored: number
  breaks: number
  breaksByType: Record<string, number>
  matched: number
  runId: number
  /** The longest database call on the main thread's connection meanwhile (the procedures', the jobs' ends), of how many. */
  longestDbCall: DbCall | null
  dbCalls: number
}

export interface BreakListCase {
  filter: string
  total: number
  pool: ReturnType<typeof summarize>
  alone: ReturnType<typeof summarize>
}

export interface ReconBenchResult {
  data: ReconDataInfo
  scale: number
  /** The code measured: the commit, and whether the working tree had changes on top of it. */
  commit: string
  /** A dry run of a three-line file through the procedures: mostly its worker thread's start. */
  workerStartMs: number
  year: ClerkStages
  camt: ClerkStages
  badMonths: ClerkStages
  openBreaks: number
  list: BreakListCase[]
  listMaxDelayMs: number
  load: { before: number[]; after: number[] }
  /** This machine's floor for the main thread's delay (loop-watch.ts `machineFloor`), measured after the rest. */
  floor: { idleMaxDelayMs: number; busyMaxDelayMs: number }
}

/** Watches the process while `work` runs: RSS every 50 ms, the main thread's event loop, CPU time. */
async function watch<T>(work: () => Promise<T>): Promise<{ value: T; watch: Watch }> {
  const { value, watch: w } = await watchLoop(work)
  return { value, watch: { seconds: w.seconds, rssPeakMb: w.rssPeakMb, maxDelayMs: w.maxDelayMs, timerLateMs: w.timerLateMs, cpuSeconds: w.cpuSeconds } }
}

type Call = <T>(procedure: ProcedureName, input: unknown) => Promise<T>

/** A job started by a procedure, followed as the screens follow it, until it ends: its result. */
async function awaitJob<T>(call: Call, started: ReconJobView): Promise<T> {
  let job = started
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    job = await call<ReconJobView>('recon.jobs.status', { jobId: job.id })
  }
  if (job.state !== 'finished') throw new Error(`the ${job.kind} job ended ${job.state}: ${job.error?.code} ${job.error?.message}`)
  return job.result as T
}

interface Source {
  id: number
  name: string
}

/** What the clerk does with a file: upload it, the dry run, the import, a run over the statement's period. */
async function clerk(call: Call, dbCalls: DbCallRecorder, source: Source, file: StatementFile, upload: StatementFile, log: (line: string) => void): Promise<ClerkStages> {
  // The renderer reads the file and sends it as base64: its work, not measured.
  const contentBase64 = readFileSync(upload.path).toString('base64')
  const fileName = basename(upload.path).replace(/^recon-/, '')
  let put: Watch | null = null
  let report: ImportReport | null = null
  let commit: CommitOutcome | null = null
  let run: RunRow | null = null
  const stages: Partial<Record<'dryRun' | 'commit' | 'run', Watch>> = {}
  dbCalls.reset()
  const total = await watch(async () => {
    const sent = await watch(() => call<{ uploadId: string; size: number }>('recon.uploads.put', { fileName, contentBase64 }))
    put = sent.watch
    log(`${file.name}: upload of ${fmt(upload.bytes / 2 ** 20, 0)} MiB ${fmt(sent.watch.seconds, 2)} s, main thread delayed ≤ ${fmt(sent.watch.maxDelayMs, 1)} ms`)
    const uploadId = sent.value.uploadId
    const dry = await watch(async () => awaitJob<ImportReport>(call, await call<ReconJobView>('recon.imports.check', { sourceId: source.id, uploadId })))
    stages.dryRun = dry.watch
    report = dry.value
    if (report.problemCount > 0 || report.refused) throw new Error(`${file.name}: the dry run found ${report.problemCount} problems (${JSON.stringify(report.problems.slice(0, 3))})`)
    log(`${file.name}: dry run ${fmt(dry.watch.seconds, 2)} s, ${report.lineCount} lines, controls ${report.controls.every((c) => c.ok) ? 'agree' : `DISAGREE ${JSON.stringify(report.controls)}`}`)
    const stored = await watch(async () => awaitJob<CommitOutcome>(call, await call<ReconJobView>('recon.imports.commit', { sourceId: source.id, uploadId })))
    stages.commit = stored.watch
    commit = stored.value
    log(`${file.name}: import ${fmt(stored.watch.seconds, 2)} s, ${commit.stored} lines stored`)
    const matched = await watch(async () => {
      const started = await call<{ run: RunRow; job: ReconJobView }>('recon.runs.start', { sourceId: source.id, statementIds: [commit!.statementId] })
      await awaitJob(call, started.job)
      return call<RunRow>('recon.runs.get', { id: started.run.id })
    })
    stages.run = matched.watch
    run = matched.value
  })
  const longestDbCall = dbCalls.longest(1)[0] ?? null
  const dbCallCount = dbCalls.count()
  log(`${file.name}: the longest of ${dbCallCount} database calls on the main thread: ${fmt(longestDbCall?.ms ?? 0)} ms (${fmt(longestDbCall?.cpuMs ?? 0)} ms CPU, ${fmt(longestDbCall?.gcMs ?? 0)} ms GC) ${longestDbCall?.sql.slice(0, 160)}`)
  const finished = run! as RunRow
  const summary = finished.summary
  if (finished.status !== 'finished' || !summary) throw new Error(`${file.name}: run ${finished.id} is ${finished.status}: ${finished.error}`)
  const breaks = Object.values(summary.breaks).reduce((a, b) => a + b, 0)
  log(`${file.name}: run ${fmt(stages.run!.seconds, 2)} s, ${summary.matched} lines matched, ${breaks} breaks ${JSON.stringify(summary.breaks)}; expected from the file: ${JSON.stringify(file.differences)}`)
  return {
    file,
    upload,
    put: put!,
    dryRun: stages.dryRun!,
    commit: stages.commit!,
    run: stages.run!,
    total: total.watch,
    lines: (report! as ImportReport).lineCount,
    stored: (commit! as CommitOutcome).stored,
    breaks,
    breaksByType: summary.breaks,
    matched: summary.matched,
    runId: finished.id,
    longestDbCall,
    dbCalls: dbCallCount
  }
}

/** A dry run of a three-line Alipay file, twice (the first also compiles the worker's modules): the second's time. */
async function tinyDryRun(call: Call, source: Source): Promise<number> {
  const { uploadId } = await call<{ uploadId: string }>('recon.uploads.put', { fileName: 'tiny_业务明细.csv', contentBase64: gbk(alipayText()).toString('base64') })
  const dryRun = async () => awaitJob(call, await call<ReconJobView>('recon.imports.check', { sourceId: source.id, uploadId }))
  await dryRun()
  const start = process.hrtime.bigint()
  await dryRun()
  return ms(start)
}

function commitOf(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: join(__dirname, '..', '..'), encoding: 'utf8' }).trim()
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') === '' ? '' : ' with uncommitted changes'}`
  } catch {
    return 'unknown (no git)'
  }
}

const scaled = (scale: number) =>
  scale === 1 ? RECON_SIZES : { ...RECON_SIZES, deposits: Math.max(1000, Math.round(RECON_SIZES.deposits * scale)), payouts: Math.max(100, Math.round(RECON_SIZES.payouts * scale)) }

/** The zip entry's name as Alipay's download names it (`<账号>_<yyyyMMdd>_业务明细.csv`). */
const alipayEntry = (file: StatementFile) => `20880000000000000156_${new Date(file.to + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')}_业务明细.csv`

export async function benchRecon(log: (line: string) => void): Promise<ReconBenchResult> {
  const load = { before: loadavg(), after: [] as number[] }
  const data = await reconDatabase(log, scaled(SCALE))
  const year = await alipayBill(data, { name: 'Alipay bill of the year', from: data.from, to: data.to, differences: YEAR_DIFFERENCES, seed: 1 }, log)
  const badFrom = data.to - BAD_MONTHS_DAYS * DAY
  const badMonths = await alipayBill(data, { name: 'Alipay bill of two bad months', from: badFrom, to: data.to, differences: BAD_MONTHS_DIFFERENCES, seed: 2 }, log)
  const camt = await camtStatement(data, { name: 'camt.053 of the payouts', from: data.from, to: data.to, differences: CAMT_DIFFERENCES, seed: 3 }, log)
  const uploads = {
    year: await zipped(year, alipayEntry(year), log),
    badMonths: await zipped(badMonths, alipayEntry(badMonths), log),
    camt: await zipped(camt, `camt053_${new Date(camt.to).toISOString().slice(0, 10)}.xml`, log)
  }

  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-recon-'))
  let core: Core | null = null
  try {
    const path = join(dir, 'recon.db')
    const copying = Date.now()
    for (const suffix of ['', '-wal']) if (existsSync(data.path + suffix)) copyFileSync(data.path + suffix, path + suffix)
    log(`recon data: writable copy in ${dir} (${((Date.now() - copying) / 1000).toFixed(1)} s)`)
    // As the desktop's main process sets up its main thread and opens its core.
    keepMainThreadResponsive()
    core = createCore({ dbPath: path, mode: 'desktop', secrets: aesSecretBox(randomBytes(32)), log: (e) => console.error(e) })
    const app = core
    const dbCalls = recordDbCalls(core.db.$client)
    const login = await app.dispatch('auth.login', BENCH_ADMIN, { token: null, transport: 'ipc' })
    const token = (login.data as { token: string }).token
    const call: Call = async <T>(procedure: ProcedureName, input: unknown) => {
      const envelope = await app.dispatch(procedure, input, { token, transport: 'ipc' })
      if (envelope.status !== 200) throw new Error(`${procedure}: ${envelope.message}`)
      return envelope.data as T
    }
    const source = async (name: string, kind: 'channel' | 'bank', channelId: number, profile: ReconProfile, feePpm: number | null): Promise<Source> =>
      call<Source>('recon.sources.create', { name, kind, channelId, feeRate: feePpm === null ? null : String(feePpm / 10_000), feeFixed: feePpm === null ? null : '0', currency: 'CNY', profile })
    const alipay = await source('Alipay (bench)', 'channel', data.alipayChannelId, BUILT_IN_PROFILES.alipay_trade, ALIPAY_FEE_PPM)
    const secondAlipay = await source('Alipay, second account (bench)', 'channel', data.alipayChannelId, BUILT_IN_PROFILES.alipay_trade, ALIPAY_FEE_PPM)
    // The payout channel's bank account: a source of the channel (a `bank` source names no channel, so its run would set
    // every channel's orders of the period against the bank's entries).
    const bank = await source('Bank payouts (bench)', 'channel', data.bankChannelId, BUILT_IN_PROFILES.camt053, null)
    const workerStartMs = await tinyDryRun(call, alipay)
    log(`a dry run of a three-line file (mostly the worker thread's start): ${fmt(workerStartMs, 0)} ms`)
    const yearStages = await clerk(call, dbCalls, alipay, year, uploads.year, log)
    const camtStages = await clerk(call, dbCalls, bank, camt, uploads.camt, log)
    const badStages = await clerk(call, dbCalls, secondAlipay, badMonths, uploads.badMonths, log)
    dbCalls.stop()
    const list = await breakList(path, call, badStages.runId, log)
    load.after = loadavg()
    const floor = await machineFloor()
    log(`this machine's floor: an idle event loop delayed ≤ ${fmt(floor.idleMaxDelayMs, 1)} ms alone, ≤ ${fmt(floor.busyMaxDelayMs, 1)} ms beside one allocation-heavy process`)
    return { data, scale: SCALE, commit: commitOf(), workerStartMs, year: yearStages, camt: camtStages, badMonths: badStages, ...list, load, floor }
  } finally {
    await core?.recon.stopAll()
    core?.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The breaks list of a run with about 100,000 open breaks: through `recon.breaks.list` (a read worker of the pool), and alone on a read connection of this thread. */
async function breakList(path: string, call: Call, runId: number, log: (line: string) => void): Promise<Pick<ReconBenchResult, 'openBreaks' | 'list' | 'listMaxDelayMs'>> {
  const reader = new Database(path, { readonly: true })
  try {
    const count = (sql: string, ...params: unknown[]) => reader.prepare(sql).get(runId, ...params) as Record<string, string | number>
    const openBreaks = count("select count(*) as n from recon_breaks where run_id = ? and status = 'open'").n as number
    const topType = count('select type, count(*) as n from recon_breaks where run_id = ? group by type order by n desc limit 1')
    const rareType = count("select type, count(*) as n from recon_breaks where run_id = ? and type in ('duplicate', 'status_mismatch') group by type order by n limit 1")
    const topCause = count('select cause_key as cause, count(*) as n from recon_breaks where run_id = ? group by cause_key order by n desc limit 1')
    const topMerchant = count('select merchant_id as id, count(*) as n from recon_breaks where run_id = ? and merchant_id is not null group by merchant_id order by n desc limit 1')
    type Filter = Omit<BreakListFilters, 'runId' | 'now'>
    const filters: { name: string; filter: Filter; deep?: boolean }[] = [
      { name: 'open breaks, first pages', filter: { status: 'open' } },
      { name: 'open breaks, a deep page', filter: { status: 'open' }, deep: true },
      { name: `type ${topType.type} (the most common)`, filter: { type: topType.type as string, status: 'open' } },
      { name: `type ${rareType.type} (a rare one)`, filter: { type: rareType.type as string, status: 'open' } },
      { name: `type ${topType.type}, a deep page`, filter: { type: topType.type as string, status: 'open' }, deep: true },
      { name: `cause ${topCause.cause} (the most common)`, filter: { causeKey: topCause.cause as string, status: 'open' } },
      { name: 'one merchant (the most breaks)', filter: { merchantId: topMerchant.id as number, status: 'open' } },
      { name: 'one merchant, a deep page', filter: { merchantId: topMerchant.id as number, status: 'open' }, deep: true },
      { name: 'no filter (any status)', filter: {} }
    ]
    const list = (filter: Filter, page: number) => call<{ total: number; items: unknown[] }>('recon.breaks.list', { runId, ...filter, page, pageSize: PAGE_SIZE })
    // The pool's threads start on the first read: not part of what is measured.
    await list({ status: 'open' }, 1)
    const monitor = monitorEventLoopDelay({ resolution: 1 })
    monitor.enable()
    const cases: BreakListCase[] = []
    const pagesOf: ((i: number) => number)[] = []
    for (const f of filters) {
      const first = await list(f.filter, 1)
      const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE))
      // Typical pages: the first ten. A deep page: anywhere in the second half of the list.
      const pageAt = (i: number) => (f.deep ? Math.ceil(pages / 2) + ((i * 7919) % Math.max(1, Math.floor(pages / 2))) : 1 + (i % Math.min(10, pages)))
      const samples: number[] = []
      const began = Date.now()
      for (let i = 0; i < SAMPLES && (i < 10 || Date.now() - began < BUDGET_MS); i++) {
        const start = process.hrtime.bigint()
        const page = await list(f.filter, pageAt(i))
        samples.push(ms(start))
        if (page.items.length === 0) throw new Error(`the breaks list gave an empty page ${pageAt(i)} of ${pages} for ${f.name}`)
      }
      pagesOf.push(pageAt)
      cases.push({ filter: f.name, total: first.total, pool: summarize(samples), alone: summarize([]) })
    }
    monitor.disable()
    // The same pages alone on this thread (after the event loop was watched: these block it).
    const scope = { tenantId: 1, zone: ZONE }
    filters.forEach((f, k) => {
      const filter: BreakListFilters = { runId, now: Date.now(), ...f.filter }
      const samples: number[] = []
      for (let i = 0; i < cases[k].pool.n; i++) {
        const start = process.hrtime.bigint()
        runRead(reader, READS, RECON_READS.reconBreaks, scope, filter, { pageIndex: pagesOf[k](i), pageSize: PAGE_SIZE, withTotals: false })
        samples.push(ms(start))
      }
      cases[k].alone = summarize(samples)
      log(`breaks list, ${f.name}: ${cases[k].total} breaks; ${cases[k].pool.n} calls; recon.breaks.list p50 ${fmt(cases[k].pool.p50)} p99 ${fmt(cases[k].pool.p99)} ms; alone p50 ${fmt(cases[k].alone.p50)} p99 ${fmt(cases[k].alone.p99)} ms`)
    })
    return { openBreaks, list: cases, listMaxDelayMs: monitor.max / 1e6 }
  } finally {
    reader.close()
  }
}
