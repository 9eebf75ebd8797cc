/**
 * A reconciliation run, on one connection that may write (a worker thread's own, or the caller's
 * for an in-memory database): it loads the scope's lines and our orders and refunds, matches them
 * (match.ts), writes the matches and the breaks in batches while the run is `running` (no list
 * shows a running run), carries the decisions people took on the same breaks in earlier runs, and
 * finishes with the hash of its result. The same inputs give the same result hash.
 */
import { createHash, type Hash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { fromMinor } from '../../shared/money'
import { businessDayFn } from '../ledger/business-day'
import { matchStatement, RULE_VERSION, type Break, type Control, type Line, type ManualLink, type Match, type MatchResult, type MatchRules, type OurOrder, type Ours, type OurRefund } from './match'

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

/** Lines per chunk (below). */
const CHUNK = 20_000

/**
 * The rows of a query a chunk at a time, each chunk written by SQLite as one JSON array (a value per
 * column) and read by JSON.parse: for a statement's lines, whose long texts (row keys, numbers)
 * cost more one row at a time across better-sqlite3's boundary, this took about two thirds of the
 * time (measured on the benchmark's million lines). `page` selects the chunk after the cursor and
 * `cursorOf` makes the next cursor from a chunk's last row.
 */
function eachChunk(sqlite: Database.Database, columns: string, page: string, params: unknown[], cursorOf: (row: unknown[]) => unknown[], start: unknown[], onRow: (row: unknown[]) => void): void {
  const read = sqlite.prepare(`select json_group_array(json_array(${columns})) from (${page} limit ${CHUNK}) as page`).pluck()
  for (let cursor = start; ; ) {
    const rows = JSON.parse(read.get(...params, ...cursor) as string) as unknown[][]
    for (const row of rows) onRow(row)
    if (rows.length < CHUNK) return
    cursor = cursorOf(rows[rows.length - 1])
  }
}

/** One string per distinct value of the columns that have few (kind, status, currency, direction): each row's own copy would cost memory a million times over. */
function interner(): (text: string | null) => string | null {
  const known = new Map<string, string>()
  return (text) => {
    if (text === null) return null
    const found = known.get(text)
    if (found !== undefined) return found
    known.set(text, text)
    return text
  }
}

function loadLines(sqlite: Database.Database, statementIds: number[], intern: ReturnType<typeof interner>): Line[] {
  const lines: Line[] = []
  const columns = 'id, statement_id, line_no, row_key, kind, order_no, merchant_order_no, upstream_no, refund_no, currency, gross_minor, fee_minor, net_minor, at, status'
  for (const statementId of [...new Set(statementIds)].sort((a, b) => a - b)) {
    const page = `select ${columns} from recon_lines where statement_id = ? and (line_no, id) > (?, ?) order by line_no, id`
    eachChunk(sqlite, columns, page, [statementId], (r) => [r[2], r[0]], [-1, 0], (r) =>
      lines.push({
        id: r[0] as number,
        statementId: r[1] as number,
        lineNo: r[2] as number,
        rowKey: r[3] as string,
        kind: intern(r[4] as string) as Line['kind'],
        orderNo: r[5] as string | null,
        merchantOrderNo: r[6] as string | null,
        upstreamNo: r[7] as string | null,
        refundNo: r[8] as string | null,
        currency: intern(r[9] as string | null),
        grossMinor: r[10] as number | null,
        feeMinor: r[11] as number | null,
        netMinor: r[12] as number | null,
        at: r[13] as number | null,
        status: intern(r[14] as string | null) as Line['status']
      })
    )
  }
  return lines
}

function loadControls(sqlite: Database.Database, statementIds: number[]): Control[] {
  const rows = sqlite.prepare('select id, controls from recon_statements where id in (select value from json_each(?)) order by id').all(JSON.stringify(statementIds)) as { id: number; controls: string }[]
  return rows.flatMap((r) => (JSON.parse(r.controls) as Omit<Control, 'statementId'>[]).map((c) => ({ ...c, statementId: r.id })))
}

/** An order of ours as a row of values (`addOrder` reads them in this order). */
const ORDER_COLUMNS = `id, order_no, merchant_order_no, upstream_no, direction, status, currency,
  case when direction = 'deposit' and paid_minor is not null then paid_minor else amount_minor end, merchant_id, coalesce(finalized_at, created_at), is_test`

const REFUND_COLUMNS = `id, refund_no, order_id, upstream_no, status, currency, amount_minor, merchant_id, coalesce(finalized_at, created_at), is_test`

/**
 * Ours: the channel's orders and refunds made in the period (widened by the window), and any other
 * the lines name by a key (an old order's late refund, a payment a day early).
 */
function loadOurs(sqlite: Database.Database, scope: RunScope, lines: Line[], windowMs: number, intern: ReturnType<typeof interner>): Ours[] {
  const from = scope.from - windowMs
  const to = scope.to + windowMs
  const orders = new Map<number, OurOrder>()
  const refunds = new Map<number, OurRefund>()
  const addOrder = (r: unknown[]) => {
    if (orders.has(r[0] as number)) return
    orders.set(r[0] as number, {
      kind: 'order',
      id: r[0] as number,
      orderNo: r[1] as string,
      merchantOrderNo: r[2] as string,
      upstreamNo: r[3] as string | null,
      direction: intern(r[4] as string) as OurOrder['direction'],
      status: intern(r[5] as string) as string,
      currency: intern(r[6] as string) as string,
      amountMinor: r[7] as number,
      merchantId: r[8] as number,
      at: r[9] as number,
      isTest: r[10] === 1
    })
  }
  const addRefund = (r: unknown[]) => {
    if (refunds.has(r[0] as number)) return
    refunds.set(r[0] as number, {
      kind: 'refund',
      id: r[0] as number,
      refundNo: r[1] as string,
      orderId: r[2] as number,
      upstreamNo: r[3] as string | null,
      status: intern(r[4] as string) as string,
      currency: intern(r[5] as string) as string,
      amountMinor: r[6] as number,
      merchantId: r[7] as number,
      at: r[8] as number,
      isTest: r[9] === 1
    })
  }
  const channel = scope.channelId === null ? '' : 'and channel_id = ?'
  const params = scope.channelId === null ? [from, to] : [from, to, scope.channelId]
  // Row by row (raw arrays): for orders this measured faster than JSON chunks.
  for (const r of sqlite.prepare(`select ${ORDER_COLUMNS} from orders where created_at >= ? and created_at < ? ${channel}`).raw().iterate(...params) as Iterable<unknown[]>) addOrder(r)
  for (const r of sqlite.prepare(`select ${REFUND_COLUMNS} from refunds where created_at >= ? and created_at < ? ${channel}`).raw().iterate(...params) as Iterable<unknown[]>) addRefund(r)

  // Any other the lines name: order and refund numbers are unique, so only those not found yet are
  // asked for; an upstream number is not, so it is asked for again when more orders hold it than found.
  const missing = (pick: (l: Line) => string | null, found: Set<string>) => [...new Set(lines.map(pick).filter((k): k is string => !!k && !found.has(k)))]
  const byKeys = (sql: string, keys: string[], add: (r: unknown[]) => void) => {
    if (keys.length > 0) for (const r of sqlite.prepare(sql).raw().all(JSON.stringify(keys)) as unknown[][]) add(r)
  }
  const orderNos = new Set([...orders.values()].map((o) => o.orderNo))
  byKeys(`select ${ORDER_COLUMNS} from orders where order_no in (select value from json_each(?))`, missing((l) => l.orderNo, orderNos), addOrder)
  const upstreamNos = new Map<string, number>()
  for (const o of orders.values()) if (o.upstreamNo) upstreamNos.set(o.upstreamNo, (upstreamNos.get(o.upstreamNo) ?? 0) + 1)
  const named = [...new Set(lines.map((l) => l.upstreamNo).filter((k): k is string => !!k))]
  const foundNamed = named.filter((k) => upstreamNos.has(k))
  const heldInScope = foundNamed.reduce((n, k) => n + upstreamNos.get(k)!, 0)
  const held = foundNamed.length === 0 ? 0 : (sqlite.prepare('select count(*) from orders where upstream_no in (select value from json_each(?))').pluck().get(JSON.stringify(foundNamed)) as number)
  byKeys(`select ${ORDER_COLUMNS} from orders where upstream_no in (select value from json_each(?))`, held > heldInScope ? named : named.filter((k) => !upstreamNos.has(k)), addOrder)
  const refundNos = new Set([...refunds.values()].map((r) => r.refundNo))
  byKeys(`select ${REFUND_COLUMNS} from refunds where refund_no in (select value from json_each(?))`, missing((l) => l.refundNo, refundNos), addRefund)
  // A refund line without our refund number names its refund by the channel's (an old order's late refund).
  const refundUpstreams = new Set([...refunds.values()].flatMap((r) => (r.upstreamNo ? [r.upstreamNo] : [])))
  byKeys(`select ${REFUND_COLUMNS} from refunds where upstream_no in (select value from json_each(?))`, missing((l) => (l.kind === 'refund' && !l.refundNo ? l.upstreamNo : null), refundUpstreams), addRefund)
  return [...orders.values(), ...refunds.values()]
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

/**
 * Feeds the hash `JSON.stringify(rows)` (rows taken in `order`) row by row: the same digest as
 * the text made at once, without a million row arrays and one string of tens of MiB.
 */
function hashRows(hash: Hash, order: ArrayLike<number>, row: (i: number) => unknown[]): Hash {
  hash.update('[')
  for (let k = 0; k < order.length; k++) hash.update(k === 0 ? JSON.stringify(row(order[k])) : `,${JSON.stringify(row(order[k]))}`)
  return hash.update(']')
}

/** 0…n-1 sorted by `compare`. */
function sortedIndexes(n: number, compare: (a: number, b: number) => number): Uint32Array {
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  return order.sort(compare)
}

/** What the run depends on: the files, the profiles that read them, the rules, the links, and our side as it stands. */
export function runInputHash(sqlite: Database.Database, scope: RunScope, settings: RunSettings, ours: Ours[], links: ManualLink[]): string {
  const files = sqlite
    .prepare('select s.file_hash as fileHash, p.version from recon_statements s join recon_profiles p on p.id = s.profile_id where s.id in (select value from json_each(?)) order by s.id')
    .all(JSON.stringify(scope.statementIds))
  // Sorted by the text `kind:id`, each made once (made in the comparison, it was millions of strings).
  const keys = ours.map((o) => `${o.kind}:${o.id}`)
  const order = sortedIndexes(ours.length, (a, b) => (keys[a] < keys[b] ? -1 : 1))
  const oursState = hashRows(createHash('sha256'), order, (i) => {
    const o = ours[i]
    return [o.kind, o.id, o.status, o.amountMinor, o.currency]
  }).digest('hex')
  return digest({ rule: RULE_VERSION, scope, settings, files, links, ours: oursState })
}

/** The digest of `{m: matches by line, b: breaks}` as rows of values. */
export function resultHash(matches: Match[], breaks: Break[]): string {
  // Array.prototype.sort is stable: matches of one line keep their order, as before.
  const byLine = sortedIndexes(matches.length, (a, b) => matches[a].lineId - matches[b].lineId || a - b)
  const hash = createHash('sha256').update('{"m":')
  hashRows(hash, byLine, (i) => {
    const x = matches[i]
    return [x.lineId, x.orderId, x.refundId, x.pass, x.groupKey]
  })
  hash.update(',"b":')
  hashRows(hash, sortedIndexes(breaks.length, (a, b) => a - b), (i) => {
    const x = breaks[i]
    return [x.identity, x.type, x.lineId, x.orderId, x.refundId, x.theirsMinor, x.oursMinor, x.differenceMinor, x.causeKey]
  })
  return hash.update('}').digest('hex')
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

/**
 * The matching and the hash of its inputs. Each side is let go as soon as it is done with (the
 * lines when the matching returns, ours after the hash): the writes after need neither, and a
 * million of each are most of a run's memory.
 */
function matchAndHashInputs(sqlite: Database.Database, scope: RunScope, settings: RunSettings, now: number): { result: MatchResult; lineCount: number; inputHash: string } {
  const { result, lineCount, ours, links } = matchScope(sqlite, scope, settings, now)
  return { result, lineCount, inputHash: runInputHash(sqlite, scope, settings, ours, links) }
}

function matchScope(sqlite: Database.Database, scope: RunScope, settings: RunSettings, now: number): { result: MatchResult; lineCount: number; ours: Ours[]; links: ManualLink[] } {
  const intern = interner()
  const lines = loadLines(sqlite, scope.statementIds, intern)
  const ours = loadOurs(sqlite, scope, lines, settings.windowMs, intern)
  const links = loadLinks(sqlite, scope.statementIds)
  const controls = loadControls(sqlite, scope.statementIds)
  const dayOf = businessDayFn(settings.zone)
  const rules: MatchRules = { toleranceMinor: settings.toleranceMinor, tolerancePpm: settings.tolerancePpm, windowMs: settings.windowMs, graceMs: settings.graceMs, fee: settings.fee, dayOf, cutoffMinutes: settings.cutoffMinutes }
  const result = matchStatement(lines, ours, links, controls, rules, { from: scope.from, to: scope.to, now, includeTest: !!scope.includeTest })
  return { result, lineCount: lines.length, ours, links }
}

function writeRun(sqlite: Database.Database, runId: number, tenantId: number, scope: RunScope, settings: RunSettings, now: number, shouldStop: () => boolean): RunOutcome | null {
  const { result, lineCount, inputHash } = matchAndHashInputs(sqlite, scope, settings, now)
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
    }).immediate()
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
      // Immediate: the batch reads (earlier decisions) before it writes, and a read transaction
      // that must then become a write one cannot wait for the main thread's commit — SQLite answers
      // "database is locked" at once. Taking the write lock first waits (busy timeout) instead.
    }).immediate()
  }
  if (shouldStop()) return null
  const summary = summarize(lineCount, result.matches, result.breaks, result.pending, carried)
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

function summarize(lineCount: number, matches: Match[], breaks: Break[], pending: RunSummary['pending'], carried: number): RunSummary {
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
    lines: lineCount,
    matched: matchedLines.size,
    matchedAmount: text(matchedAmount),
    matchRate: lineCount === 0 ? 1 : matchedLines.size / lineCount,
    pending,
    breaks: counts,
    breakAmounts: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, text(v)])),
    carried,
    open: breaks.length - carried
  }
}
