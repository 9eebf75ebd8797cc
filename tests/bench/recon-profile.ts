/**
 * Where a reconciliation job's time goes: `npx tsx tests/bench/recon-profile.ts <db> <file> <alipay_trade|camt053> <channelId> [stages]`
 * runs the dry run, the import and the run of one statement file inline on this thread (as a job's
 * worker thread runs them) on a copy of the database, each under the V8 CPU profiler, and prints each
 * stage's time and the functions that took the most of it (self time). Not part of `npm run bench`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Session, type Profiler } from 'node:inspector'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { openDatabase, openWorkerWriter } from '../../src/main/db/open'
import { commitImport, dryRunImport, type ImportInput } from '../../src/main/recon/import'
import { RULE_VERSION } from '../../src/main/recon/match'
import { executeRun, type RunScope } from '../../src/main/recon/run'
import { BUILT_IN_PROFILES } from '../../src/shared/contract/recon-profile'
import { ZONE } from './recon-data'
import { ALIPAY_FEE_PPM } from './recon-files'

/** PAYDESK_PROFILE_KEEP_DB=1 keeps the database copy (to try the breaks list's queries on it). */
const keep = process.env.PAYDESK_PROFILE_KEEP_DB === '1'
/** PAYDESK_PROFILE_READ_IN_THREAD=1 reads the file in a thread of its own, as a job's worker does for a large file (that thread is not profiled). */
const readInThread = process.env.PAYDESK_PROFILE_READ_IN_THREAD === '1' ? { readInThreadFrom: 0 } : {}
const [dbPath, filePath, profileName, channelText, stagesText = 'dry,import,run'] = process.argv.slice(2)

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))))
}

/** The process's peak RSS (Linux's VmHWM) in MiB, reset by `resetPeakRss`; null elsewhere. */
function peakRssMb(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : null
  } catch {
    return null
  }
}

function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
  } catch {
    // Not Linux: the peak is the process's whole life's.
  }
}

async function profiled<T>(session: Session, name: string, dir: string, work: () => Promise<T> | T): Promise<T> {
  resetPeakRss()
  await post(session, 'Profiler.start')
  const start = performance.now()
  const value = await work()
  const seconds = (performance.now() - start) / 1000
  const { profile } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop')
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
  const self = new Map<string, number>()
  const dt = new Map<number, number>()
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)))
  for (const node of profile.nodes) {
    const f = node.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0))
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const peak = peakRssMb()
  console.log(`\n== ${name}: ${seconds.toFixed(2)} s${peak === null ? '' : `, RSS peak ${peak.toFixed(0)} MiB`}`)
  for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(2).padStart(6)} s  ${key}`)
  return value
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-recon-profile-'))
  const path = join(dir, 'recon.db')
  const removeCopy = () => {
    if (!keep) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  }
  try {
    copyFileSync(dbPath, path)
    // The cached database may predate the latest migrations: applied as the app's start applies them.
    openDatabase({ path }).$client.close()
  } catch (error) {
    removeCopy()
    throw error
  }
  const sqlite = openWorkerWriter({ path })
  sqlite.pragma('cache_size = -65536')
  sqlite.pragma('wal_autocheckpoint = 10000')
  const session = new Session()
  session.connect()
  try {
    await post(session, 'Profiler.enable')
    await post(session, 'Profiler.setSamplingInterval', { interval: 500 })
    const profile = BUILT_IN_PROFILES[profileName as keyof typeof BUILT_IN_PROFILES]
    const channelId = Number(channelText)
    // The channel's fee schedule the bench's Alipay files follow; a bank statement's fees are not checked.
    const feePpm = profileName === 'alipay_trade' ? ALIPAY_FEE_PPM : null
    const now = Date.now()
    const sourceId = Number(
      sqlite
        .prepare("insert into recon_sources (tenant_id, name, kind, channel_id, fee_rate_ppm, fee_fixed_minor, currency, status, created_at, updated_at) values (1, 'profile', 'channel', ?, ?, ?, 'CNY', 'active', ?, ?)")
        .run(channelId, feePpm, feePpm === null ? null : 0, now, now).lastInsertRowid
    )
    const profileId = Number(sqlite.prepare("insert into recon_profiles (source_id, version, profile, note, created_by, created_at) values (?, 1, ?, '', 1, ?)").run(sourceId, JSON.stringify(profile), now).lastInsertRowid)
    const input: ImportInput = { tenantId: 1, sourceId, profileId, profile, sourceCurrency: 'CNY', filePath, fileName: basename(filePath), userId: 1, now }
    const stages = stagesText.split(',')
    if (stages.includes('dry')) await profiled(session, 'dry-run', dir, () => dryRunImport(sqlite, input, readInThread))
    const committed = await profiled(session, 'import', dir, () => commitImport(sqlite, input, readInThread))
    const period = committed!.report.period!
    const scope: RunScope = { statementIds: [committed!.statementId], from: period.from, to: period.to, channelId }
    const m = profile.matching
    const runId = Number(sqlite.prepare("insert into recon_runs (tenant_id, source_id, scope, input_hash, rule_version, status, created_by, started_at) values (1, ?, ?, '', ?, 'running', 1, ?)").run(sourceId, JSON.stringify(scope), RULE_VERSION, now).lastInsertRowid)
    const fee = feePpm === null ? null : { ratePpm: feePpm, fixedMinor: 0 }
    if (stages.includes('run'))
      await profiled(session, 'run', dir, () =>
        executeRun(sqlite, runId, 1, scope, { toleranceMinor: 0, tolerancePpm: 0, windowMs: m.windowMinutes * 60_000, graceMs: m.graceMinutes * 60_000, cutoffMinutes: m.cutoffMinutes, fee, zone: ZONE }, now)
      )
    console.log(`\nprofiles in ${dir}${keep ? `, the database copy at ${path}` : ' (the database copy removed)'}`)
  } finally {
    session.disconnect()
    sqlite.close()
    removeCopy()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
