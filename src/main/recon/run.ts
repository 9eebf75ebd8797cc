/**
 * A reconciliation run, on one connection that may write (a worker thread's own, or the caller's
 * for an in-memory database): it loads the scope's lines and our orders and refunds, matches them
 * (match.ts), writes the matches and the breaks in batches while the run is `running` (no list
 * shows a running run), carries the decisions people took on the same breaks in earlier runs, and
 * finishes with the hash of its result. The same inputs give the same result hash.
 */
import type Database from 'better-sqlite3'
import { JOB_WRITE_BATCH as BATCH, rowsInserter } from '../db/insert-rows'
import { giveWay, jobTransaction } from '../db/write-turns'
import { businessDayFn } from '../ledger/business-day'
import { positionById } from './match-sets'
import { dayOnlySpans, LISTED_LINES, loadControls, loadDayOnly, loadLinks } from './run-inputs'
import { resultHash, runInputHash } from './run-hash'
import { summarize, type RunSummary } from './run-summary'
import { matchStatement, type KeyFinder, type Line, type ManualLink, type MatchResult, type MatchRules, type OurOrder, type Ours, type OurRefund } from './match'

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

/** The direction of ours a line of this kind can be (a payment is a deposit), as SQL. */
const FITTING_DIRECTION = "case l.kind when 'payment' then 'deposit' else 'payout' end"

/**
 * The key pass, by the database: for each payment, payout or refund line, the first of ours its
 * keys find, in the order of priority the in-memory pass (match.ts) keeps — our order no., the
 * upstream no., the merchant order no. (among the run's channel's orders: it is unique only per
 * merchant); for a refund our refund no., then the upstream no. — each among ours of the line's kind
 * and direction, the lowest id first. Each is one probe of a unique or plain index: a million
 * lines took about 2 s this way, where loading a million orders' and lines' numbers as strings to
 * look them up here took 12 s and most of the run's memory.
 */
const KEYED_COLUMNS = `
  case when l.kind = 'refund' then coalesce(
    (select r.id from refunds r where r.refund_no = nullif(l.refund_no, '') and r.tenant_id = @tenantId),
    (select r.id from refunds r where r.upstream_no = nullif(l.upstream_no, '') and r.tenant_id = @tenantId order by r.id limit 1))
  end,
  case when l.kind in ('payment', 'payout') then coalesce(
    (select o.id from orders o where o.order_no = nullif(l.order_no, '') and o.tenant_id = @tenantId and o.direction = ${FITTING_DIRECTION}),
    (select o.id from orders o where o.upstream_no = nullif(l.upstream_no, '') and o.tenant_id = @tenantId and o.direction = ${FITTING_DIRECTION} order by o.id limit 1),
    (select o.id from orders o where o.tenant_id = @tenantId and o.merchant_order_no = nullif(l.merchant_order_no, '') and o.direction = ${FITTING_DIRECTION}
       and (@channelId is null or o.channel_id = @channelId) order by o.id limit 1))
  end`

/** The statements a stored line reads its row key and its own keys with (one object for every line). */
interface LineReads {
  rowKey: Database.Statement
  keys: Database.Statement
}

/**
 * A statement line as the run holds it: its numbers, and what the key pass found for it. Its row
 * key (only a break's identity needs it) and its own keys are read when asked: the keys were the
 * database's to look up, so they are not held (a million lines' five strings were most of a run's
 * memory); only a line that took a payment back is compared with the lines of its amount by them.
 */
class StoredLine implements Line {
  constructor(
    private readonly reads: LineReads,
    readonly id: number,
    readonly statementId: number,
    readonly lineNo: number,
    readonly kind: Line['kind'],
    readonly currency: string | null,
    readonly grossMinor: number | null,
    readonly feeMinor: number | null,
    readonly netMinor: number | null,
    readonly at: number | null,
    readonly status: Line['status'],
    /** The order's id the key pass found, or the refund's negated; 0 for none (a number: a million small objects were 30 MiB). */
    readonly keyed: number
  ) {}

  get rowKey(): string {
    return this.reads.rowKey.get(this.id) as string
  }

