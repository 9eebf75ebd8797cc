/**
 * Importing a statement file, on a connection that may write (an import job's worker thread, or
 * the caller's for an in-memory database): a dry run reads the whole file and reports every bad
 * row with its line number and reason, the file's control totals, the lines seen before and the
 * statements whose period it overlaps, writing nothing; the commit reads it once more, checking
 * every line as the dry run does while it stores them (the file may have changed since).
 *
 * Nothing is half-imported: the commit writes the lines in batches under a statement that stays
 * `importing` (no run or list sees it) until the last batch, and a file with any bad row is
 * refused and its lines removed; a cancel, a failure or a crash leaves only that invisible
 * statement, which is deleted (here, or at the next start: `discardUnfinishedImports`). The same
 * file twice is refused by its hash; a line seen before (its row key) is not stored twice.
 */
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { Decimal, fromMinor, readAmount, roundToMinor, type AmountProblem, type AmountReading } from '../../shared/money'
import { currency as knownCurrency } from '../../shared/reference'
import type { ReconProfile } from '../../shared/contract/recon-profile'
import type { DryRunReport, RowProblem } from '../../shared/contract/reconciliation'
import { say, type ServerText } from '../../shared/server-text'
import { readStatement, type StatementLine, type StatementReadResult } from './formats'
import { dropsValue, roundsUp, unitsOf } from './formats/decimal-text'

/** A bad row: its line, the field, and why, as a catalog text (the screens show it in the clerk's language). */
export type ImportProblem = RowProblem

/** The dry run's report, as the contract states it (the screens read the same shape). */
export type ImportReport = DryRunReport

export interface ImportInput {
  tenantId: number
  sourceId: number
  profileId: number
  profile: ReconProfile
  filePath: string
  fileName: string
  userId: number | null
  now: number
}

export interface ImportHooks {
  signal?: AbortSignal
  /** Bytes read of the file's size. */
  onProgress?(bytes: number, total: number): void
  maxProblems?: number
}

const BATCH = 2000
const MAX_PROBLEMS = 500

