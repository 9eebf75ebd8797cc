/**
 * Test and bench instrument: times every database call made on one better-sqlite3 connection of this
 * thread (statement run/get/all/iterate, exec, and each transaction from BEGIN to COMMIT or
 * ROLLBACK). It wraps the methods of better-sqlite3's Statement and Database prototypes for the
 * life of the process that installs it and records only calls on the connection it watches, so
 * product code carries no hook and no overhead; the report workers' own connections live in other
 * threads (their own copies of the module) and are never seen.
 */
import { performance, PerformanceObserver } from 'node:perf_hooks'
import Database from 'better-sqlite3'

export interface DbCall {
  /** The method and the statement's SQL (whitespace folded), `exec: …`, or `transaction: <first statement>` (pragmas and savepoints left out). */
  sql: string
  ms: number
  /**
   * The CPU time this process used meanwhile (all its threads): near `ms` when the call itself was
   * slow, far below it when the thread waited for a core or the disk.
   */
  cpuMs: number
  /** When it started (performance.now()). */
  at: number
  /** The main thread's GC pauses during the call (filled in by `longest` and `busiest`). */
  gcMs?: number
  /** The statement as prepared and the arguments of this call (statement calls only), to ask SQLite for its plan. */
  source?: string
  args?: unknown[]
}

export interface DbCallRecorder {
  /** Calls recorded since `reset`, longest first (at most `limit`). */
  longest(limit?: number): DbCall[]
  /** Calls recorded since `reset`, most process CPU time first (at most `limit`). */
  busiest(limit?: number): DbCall[]
  /** How many calls were recorded since `reset`. */
  count(): number
  /** Every call recorded since `reset`, in order. */
  all(): readonly DbCall[]
  reset(): void
  /** Stops recording (the wrappers stay, and pass through). */
  stop(): void
}

type Method = 'run' | 'get' | 'all' | 'iterate'

interface Watch {
  sqlite: Database.Database
  calls: DbCall[]
  transaction: { started: bigint; at: number; cpu: NodeJS.CpuUsage; first: string | null } | null
  gcs: { start: number; end: number }[]
}

let watched: Watch | null = null
let installed = false

const fold = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 300)
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function install(): void {
  if (installed) return
  installed = true
  const probe = new Database(':memory:')
  const statementProto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<Method, (...args: unknown[]) => unknown>
  probe.close()
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = statementProto[method]
    statementProto[method] = function (this: Database.Statement, ...args: unknown[]) {
      const watch = watched
      if (!watch || this.database !== watch.sqlite) return original.apply(this, args)
      const source = this.source
      const isBegin = /^BEGIN\b/i.test(source)
      const start = process.hrtime.bigint()
      const at = performance.now()
      const cpu = process.cpuUsage()
      if (isBegin) watch.transaction = { started: start, at, cpu, first: null }
      else if (watch.transaction && watch.transaction.first === null && !/^(SAVEPOINT|RELEASE|ROLLBACK TO|PRAGMA)\b/i.test(source)) watch.transaction.first = source
      try {
        return original.apply(this, args)
      } finally {
        watch.calls.push({ sql: `${method}: ${fold(source)}`, ms: since(start), cpuMs: cpuSince(cpu), at, source, args })
        if (/^(COMMIT|ROLLBACK)$/i.test(source.trim()) && watch.transaction) {
          watch.calls.push({ sql: `transaction: ${fold(watch.transaction.first ?? '(empty)')}`, ms: since(watch.transaction.started), cpuMs: cpuSince(watch.transaction.cpu), at: watch.transaction.at })
          watch.transaction = null
        }
      }
    }
  }
  const dbProto = Database.prototype as unknown as { exec: (sql: string) => unknown }
  const exec = dbProto.exec
  dbProto.exec = function (this: Database.Database, sql: string) {
    const watch = watched
    if (!watch || this !== watch.sqlite) return exec.call(this, sql)
    const start = process.hrtime.bigint()
    const at = performance.now()
    const cpu = process.cpuUsage()
    try {
      return exec.call(this, sql)
    } finally {
      watch.calls.push({ sql: `exec: ${fold(sql)}`, ms: since(start), cpuMs: cpuSince(cpu), at })
    }
  }
}

/** Starts recording the calls made on `sqlite` from this thread (one connection at a time). */
export function recordDbCalls(sqlite: Database.Database): DbCallRecorder {
  install()
  const watch: Watch = { sqlite, calls: [], transaction: null, gcs: [] }
  watched = watch
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) watch.gcs.push({ start: entry.startTime, end: entry.startTime + entry.duration })
  })
  gc.observe({ entryTypes: ['gc'] })
  const withGc = (call: DbCall): DbCall => {
    const end = call.at + call.ms
    const gcMs = watch.gcs.reduce((sum, g) => sum + Math.max(0, Math.min(end, g.end) - Math.max(call.at, g.start)), 0)
    return { ...call, gcMs }
  }
  return {
    longest: (limit = 10) => [...watch.calls].sort((a, b) => b.ms - a.ms).slice(0, limit).map(withGc),
    busiest: (limit = 10) => [...watch.calls].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, limit).map(withGc),
    count: () => watch.calls.length,
    all: () => watch.calls,
    reset: () => {
      watch.calls = []
      watch.gcs = []
    },
    stop: () => {
      gc.disconnect()
      if (watched === watch) watched = null
    }
  }
}
