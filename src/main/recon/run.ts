/**
 * A reconciliation run, on one connection that may write (a worker thread's own, or the caller's
 * for an in-memory database): it loads the scope's lines and our orders and refunds, matches them
 * (match.ts), writes the matches and the breaks in batches while the run is `running` (no list
 * shows a running run), carries the decisions people took on the same breaks in earlier runs, and
 * finishes with the hash of its result. The same inputs give the same result hash.
 */
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { fromMinor } from '../../shared/money'
import { businessDayFn } from '../ledger/business-day'
import { matchStatement, RULE_VERSION, type Break, type Control, type Line, type ManualLink, type Match, type MatchRules, type Ours } from './match'

export interface RunScope {
  statementIds: number[]
  from: number
  to: number
  channelId: number | null
  /** Test orders count only when asked (SPEC §5: reports and reconciliation can leave them out). */
  includeTest?: boolean
}

export interface RunSettings {
  toleranceMinor: number
  tolerancePpm: number
  windowMs: number
  graceMs: number
  cutoffMinutes: number
  fee: { ratePpm: number; fixedMinor: number } | null
  /** The source's business time zone (its days: Alipay and WeChat cut at 00:00 Beijing). */
  zone: string
}

export interface RunSummary {
  lines: number
  matched: number
  matchedAmount: Record<string, string>
  matchRate: number
  pending: { lines: number; ours: number }
  breaks: Record<string, number>
  breakAmounts: Record<string, Record<string, string>>
  carried: number
  /** Breaks left open (those not carried as decided). */
  open: number
}

const BATCH = 2000

function loadLines(sqlite: Database.Database, statementIds: number[]): Line[] {
  return sqlite
    .prepare(
      `select id, statement_id as statementId, line_no as lineNo, row_key as rowKey, kind, order_no as orderNo, merchant_order_no as merchantOrderNo,
        upstream_no as upstreamNo, refund_no as refundNo, currency, gross_minor as grossMinor, fee_minor as feeMinor, net_minor as netMinor, at, status
       from recon_lines where statement_id in (select value from json_each(?)) order by statement_id, line_no`
    )
    .all(JSON.stringify(statementIds)) as Line[]
}

function loadControls(sqlite: Database.Database, statementIds: number[]): Control[] {
  const rows = sqlite.prepare('select id, controls from recon_statements where id in (select value from json_each(?)) order by id').all(JSON.stringify(statementIds)) as { id: number; controls: string }[]
  return rows.flatMap((r) => (JSON.parse(r.controls) as Omit<Control, 'statementId'>[]).map((c) => ({ ...c, statementId: r.id })))
}

const ORDER_COLUMNS = `'order' as kind, o.id, o.order_no as orderNo, o.merchant_order_no as merchantOrderNo, o.upstream_no as upstreamNo, o.direction, o.status,
  o.currency, case when o.direction = 'deposit' and o.paid_minor is not null then o.paid_minor else o.amount_minor end as amountMinor,
  o.merchant_id as merchantId, coalesce(o.finalized_at, o.created_at) as at, o.is_test as isTest`

const REFUND_COLUMNS = `'refund' as kind, r.id, r.refund_no as refundNo, r.order_id as orderId, r.upstream_no as upstreamNo, r.status, r.currency,
  r.amount_minor as amountMinor, r.merchant_id as merchantId, coalesce(r.finalized_at, r.created_at) as at, r.is_test as isTest`

/**
 * Ours: the channel's orders and refunds made in the period (widened by the window), and any other
 * the lines name by a key (an old order's late refund, a payment a day early).
 */
function loadOurs(sqlite: Database.Database, scope: RunScope, lines: Line[], windowMs: number): Ours[] {
  const from = scope.from - windowMs
  const to = scope.to + windowMs
  const channel = scope.channelId === null ? '' : 'and o.channel_id = :channel'
  const found = new Map<string, Ours>()
  const add = (rows: (Omit<Ours, 'isTest'> & { isTest: number })[]) => rows.forEach((r) => found.set(`${r.kind}:${r.id}`, { ...r, isTest: r.isTest === 1 } as Ours))
  const params = { from, to, channel: scope.channelId }
  add(sqlite.prepare(`select ${ORDER_COLUMNS} from orders o where o.created_at >= :from and o.created_at < :to ${channel}`).all(scope.channelId === null ? { from, to } : params) as never)
  add(sqlite.prepare(`select ${REFUND_COLUMNS} from refunds r where r.created_at >= :from and r.created_at < :to ${channel.replace('o.', 'r.')}`).all(scope.channelId === null ? { from, to } : params) as never)
  const keys = (pick: (l: Line) => string | null) => JSON.stringify([...new Set(lines.map(pick).filter((k): k is string => !!k))])
  add(sqlite.prepare(`select ${ORDER_COLUMNS} from orders o where o.order_no in (select value from json_each(?))`).all(keys((l) => l.orderNo)) as never)
  add(sqlite.prepare(`select ${ORDER_COLUMNS} from orders o where o.upstream_no in (select value from json_each(?))`).all(keys((l) => l.upstreamNo)) as never)
  add(sqlite.prepare(`select ${REFUND_COLUMNS} from refunds r where r.refund_no in (select value from json_each(?))`).all(keys((l) => l.refundNo)) as never)
  return [...found.values()]
}