  private key(column: 'orderNo' | 'merchantOrderNo' | 'upstreamNo' | 'refundNo'): string | null {
    return (this.reads.keys.get(this.id) as Record<typeof column, string | null> | undefined)?.[column] ?? null
  }

  get orderNo(): string | null {
    return this.key('orderNo')
  }

  get merchantOrderNo(): string | null {
    return this.key('merchantOrderNo')
  }

  get upstreamNo(): string | null {
    return this.key('upstreamNo')
  }

  get refundNo(): string | null {
    return this.key('refundNo')
  }
}

const keyedOf = (line: Line): ReturnType<KeyFinder> => {
  const keyed = (line as StoredLine).keyed
  return keyed > 0 ? { kind: 'order', id: keyed } : keyed < 0 ? { kind: 'refund', id: -keyed } : null
}

/**
 * The scope's lines: each statement's own, in file order, then those the statements' files listed
 * that another statement (out of the scope) stores, each once: a file repeating lines of an earlier
 * one is matched whole, never with its repeated half reported missing on their side.
 */
function loadLines(sqlite: Database.Database, tenantId: number, scope: RunScope, intern: ReturnType<typeof interner>): StoredLine[] {
  const reads: LineReads = {
    rowKey: sqlite.prepare('select row_key from recon_lines where id = ?').pluck(),
    keys: sqlite.prepare('select order_no as orderNo, merchant_order_no as merchantOrderNo, upstream_no as upstreamNo, refund_no as refundNo from recon_lines where id = ?')
  }
  const columns = `l.id, l.statement_id, l.line_no, l.kind, l.currency, l.gross_minor, l.fee_minor, l.net_minor, l.at, l.status, ${KEYED_COLUMNS}`
  const read = sqlite.prepare(`select ${columns} from recon_lines l where l.statement_id = @statementId order by l.line_no, l.id`).raw()
  const listed = sqlite
    .prepare(`select ${columns} from recon_lines l where l.id in (${LISTED_LINES}) and l.statement_id not in (select value from json_each(@statementIds)) order by l.statement_id, l.line_no, l.id`)
    .raw()
  const lines: StoredLine[] = []
  const add = (r: unknown[]) => {
    const keyed = r[10] !== null ? -(r[10] as number) : ((r[11] as number | null) ?? 0)
    lines.push(
      new StoredLine(reads, r[0] as number, r[1] as number, r[2] as number, intern(r[3] as string) as Line['kind'], intern(r[4] as string | null), r[5] as number | null, r[6] as number | null, r[7] as number | null, r[8] as number | null, intern(r[9] as string | null) as Line['status'], keyed)
    )
  }
  const statementIds = [...new Set(scope.statementIds)].sort((a, b) => a - b)
  for (const statementId of statementIds) for (const r of read.iterate({ statementId, tenantId, channelId: scope.channelId }) as Iterable<unknown[]>) add(r)
  for (const r of listed.iterate({ statementIds: JSON.stringify(statementIds), tenantId, channelId: scope.channelId }) as Iterable<unknown[]>) add(r)
  return lines
}

type Intern = ReturnType<typeof interner>

/**
 * One of ours as the run holds it, read from its row: its numbers, not its keys (the database's key
 * pass looked them up). The kind and the keys are its class's: eight fields where a plain object
 * had twelve, over a million orders 40 MiB less. ORDER_COLUMNS and REFUND_COLUMNS share their
 * shape: the id, one of their own (read by the subclass), then the same six.
 */
abstract class StoredItem {
  readonly id: number
  readonly status: string
  readonly currency: string
  readonly amountMinor: number
  readonly merchantId: number
  readonly at: number
  readonly isTest: boolean

  constructor(r: unknown[], intern: Intern) {
    this.id = r[0] as number
    this.status = intern(r[2] as string) as string
    this.currency = intern(r[3] as string) as string
    this.amountMinor = r[4] as number
    this.merchantId = r[5] as number
    this.at = r[6] as number
    this.isTest = r[7] === 1
  }

  get upstreamNo(): null {
    return null
  }
}

class StoredOrder extends StoredItem implements OurOrder {
  readonly direction: OurOrder['direction']