export async function fileHashOf(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * An amount as `readAmount` reads it (the same minor units, the same problems), by its digits when
 * it is short and plain: decimal.js cost a few microseconds and a dozen objects per amount, which
 * on a million-line file was seconds.
 */
function amountOf(text: string, code: string, digits: number): AmountReading {
  const read = unitsOf(text, digits)
  if (read === null) return readAmount(text, code)
  if (dropsValue(read.dropped)) return { ok: false, problem: 'precision', message: `${code} has at most ${digits} decimal places` }
  return { ok: true, minor: read.units }
}

/** `readAmount`'s problem code as a catalog text, with what the clerk needs to fix the cell. */
function amountProblem(problem: AmountProblem, text: string, code: string, digits: number): ServerText {
  if (problem === 'precision') return say('recon.row.amountPrecision', { currency: code, digits })
  if (problem === 'too_large') return say('recon.row.amountTooLarge', { currency: code, max: fromMinor(Number.MAX_SAFE_INTEGER, code) })
  return say('recon.row.amountFormat', { value: text.slice(0, 40) })
}

/** A fee rounded half-up to minor units, as `roundToMinor` rounds it. */
function roundedFee(fee: string, code: string, digits: number): number {
  const negative = fee.startsWith('-')
  const read = unitsOf(negative ? fee.slice(1) : fee, digits)
  if (read === null) return roundToMinor(new Decimal(fee), code)
  const units = read.units + (roundsUp(read.dropped) ? 1 : 0)
  return negative ? -units : units
}

/** A line's amounts as minor units of its currency, or the problem that stops it. */
export function linePrice(line: StatementLine, profileCurrency: string | null): { currency: string | null; gross: number | null; fee: number | null; net: number | null } | ImportProblem {
  const currency = line.currency ?? profileCurrency
  const known = currency === null ? undefined : knownCurrency(currency)
  if (currency !== null && !known) return { lineNo: line.lineNo, field: 'currency', reason: say('recon.row.unknownCurrency', { value: currency }) }
  const minor = (field: 'gross' | 'net', text: string | null): number | null | ImportProblem => {
    if (text === null) return null
    if (currency === null || !known) return { lineNo: line.lineNo, field: 'currency', reason: say('recon.row.noCurrency') }
    const negative = text.startsWith('-')
    const unsigned = negative ? text.slice(1) : text
    const read = amountOf(unsigned, currency, known.minorUnits)
    if (!read.ok) return { lineNo: line.lineNo, field, reason: amountProblem(read.problem, unsigned, currency, known.minorUnits) }
    return negative ? -read.minor : read.minor
  }
  const gross = minor('gross', line.gross)
  if (gross !== null && typeof gross === 'object') return gross
  const net = minor('net', line.net)
  if (net !== null && typeof net === 'object') return net
  let fee: number | null = null
  if (line.fee !== null && currency !== null && known) {
    // A fee may carry more decimals than the currency (WeChat's five): kept exact as text, compared rounded half-up.
    const negative = line.fee.startsWith('-')
    if (!/^\d+(\.\d+)?$/.test(negative ? line.fee.slice(1) : line.fee)) return { lineNo: line.lineNo, field: 'fee', reason: say('recon.row.feeNotPlain', { value: line.fee.slice(0, 40) }) }
    fee = roundedFee(line.fee, currency, known.minorUnits)
  }
  return { currency, gross, fee, net }
}

type Priced = Exclude<ReturnType<typeof linePrice>, ImportProblem>

/** The file as found: its size and hash, and the statement that already holds it, if any. */
async function identify(sqlite: Database.Database, input: ImportInput): Promise<{ fileHash: string; fileSize: number; already: number | null }> {
  const fileSize = statSync(input.filePath).size
  const fileHash = await fileHashOf(input.filePath)
  const already = sqlite.prepare('select id from recon_statements where tenant_id = ? and file_hash = ?').pluck().get(input.tenantId, fileHash) as number | undefined
  return { fileHash, fileSize, already: already ?? null }
}

/**
 * Every line checked the same way by the dry run and the commit: its amounts, and its row key
 * only once in the file. Problems are counted, the first `max` kept.
 */
function lineChecker(input: ImportInput, max: number) {
  const problems: ImportProblem[] = []
  let problemCount = 0
  const keys = new Set<string>()
  const profileCurrency = input.profile.currency ?? null
  const problem = (p: ImportProblem) => {
    problemCount++
    if (problems.length < max) problems.push(p)
  }
  return {
    problems,
    get problemCount() {
      return problemCount
    },
    problem,
    /** The line's amounts, or null when it is a problem (then reported). */
    check(line: StatementLine): Priced | null {
      const priced = linePrice(line, profileCurrency)
      if ('reason' in priced) {
        problem(priced)
        return null
      }
      if (keys.has(line.rowKey)) {
        problem({ lineNo: line.lineNo, reason: say('recon.row.twiceInFile', { key: line.rowKey }) })
        return null
      }
      keys.add(line.rowKey)
      return priced
    }
  }
}

/**
 * How many of the keys given an earlier import of the source holds, asked a batch at a time (one
 * statement per line cost more than reading the line); none to ask when the source has no lines.
 */
function repeatCounter(sqlite: Database.Database, sourceId: number) {
  const any = sqlite.prepare('select 1 from recon_lines where source_id = ? limit 1').get(sourceId) !== undefined
  const count = sqlite.prepare('select count(*) from recon_lines where source_id = ? and row_key in (select value from json_each(?))').pluck()
  let batch: string[] = []
  let repeated = 0
  const ask = () => {
    if (batch.length > 0) repeated += count.get(sourceId, JSON.stringify(batch)) as number
    batch = []
  }
  return {
    add(key: string) {
      if (!any) return
      batch.push(key)
      if (batch.length >= BATCH) ask()
    },
    total() {
      ask()
      return repeated
    }
  }
}

function overlapsOf(sqlite: Database.Database, sourceId: number, period: ImportReport['period']): ImportReport['overlaps'] {
  if (!period) return []
  return sqlite
    .prepare(
      `select id as statementId, file_name as fileName, period_from as "from", period_to as "to" from recon_statements
       where source_id = ? and status = 'imported' and period_from < ? and period_to > ? order by id`
    )
    .all(sourceId, period.to, period.from) as ImportReport['overlaps']
}

function reportOf(
  sqlite: Database.Database,
  input: ImportInput,
  file: { fileHash: string; fileSize: number },
  result: StatementReadResult,
  checker: ReturnType<typeof lineChecker>,
  repeated: number
): ImportReport {
  const period = result.period ?? null
  return {
    fileHash: file.fileHash,
    fileSize: file.fileSize,
    encoding: result.encoding,
    header: result.header,
    lineCount: result.lineCount,
    problemCount: checker.problemCount,
    problems: checker.problems,
    controls: result.controls,
    period,
    repeated,
    overlaps: overlapsOf(sqlite, input.sourceId, period),
    refused: null
  }
}

const refusedReport = (file: { fileHash: string; fileSize: number; already: number | null }): ImportReport => ({
  fileHash: file.fileHash,
  fileSize: file.fileSize,
  encoding: '',
  header: [],
  lineCount: 0,
  problemCount: 0,
  problems: [],
  controls: [],
  period: null,
  repeated: 0,
  overlaps: [],
  refused: { code: 'recon.file_already_imported', statementId: file.already! }
})

/** Reads the file through, checking every line; writes nothing. */
export async function dryRunImport(sqlite: Database.Database, input: ImportInput, hooks: ImportHooks = {}): Promise<ImportReport> {
  const file = await identify(sqlite, input)
  if (file.already !== null) return refusedReport(file)
  const checker = lineChecker(input, hooks.maxProblems ?? MAX_PROBLEMS)
  const repeats = repeatCounter(sqlite, input.sourceId)
  const result = await readStatement(input.filePath, input.profile, {
    signal: hooks.signal,
    onProgress: (bytes) => hooks.onProgress?.(bytes, file.fileSize),
    onProblem: checker.problem,
    onLine: (line) => {
      if (checker.check(line)) repeats.add(line.rowKey)
    }
  })
  return reportOf(sqlite, input, file, result, checker, repeats.total())
}

export interface CommitOutcome {
  statementId: number
  stored: number
  repeated: number
  report: ImportReport
}

export class ImportRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly report: ImportReport
  ) {
    super(message)
    this.name = 'ImportRefused'
  }
}