function loadLinks(sqlite: Database.Database, statementIds: number[]): ManualLink[] {
  return sqlite
    .prepare(
      `select m.line_id as lineId, m.order_id as orderId, m.refund_id as refundId from recon_manual_links m join recon_lines l on l.id = m.line_id
       where l.statement_id in (select value from json_each(?)) and m.removed_at is null order by m.id`
    )
    .all(JSON.stringify(statementIds)) as ManualLink[]
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')

/** What the run depends on: the files, the profiles that read them, the rules, the links, and our side as it stands. */
export function runInputHash(sqlite: Database.Database, scope: RunScope, settings: RunSettings, ours: Ours[], links: ManualLink[]): string {
  const files = sqlite
    .prepare('select s.file_hash as fileHash, p.version from recon_statements s join recon_profiles p on p.id = s.profile_id where s.id in (select value from json_each(?)) order by s.id')
    .all(JSON.stringify(scope.statementIds))
  const oursState = ours.map((o) => [o.kind, o.id, o.status, o.amountMinor, o.currency]).sort((a, b) => (`${a[0]}:${a[1]}` < `${b[0]}:${b[1]}` ? -1 : 1))
  return digest({ rule: RULE_VERSION, scope, settings, files, links, ours: digest(oursState) })
}

export function resultHash(matches: Match[], breaks: Break[]): string {
  const m = matches.map((x) => [x.lineId, x.orderId, x.refundId, x.pass, x.groupKey]).sort((a, b) => (a[0] as number) - (b[0] as number))
  const b = breaks.map((x) => [x.identity, x.type, x.lineId, x.orderId, x.refundId, x.theirsMinor, x.oursMinor, x.differenceMinor, x.causeKey])
  return digest({ m, b })
}

export interface RunOutcome {
  resultHash: string
  inputHash: string
  summary: RunSummary
}

/**
 * Runs the matching of `runId` (its row already `running`) and writes its result; the last
 * transaction marks it `finished` with its hashes and summary, so a run is whole or not shown.
 * Asked to stop (`shouldStop`, between batches) it removes what it wrote and marks the run
 * `cancelled` (answering null); failing, it does the same and marks it `failed`.
 */
export function executeRun(sqlite: Database.Database, runId: number, tenantId: number, scope: RunScope, settings: RunSettings, now: number, shouldStop: () => boolean = () => false): RunOutcome | null {
  try {
    const outcome = writeRun(sqlite, runId, tenantId, scope, settings, now, shouldStop)
    if (!outcome) {
      discardRun(sqlite, runId, 'cancelled', null)
      return null
    }
    return outcome
  } catch (error) {
    discardRun(sqlite, runId, 'failed', error instanceof Error ? error.message : String(error))
    throw error
  }
}

function writeRun(sqlite: Database.Database, runId: number, tenantId: number, scope: RunScope, settings: RunSettings, now: number, shouldStop: () => boolean): RunOutcome | null {
  const lines = loadLines(sqlite, scope.statementIds)
  const ours = loadOurs(sqlite, scope, lines, settings.windowMs)
  const links = loadLinks(sqlite, scope.statementIds)
  const controls = loadControls(sqlite, scope.statementIds)
  const dayOf = businessDayFn(settings.zone)
  const rules: MatchRules = { toleranceMinor: settings.toleranceMinor, tolerancePpm: settings.tolerancePpm, windowMs: settings.windowMs, graceMs: settings.graceMs, fee: settings.fee, dayOf, cutoffMinutes: settings.cutoffMinutes }
  const result = matchStatement(lines, ours, links, controls, rules, { from: scope.from, to: scope.to, now, includeTest: !!scope.includeTest })
  const inputHash = runInputHash(sqlite, scope, settings, ours, links)
  const hash = resultHash(result.matches, result.breaks)

  const insertMatch = sqlite.prepare('insert into recon_matches (run_id, line_id, order_id, refund_id, pass, group_key, merchant_id, currency, amount_minor) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insertBreak = sqlite.prepare(
    `insert into recon_breaks (tenant_id, run_id, type, identity, line_id, order_id, refund_id, statement_id, merchant_id, currency, theirs_minor, ours_minor, difference_minor, at, cause_key, detail, status, resolution, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const decided = sqlite.prepare(
    `select e.resolution, e.id from recon_break_events e where e.identity = ? and e.action in ('resolved', 'undone', 'carried') order by e.id desc limit 1`
  )
  const carry = sqlite.prepare(
    `insert into recon_break_events (break_id, identity, at, actor, action, resolution, text, summary, detail) values (?, ?, ?, 'system', 'carried', ?, ?, ?, ?)`
  )
  let carried = 0
  for (let i = 0; i < result.matches.length; i += BATCH) {
    if (shouldStop()) return null
    sqlite.transaction(() => {
      for (const m of result.matches.slice(i, i + BATCH)) insertMatch.run(runId, m.lineId, m.orderId, m.refundId, m.pass, m.groupKey, m.merchantId, m.currency, m.amountMinor)
    })()
  }
  for (let i = 0; i < result.breaks.length; i += BATCH) {
    if (shouldStop()) return null
    sqlite.transaction(() => {
      for (const b of result.breaks.slice(i, i + BATCH)) {
        // A decision taken on the same break in an earlier run (and not undone) still stands.
        const last = decided.get(b.identity) as { resolution: string | null; id: number } | undefined
        const resolution = last?.resolution ?? null
        const info = insertBreak.run(tenantId, runId, b.type, b.identity, b.lineId, b.orderId, b.refundId, b.statementId, b.merchantId, b.currency, b.theirsMinor, b.oursMinor, b.differenceMinor, b.at, b.causeKey, JSON.stringify(b.detail), resolution ? 'resolved' : 'open', resolution, now)
        if (resolution) {
          carried++
          const text = { code: 'recon.decisionCarried', params: { eventId: last!.id } }
          carry.run(Number(info.lastInsertRowid), b.identity, now, resolution, JSON.stringify(text), `Decision of event ${last!.id} carried from an earlier run`, null)
        }
      }
    })()
  }
  if (shouldStop()) return null
  const summary = summarize(lines, result.matches, result.breaks, result.pending, carried)
  sqlite
    .prepare("update recon_runs set status = 'finished', input_hash = ?, result_hash = ?, summary = ?, finished_at = ? where id = ? and status = 'running'")
    .run(inputHash, hash, JSON.stringify(summary), Date.now(), runId)
  return { resultHash: hash, inputHash, summary }
}

/** Removes a run's matches and breaks in batches (the main thread's writes wait at most one), then marks it. */
export function discardRun(sqlite: Database.Database, runId: number, status: 'cancelled' | 'failed', error: string | null): void {
  for (const table of ['recon_break_events', 'recon_breaks', 'recon_matches']) {
    const where = table === 'recon_break_events' ? 'break_id in (select id from recon_breaks where run_id = ?)' : 'run_id = ?'
    const remove = sqlite.prepare(`delete from ${table} where id in (select id from ${table} where ${where} limit ${BATCH})`)
    while (remove.run(runId).changes > 0) {
      /* batch by batch */
    }
  }
  sqlite.prepare('update recon_runs set status = ?, error = ?, finished_at = ? where id = ?').run(status, error, Date.now(), runId)
}

/** At start: runs a crash interrupted are failed, their partial results removed. */
export function failInterruptedRuns(sqlite: Database.Database): number {
  const interrupted = sqlite.prepare("select id from recon_runs where status = 'running'").pluck().all() as number[]
  for (const id of interrupted) discardRun(sqlite, id, 'failed', 'interrupted: PayDesk stopped during the run')
  return interrupted.length
}

function summarize(lines: Line[], matches: Match[], breaks: Break[], pending: RunSummary['pending'], carried: number): RunSummary {
  const matchedLines = new Set(matches.map((m) => m.lineId))
  const matchedAmount: Record<string, bigint> = {}
  for (const m of matches) if (m.currency && m.amountMinor !== null) matchedAmount[m.currency] = (matchedAmount[m.currency] ?? 0n) + BigInt(Math.abs(m.amountMinor))
  const counts: Record<string, number> = {}
  const amounts: Record<string, Record<string, bigint>> = {}
  for (const b of breaks) {
    counts[b.type] = (counts[b.type] ?? 0) + 1
    const amount = b.differenceMinor ?? b.theirsMinor ?? b.oursMinor
    if (b.currency && amount !== null) {
      const byCurrency = (amounts[b.type] ??= {})
      byCurrency[b.currency] = (byCurrency[b.currency] ?? 0n) + BigInt(Math.abs(amount))
    }
  }
  // Decimal text in each currency, as every amount crosses to the screens.
  const text = (m: Record<string, bigint>) => Object.fromEntries(Object.entries(m).map(([currency, minor]) => [currency, fromMinor(minor, currency)]))
  return {
    lines: lines.length,
    matched: matchedLines.size,
    matchedAmount: text(matchedAmount),
    matchRate: lines.length === 0 ? 1 : matchedLines.size / lines.length,
    pending,
    breaks: counts,
    breakAmounts: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, text(v)])),
    carried,
    open: breaks.length - carried
  }
}