  constructor(r: unknown[], intern: Intern) {
    super(r, intern)
    this.direction = intern(r[1] as string) as OurOrder['direction']
  }

  get kind(): 'order' {
    return 'order'
  }

  get orderNo(): null {
    return null
  }

  get merchantOrderNo(): null {
    return null
  }
}

class StoredRefund extends StoredItem implements OurRefund {
  readonly orderId: number

  constructor(r: unknown[], intern: Intern) {
    super(r, intern)
    this.orderId = r[1] as number
  }

  get kind(): 'refund' {
    return 'refund'
  }

  get refundNo(): null {
    return null
  }
}

/** An order of ours as a row of values (`orderOf` reads them in this order). */
const ORDER_COLUMNS = `id, direction, status, currency,
  case when direction = 'deposit' and paid_minor is not null then paid_minor else amount_minor end, merchant_id, coalesce(finalized_at, created_at), is_test`

const REFUND_COLUMNS = `id, order_id, status, currency, amount_minor, merchant_id, coalesce(finalized_at, created_at), is_test`

/**
 * Ours: the channel's orders and refunds made in the period (widened by the window), and any other
 * the lines' keys found (an old order's late refund, a payment a day early).
 */
function loadOurs(sqlite: Database.Database, scope: RunScope, lines: StoredLine[], windowMs: number, intern: Intern): Ours[] {
  const from = scope.from - windowMs
  const to = scope.to + windowMs
  const orderOf = (r: unknown[]) => new StoredOrder(r, intern)
  const refundOf = (r: unknown[]) => new StoredRefund(r, intern)
  // A channel's bill, or a bank account's statement whose source names the channel: that channel's
  // orders. A bank account's statement otherwise: ours in the currencies its lines are in (an
  // account holds its own currency, never another channel's THB or USDT).
  const lineCurrencies = () => JSON.stringify([...new Set(lines.map((l) => l.currency).filter((c) => c !== null))].sort())
  const channel = scope.channelId === null ? 'and currency in (select value from json_each(?))' : 'and channel_id = ?'
  const params = [from, to, scope.channelId ?? lineCurrencies()]
  // Each list sorted by id (the matching's order: it finds ours by id in them), not held in a map (a million entries were 50 MiB).
  const load = <T extends Ours>(sql: string, of: (r: unknown[]) => T) => {
    const items: T[] = []
    for (const r of sqlite.prepare(sql).raw().iterate(...params) as Iterable<unknown[]>) items.push(of(r))
    return items.sort((a, b) => a.id - b.id)
  }
  const orders = load(`select ${ORDER_COLUMNS} from orders where created_at >= ? and created_at < ? ${channel}`, orderOf)
  const refunds = load(`select ${REFUND_COLUMNS} from refunds where created_at >= ? and created_at < ? ${channel}`, refundOf)
  // Those the keys found outside the period or the channel, by id.
  const outside = { order: new Set<number>(), refund: new Set<number>() }
  for (const line of lines) {
    if (line.keyed > 0 && positionById(orders, line.keyed) < 0) outside.order.add(line.keyed)
    else if (line.keyed < 0 && positionById(refunds, -line.keyed) < 0) outside.refund.add(-line.keyed)
  }
  const byIds = <T extends Ours>(sql: string, ids: Set<number>, of: (r: unknown[]) => T, items: T[]) => {
    if (ids.size === 0) return items
    for (const r of sqlite.prepare(sql).raw().all(JSON.stringify([...ids])) as unknown[][]) items.push(of(r))
    return items.sort((a, b) => a.id - b.id)
  }
  return [
    ...byIds(`select ${ORDER_COLUMNS} from orders where id in (select value from json_each(?))`, outside.order, orderOf, orders),
    ...byIds(`select ${REFUND_COLUMNS} from refunds where id in (select value from json_each(?))`, outside.refund, refundOf, refunds)
  ]
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
function matchAndHashInputs(sqlite: Database.Database, tenantId: number, scope: RunScope, settings: RunSettings, now: number): { result: MatchResult; lineCount: number; inputHash: string } {
  const { result, lineCount, ours, links } = matchScope(sqlite, tenantId, scope, settings, now)
  return { result, lineCount, inputHash: runInputHash(sqlite, scope, settings, ours, links) }
}

function matchScope(sqlite: Database.Database, tenantId: number, scope: RunScope, settings: RunSettings, now: number): { result: MatchResult; lineCount: number; ours: Ours[]; links: ManualLink[] } {
  const intern = interner()
  const lines = loadLines(sqlite, tenantId, scope, intern)
  const ours = loadOurs(sqlite, scope, lines, settings.windowMs, intern)
  const links = loadLinks(sqlite, scope.statementIds)
  const controls = loadControls(sqlite, scope.statementIds)
  // The statements the lines are stored under: a listed line keeps its own statement's dating.
  const storedUnder = new Set(scope.statementIds)
  for (const line of lines) storedUnder.add(line.statementId)
  const dayOf = businessDayFn(settings.zone)
  const dayOnly = loadDayOnly(sqlite, [...storedUnder])
  const rules: MatchRules = {
    toleranceMinor: settings.toleranceMinor,
    tolerancePpm: settings.tolerancePpm,
    windowMs: settings.windowMs,
    graceMs: settings.graceMs,
    fee: settings.fee,
    dayOf,
    cutoffMinutes: settings.cutoffMinutes,
    dayOnlyStatements: new Set(dayOnly.keys()),
    lineDay: dayOnlySpans(dayOnly)
  }
  const result = matchStatement(lines, ours, links, controls, rules, { from: scope.from, to: scope.to, now, includeTest: !!scope.includeTest }, keyedOf)
  return { result, lineCount: lines.length, ours, links }
}

type Amounts = { theirsMinor: number | null; differenceMinor: number | null }
const sameAmounts = (earlier: Amounts, now: Amounts) => earlier.theirsMinor === now.theirsMinor && earlier.differenceMinor === now.differenceMinor

function writeRun(sqlite: Database.Database, runId: number, tenantId: number, scope: RunScope, settings: RunSettings, now: number, shouldStop: () => boolean): RunOutcome | null {
  const { result, lineCount, inputHash } = matchAndHashInputs(sqlite, tenantId, scope, settings, now)
  const hash = resultHash(result.matches, result.breaks)

  const insertMatches = rowsInserter(sqlite, 'insert into recon_matches (run_id, line_id, order_id, refund_id, pass, group_key, merchant_id, currency, amount_minor)', 9, '', [runId])
  const insertBreak = sqlite.prepare(
    `insert into recon_breaks (tenant_id, run_id, type, identity, line_id, order_id, refund_id, statement_id, merchant_id, currency, theirs_minor, ours_minor, difference_minor, at, cause_key, detail, status, resolution, assigned_to, adjustment_id, approval_id, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  // The same breaks waiting in earlier runs for a second user's approval of what accepts theirs:
  // the request still stands, so the break here waits for it too (its decision reaches every
  // run's break of it), and is never open to be requested a second time. Few; read once, through
  // the (run, status) index.
  const awaiting = new Map<string, { adjustmentId: number | null; approvalId: number | null; id: number } & Amounts>()
  const waitingRows = sqlite
    .prepare(
      `select b.identity, b.adjustment_id as adjustmentId, b.approval_id as approvalId, b.id, b.theirs_minor as theirsMinor, b.difference_minor as differenceMinor from recon_breaks b
       where b.run_id in (select id from recon_runs where tenant_id = ? and id != ?) and b.status = 'awaiting_approval' order by b.id`
    )
    .all(tenantId, runId) as ({ identity: string; adjustmentId: number | null; approvalId: number | null; id: number } & Amounts)[]
  for (const w of waitingRows) awaiting.set(w.identity, w)
  // The same break's owner in an earlier run (its last assignment; null when it was unassigned).
  const owner = sqlite.prepare(`select json_extract(e.detail, '$.assignTo') from recon_break_events e where e.identity = ? and e.action = 'assigned' order by e.id desc limit 1`).pluck()
  const decided = sqlite.prepare(
    `select e.resolution, e.id, b.theirs_minor as theirsMinor, b.difference_minor as differenceMinor from recon_break_events e join recon_breaks b on b.id = e.break_id
     where e.identity = ? and e.action in ('resolved', 'undone', 'carried') order by e.id desc limit 1`
  )
  const carry = sqlite.prepare(
    `insert into recon_break_events (break_id, identity, at, actor, action, resolution, text, summary, detail) values (?, ?, ?, 'system', 'carried', ?, ?, ?, ?)`
  )
  // An annotation, not a decision: the decision that ends the wait is written when it comes.
  const carryWaiting = sqlite.prepare(
    `insert into recon_break_events (break_id, identity, at, actor, action, resolution, text, summary, detail) values (?, ?, ?, 'system', 'annotated', null, ?, ?, ?)`
  )
  let carried = 0
  for (let i = 0; i < result.matches.length; i += BATCH) {
    if (shouldStop()) return null
    jobTransaction(sqlite, () => {
      for (let k = i; k < Math.min(i + BATCH, result.matches.length); k++) {
        const m = result.matches[k]
        insertMatches.add([m.lineId, m.orderId, m.refundId, m.pass, m.groupKey, m.merchantId, m.currency, m.amountMinor])
      }
      insertMatches.flush()
    })
  }
  for (let i = 0; i < result.breaks.length; i += BATCH) {
    if (shouldStop()) return null
    jobTransaction(sqlite, () => {
      for (const b of result.breaks.slice(i, i + BATCH)) {
        const assignedTo = (owner.get(b.identity) as number | null | undefined) ?? null
        // Carried only while it is the same difference: a break's identity names its order, not its
        // amount, and a request (or a decision) about 1.00 over is no answer to 3.00 over.
        const waiting = awaiting.get(b.identity)
        if (waiting && sameAmounts(waiting, b)) {
          const info = insertBreak.run(tenantId, runId, b.type, b.identity, b.lineId, b.orderId, b.refundId, b.statementId, b.merchantId, b.currency, b.theirsMinor, b.oursMinor, b.differenceMinor, b.at, b.causeKey, JSON.stringify(b.detail), 'awaiting_approval', null, assignedTo, waiting.adjustmentId, waiting.approvalId, now)
          // Not resolved, so counted open, as the run's live figures count it (reads.ts runFigures).
          const text = { code: 'recon.requestCarried', params: { breakId: waiting.id } }
          carryWaiting.run(Number(info.lastInsertRowid), b.identity, now, JSON.stringify(text), `Waiting for the approval asked for on break ${waiting.id}, carried from an earlier run`, JSON.stringify({ adjustmentId: waiting.adjustmentId, approvalId: waiting.approvalId }))
          continue
        }
        // A decision taken on the same break in an earlier run (and not undone) still stands.
        const last = decided.get(b.identity) as ({ resolution: string | null; id: number } & Amounts) | undefined
        const resolution = last && sameAmounts(last, b) ? last.resolution : null
        const info = insertBreak.run(tenantId, runId, b.type, b.identity, b.lineId, b.orderId, b.refundId, b.statementId, b.merchantId, b.currency, b.theirsMinor, b.oursMinor, b.differenceMinor, b.at, b.causeKey, JSON.stringify(b.detail), resolution ? 'resolved' : 'open', resolution, assignedTo, null, null, now)
        if (resolution) {
          carried++
          const text = { code: 'recon.decisionCarried', params: { eventId: last!.id } }
          carry.run(Number(info.lastInsertRowid), b.identity, now, resolution, JSON.stringify(text), `Decision of event ${last!.id} carried from an earlier run`, null)
        }
      }
      // Immediate: the batch reads (earlier decisions) before it writes, and a read transaction
      // that must then become a write one cannot wait for the main thread's commit — SQLite answers
      // "database is locked" at once. Taking the write lock first waits (busy timeout) instead.
    })
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
    for (;;) {
      giveWay()
      if (remove.run(runId).changes === 0) break
    }
  }
  sqlite.prepare('update recon_runs set status = ?, error = ?, finished_at = ? where id = ?').run(status, error, Date.now(), runId)
}