/**
 * Reads the file once more and stores it whole, or not at all: each line is checked as the dry
 * run checks it (the file may have changed since) and written in batches under the invisible
 * statement; a line an earlier import holds (its row key) is not written again. Any bad line
 * stops the writing, and once the file is read the statement and its lines are removed and the
 * file refused with the dry run's report.
 */
export async function commitImport(sqlite: Database.Database, input: ImportInput, hooks: ImportHooks = {}): Promise<CommitOutcome | null> {
  const file = await identify(sqlite, input)
  if (file.already !== null) throw new ImportRefused('recon.file_already_imported', `This file was already imported (statement ${file.already})`, refusedReport(file))
  if (hooks.signal?.aborted) return null
  // Its encoding, period, count and controls are known once the file is read: set with the last batch.
  const statementId = Number(
    sqlite
      .prepare(
        `insert into recon_statements (tenant_id, source_id, profile_id, file_name, file_hash, file_size, encoding, period_from, period_to, line_count, controls, status, imported_by, imported_at)
         values (?, ?, ?, ?, ?, ?, '', null, null, 0, '[]', 'importing', ?, ?)`
      )
      .run(input.tenantId, input.sourceId, input.profileId, input.fileName, file.fileHash, file.fileSize, input.userId, input.now).lastInsertRowid
  )
  const insert = sqlite.prepare(
    `insert into recon_lines (statement_id, source_id, line_no, row_key, kind, order_no, merchant_order_no, upstream_no, refund_no, currency, gross_minor, fee_text, fee_minor, net_minor, at, status, counterparty, raw)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_id, row_key) do nothing`
  )
  const checker = lineChecker(input, hooks.maxProblems ?? MAX_PROBLEMS)
  let batch: { line: StatementLine; priced: Priced }[] = []
  let stored = 0
  const flush = () => {
    const lines = batch
    batch = []
    sqlite.transaction(() => {
      for (const { line, priced } of lines) {
        const info = insert.run(statementId, input.sourceId, line.lineNo, line.rowKey, line.kind, line.orderNo, line.merchantOrderNo, line.upstreamNo ?? line.endToEndId, line.refundNo, priced.currency, priced.gross, line.fee, priced.fee, priced.net, line.at, line.status, line.counterparty, JSON.stringify(line.raw))
        stored += info.changes
      }
    }).immediate()
  }
  try {
    const result = await readStatement(input.filePath, input.profile, {
      signal: hooks.signal,
      onProgress: (bytes) => hooks.onProgress?.(bytes, file.fileSize),
      onProblem: checker.problem,
      onLine: (line) => {
        const priced = checker.check(line)
        // After a bad line nothing more is written: the file is refused once it is read through.
        if (!priced || checker.problemCount > 0) return
        batch.push({ line, priced })
        // Small transactions: the main thread's writes (callbacks, orders) wait at most one batch.
        if (batch.length >= BATCH) flush()
      }
    })
    if (hooks.signal?.aborted) throw new Error('cancelled')
    const report = reportOf(sqlite, input, file, result, checker, 0)
    if (checker.problemCount > 0) throw new ImportRefused('recon.bad_lines', `${checker.problemCount} lines cannot be read; nothing was imported`, report)
    flush()
    report.repeated = report.lineCount - stored
    sqlite
      .prepare("update recon_statements set encoding = ?, period_from = ?, period_to = ?, line_count = ?, controls = ?, repeated_lines = ?, status = 'imported' where id = ?")
      .run(report.encoding, report.period?.from ?? null, report.period?.to ?? null, report.lineCount, JSON.stringify(report.controls), report.repeated, statementId)
    return { statementId, stored, repeated: report.repeated, report }
  } catch (error) {
    discardStatement(sqlite, statementId)
    if (hooks.signal?.aborted) return null
    throw error
  }
}

/** Deletes a statement that never finished importing, in batches, and then its row. */
export function discardStatement(sqlite: Database.Database, statementId: number): void {
  const remove = sqlite.prepare(`delete from recon_lines where id in (select id from recon_lines where statement_id = ? limit ${BATCH})`)
  while (remove.run(statementId).changes > 0) {
    /* batch by batch */
  }
  sqlite.prepare("delete from recon_statements where id = ? and status = 'importing'").run(statementId)
}

/** At start: imports a crash interrupted are discarded (their statements were never visible). */
export function discardUnfinishedImports(sqlite: Database.Database): number {
  const unfinished = sqlite.prepare("select id from recon_statements where status = 'importing'").pluck().all() as number[]
  for (const id of unfinished) discardStatement(sqlite, id)
  return unfinished.length
}
