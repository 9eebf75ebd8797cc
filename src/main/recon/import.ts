/**
 * Importing a statement file, on a connection that may write (an import job's worker thread, or
 * the caller's for an in-memory database). The file is read once: the dry run reads the whole file,
 * reports every bad row with its line number and reason, the file's control totals, the lines seen
 * before and the statements whose period it overlaps, and writes its lines under a statement no
 * run or list sees (`checked`); the commit then only marks that statement imported, in one
 * transaction, when the file (its hash) and the source's profile are still those the dry run read.
 * Otherwise (no dry run, another profile since, a restart that dropped it) the commit reads the file
 * itself, checking every line as the dry run does while it stores them. A large file is read in a
 * worker thread of its own while this one writes (read-lines.ts: reading and writing a million lines
 * take about as long each).
 *
 * Nothing is half-imported: lines are written in batches under a statement that stays invisible
 * (`importing`, then `checked`) until the commit; a file with any bad row is refused and its lines
 * removed; a cancel, a failure or a crash leaves only that invisible statement, which is deleted
 * (here, or at the next start: `discardUnfinishedImports`). The same file twice is refused by its
 * hash; a line seen before (its row key) is not stored twice: the statement lists it instead
 * (recon_statement_repeats), so a run over the statement reads every line its file lists, and a
 * file whose every line was seen before is refused as nothing new, naming the statements that
 * hold them (an empty statement would tell a run the channel listed nothing). Writing a source's
 * lines first removes the lines other dry runs of the source left (`checked`, not committed):
 * their row keys would otherwise count as seen before, and be lost if that dry run is never
 * committed.
 */
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import type Database from 'better-sqlite3'
import type { ReconProfile } from '../../shared/contract/recon-profile'
import type { DryRunReport } from '../../shared/contract/reconciliation'
import { say } from '../../shared/server-text'
import { JOB_WRITE_BATCH as BATCH, rowsInserter } from '../db/insert-rows'
import { giveWay, jobTransaction } from '../db/write-turns'
import { StatementReadError, type StatementReadResult } from './formats'
import { forEachPackedRow, type PackedRows } from './packed-rows'
import { readCheckedLines, readLinesInThread, type ImportProblem } from './read-lines'

export type { ImportProblem } from './read-lines'

/** The dry run's report, as the contract states it (the screens read the same shape). */
export type ImportReport = DryRunReport

export interface ImportInput {
  tenantId: number
  sourceId: number
  profileId: number
  profile: ReconProfile
  /** The source's currency (recon_sources.currency): a line's when neither a column nor the profile gives one. */
  sourceCurrency: string | null
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
  /**
   * Files of this many bytes or more are read in a worker thread of their own while this thread
   * writes their lines (read-lines.ts); smaller ones here (a thread costs more than it saves).
   * Unset: always here (an in-memory database's inline jobs, the tests).
   */
  readInThreadFrom?: number
}

const MAX_PROBLEMS = 500

export async function fileHashOf(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The file as found: its size and hash, and the statement that already holds it, if any. */
async function identify(sqlite: Database.Database, input: ImportInput): Promise<{ fileHash: string; fileSize: number; already: number | null }> {
  const fileSize = statSync(input.filePath).size
  const fileHash = await fileHashOf(input.filePath)
  const already = sqlite.prepare("select id from recon_statements where tenant_id = ? and file_hash = ? and status in ('importing', 'imported')").pluck().get(input.tenantId, fileHash) as number | undefined
  return { fileHash, fileSize, already: already ?? null }
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

/** The statements holding the lines this one repeats, with how many of them each holds. */
function repeatedIn(sqlite: Database.Database, statementId: number): ImportReport['repeatedIn'] {
  return sqlite
    .prepare(
      `select l.statement_id as statementId, s.file_name as fileName, count(*) as lines from recon_statement_repeats r
       join recon_lines l on l.id = r.line_id join recon_statements s on s.id = l.statement_id
       where r.statement_id = ? group by l.statement_id order by l.statement_id`
    )
    .all(statementId) as ImportReport['repeatedIn']
}

function reportOf(
  sqlite: Database.Database,
  input: ImportInput,
  file: { fileHash: string; fileSize: number },
  result: StatementReadResult,
  checked: { problems: ImportProblem[]; problemCount: number; twiceInFile: number },
  repeated: { count: number; statementId: number }
): ImportReport {
  const period = result.period ?? null
  return {
    fileHash: file.fileHash,
    fileSize: file.fileSize,
    format: result.format,
    encoding: result.encoding ?? '',
    encodingSource: result.encodingSource,
    header: result.header,
    lineCount: result.lineCount,
    problemCount: checked.problemCount,
    problems: checked.problems,
    controls: result.controls,
    period,
    repeated: repeated.count,
    repeatedIn: repeatedIn(sqlite, repeated.statementId),
    twiceInFile: checked.twiceInFile,
    absentColumns: result.absentColumns,
    notBooked: result.notBooked,
    overlaps: overlapsOf(sqlite, input.sourceId, period),
    refused: null
  }
}

const refusedReport = (file: { fileHash: string; fileSize: number; already: number | null }): ImportReport => ({
  fileHash: file.fileHash,
  fileSize: file.fileSize,
  format: null,
  encoding: '',
  encodingSource: null,
  header: [],
  lineCount: 0,
  problemCount: 0,
  problems: [],
  controls: [],
  period: null,
  repeated: 0,
  repeatedIn: [],
  twiceInFile: 0,
  absentColumns: [],
  notBooked: {},
  overlaps: [],
  refused: { code: 'recon.file_already_imported', statementId: file.already! }
})

/**
 * Every line of the file was imported before, with other files: nothing to store, and an empty
 * statement would tell a run the channel listed nothing (every order of its period missing on
 * their side). Refused, naming the statements that hold the lines. A file with no line at all is
 * not this: a channel's day with no transactions is a statement too.
 */
const nothingNew = (staged: Staged) => !staged.bad && staged.stored === 0 && staged.report.lineCount > 0

function nothingNewReport(report: ImportReport): ImportReport {
  return { ...report, refused: { code: 'recon.nothing_new', statementId: report.repeatedIn[0]?.statementId ?? 0 } }
}

export function nothingNewMessage(report: ImportReport): string {
  const held = report.repeatedIn.map((r) => `statement ${r.statementId} (${r.fileName})`).join(', ')
  return `Nothing new: all ${report.lineCount} lines of this file were imported before, in ${held}`
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

/** A file read through into an invisible statement: its id, the lines stored, the report, and whether any line was bad. */
interface Staged {
  statementId: number
  stored: number
  report: ImportReport
  bad: boolean
}

/**
 * Reads the file through, checking every line, and writes its lines in batches under a new
 * `importing` statement; a line an imported statement of the source holds (its row key) is not
 * written again. After a bad line nothing more is written (the file will be refused), but the
 * rest is still read to report every bad line and the lines seen before. A cancel or a failure
 * removes the statement and rethrows (a cancel answers null).
 */
async function stage(sqlite: Database.Database, input: ImportInput, file: { fileHash: string; fileSize: number }, hooks: ImportHooks): Promise<Staged | null> {
  discardChecked(sqlite, input.tenantId, input.sourceId, file.fileHash)
  // Its encoding, period, count and controls are known once the file is read: set with the last batch.
  const statementId = Number(
    sqlite
      .prepare(
        `insert into recon_statements (tenant_id, source_id, profile_id, file_name, file_hash, file_size, encoding, period_from, period_to, line_count, controls, status, imported_by, imported_at)
         values (?, ?, ?, ?, ?, ?, '', null, null, 0, '[]', 'importing', ?, ?)`
      )
      .run(input.tenantId, input.sourceId, input.profileId, input.fileName, file.fileHash, file.fileSize, input.userId, input.now).lastInsertRowid
  )
  const insert = rowsInserter(
    sqlite,
    'insert into recon_lines (statement_id, source_id, line_no, row_key, kind, order_no, merchant_order_no, upstream_no, refund_no, currency, gross_minor, fee_text, fee_minor, net_minor, at, status, counterparty, raw)',
    18,
    'on conflict (source_id, row_key) do nothing',
    [statementId, input.sourceId]
  )
  // A line an imported statement of the source holds is not stored again: this statement lists it.
  const listRepeats = sqlite.prepare(
    `insert or ignore into recon_statement_repeats (statement_id, line_id)
     select ?, l.id from recon_lines l join recon_statements s on s.id = l.statement_id and s.status = 'imported'
     where l.source_id = ? and l.row_key in (select value from json_each(?))`
  )
  // Once nothing more is written, the lines seen before are counted by asking for their keys.
  const repeats = repeatCounter(sqlite, input.sourceId)
  let written = 0
  let stored = 0
  const write = (rows: PackedRows) => {
    // Small transactions: the main thread's writes (callbacks, orders) wait at most one batch.
    jobTransaction(sqlite, () => {
      forEachPackedRow(rows, insert.add)
      const inserted = insert.flush()
      stored += inserted
      if (inserted < rows.count) {
        const keys: string[] = []
        forEachPackedRow(rows, (row) => void keys.push(row[1]))
        listRepeats.run(statementId, input.sourceId, JSON.stringify(keys))
      }
    })
    written += rows.count
  }
  const read = file.fileSize >= (hooks.readInThreadFrom ?? Number.POSITIVE_INFINITY) ? readLinesInThread : readCheckedLines
  try {
    const { result, problems, problemCount, twiceInFile } = await read(
      { filePath: input.filePath, profile: input.profile, sourceCurrency: input.sourceCurrency, maxProblems: hooks.maxProblems ?? MAX_PROBLEMS, batch: BATCH },
      {
        signal: hooks.signal,
        onProgress: (bytes) => hooks.onProgress?.(bytes, file.fileSize),
        onRows: write,
        onKeys: (keys) => keys.forEach(repeats.add)
      }
    )
    if (hooks.signal?.aborted) throw new Error('cancelled')
    const report = reportOf(sqlite, input, file, result, { problems, problemCount, twiceInFile }, { count: written - stored + repeats.total(), statementId })
    return { statementId, stored, report, bad: problemCount > 0 }
  } catch (error) {
    discardStatement(sqlite, statementId)
    if (hooks.signal?.aborted) return null
    throw error
  }
}

/** The statement's file facts, once its lines are all written; `status` says who may see it. */
function settle(sqlite: Database.Database, staged: Staged, status: 'checked' | 'imported'): void {
  const { report } = staged
  sqlite
    .prepare('update recon_statements set encoding = ?, period_from = ?, period_to = ?, line_count = ?, controls = ?, repeated_lines = ?, report = ?, status = ? where id = ?')
    .run(report.encoding, report.period?.from ?? null, report.period?.to ?? null, report.lineCount, JSON.stringify(report.controls), report.repeated, status === 'checked' ? JSON.stringify(report) : null, status, staged.statementId)
}

/**
 * The dry run: reads the file through, checking every line, and keeps its lines for the commit
 * (a `checked` statement no run or list sees). A file with any bad line keeps nothing.
 */
export async function dryRunImport(sqlite: Database.Database, input: ImportInput, hooks: ImportHooks = {}): Promise<ImportReport> {
  const file = await identify(sqlite, input)
  if (file.already !== null) return refusedReport(file)
  const staged = await stage(sqlite, input, file, hooks)
  if (staged === null) throw new StatementReadError('aborted', say('recon.read.cancelled'))
  if (nothingNew(staged)) {
    discardStatement(sqlite, staged.statementId)
    return nothingNewReport(staged.report)
  }
  if (staged.bad) discardStatement(sqlite, staged.statementId)
  else settle(sqlite, staged, 'checked')
  return staged.report
}

/**
 * Imports the file whole, or not at all. When a dry run of this file with the source's current
 * profile kept its lines, they are marked imported in one statement; otherwise the file is read
 * and stored as the dry run does, and any bad line refuses it with the dry run's report.
 */
export async function commitImport(sqlite: Database.Database, input: ImportInput, hooks: ImportHooks = {}): Promise<CommitOutcome | null> {
  const file = await identify(sqlite, input)
  if (file.already !== null) throw new ImportRefused('recon.file_already_imported', `This file was already imported (statement ${file.already})`, refusedReport(file))
  if (hooks.signal?.aborted) return null
  const checked = commitChecked(sqlite, input, file.fileHash)
  if (checked) return checked
  const staged = await stage(sqlite, input, file, hooks)
  if (staged === null) return null
  if (staged.bad) {
    discardStatement(sqlite, staged.statementId)
    throw new ImportRefused('recon.bad_lines', `${staged.report.problemCount} lines cannot be read; nothing was imported`, staged.report)
  }
  if (nothingNew(staged)) {
    discardStatement(sqlite, staged.statementId)
    const report = nothingNewReport(staged.report)
    throw new ImportRefused('recon.nothing_new', nothingNewMessage(report), report)
  }
  settle(sqlite, staged, 'imported')
  return { statementId: staged.statementId, stored: staged.stored, repeated: staged.report.repeated, report: staged.report }
}

/** The dry run's lines of this file under this profile, marked imported (in one transaction), or null when there are none. */
function commitChecked(sqlite: Database.Database, input: ImportInput, fileHash: string): CommitOutcome | null {
  return jobTransaction(sqlite, (): CommitOutcome | null => {
    const checked = sqlite
      .prepare("select id, line_count as lineCount, repeated_lines as repeated, report from recon_statements where tenant_id = ? and source_id = ? and file_hash = ? and profile_id = ? and status = 'checked'")
      .get(input.tenantId, input.sourceId, fileHash, input.profileId) as { id: number; lineCount: number; repeated: number; report: string } | undefined
    if (!checked) return null
    sqlite
      .prepare("update recon_statements set status = 'imported', report = null, file_name = ?, imported_by = ?, imported_at = ? where id = ?")
      .run(input.fileName, input.userId, input.now, checked.id)
    const report = JSON.parse(checked.report) as ImportReport
    return { statementId: checked.id, stored: checked.lineCount - checked.repeated, repeated: checked.repeated, report }
  })
}

/**
 * Removes the lines dry runs left for the source (or of this file, under any source) that nobody
 * committed. Each is first marked `discarding` (one statement: a commit racing it either marked it
 * imported before, and it is left alone, or finds nothing to commit and reads the file itself).
 */
function discardChecked(sqlite: Database.Database, tenantId: number, sourceId: number, fileHash: string): void {
  const ids = sqlite.prepare("select id from recon_statements where tenant_id = ? and (source_id = ? or file_hash = ?) and status = 'checked'").pluck().all(tenantId, sourceId, fileHash) as number[]
  const mark = sqlite.prepare("update recon_statements set status = 'discarding' where id = ? and status = 'checked'")
  for (const id of ids) if (mark.run(id).changes === 1) discardStatement(sqlite, id, 'discarding')
}

/** Deletes a statement that never finished importing, in batches, and then its row. */
export function discardStatement(sqlite: Database.Database, statementId: number, status: 'importing' | 'discarding' = 'importing'): void {
  // Its lines and the lines it lists of imported statements (never a line of one not imported: nothing else points at its own).
  for (const table of ['recon_statement_repeats', 'recon_lines']) {
    const remove = sqlite.prepare(`delete from ${table} where rowid in (select rowid from ${table} where statement_id = ? limit ${BATCH})`)
    // Batch by batch, each after the main thread's waiting writes.
    for (;;) {
      giveWay()
      if (remove.run(statementId).changes === 0) break
    }
  }
  sqlite.prepare('delete from recon_statements where id = ? and status = ?').run(statementId, status)
}

/** How long a dry run's lines wait for their commit: as long as its upload is kept. */
const CHECKED_KEEP_MS = 24 * 60 * 60 * 1000

/**
 * At start: imports a crash interrupted are discarded (their statements were never visible), and
 * the lines of dry runs nobody committed within a day (their uploads are gone).
 */
export function discardUnfinishedImports(sqlite: Database.Database, now: number): number {
  const unfinished = sqlite
    .prepare("select id, status from recon_statements where status in ('importing', 'discarding') or (status = 'checked' and imported_at < ?)")
    .all(now - CHECKED_KEEP_MS) as { id: number; status: string }[]
  for (const { id, status } of unfinished) {
    if (status === 'checked') sqlite.prepare("update recon_statements set status = 'discarding' where id = ?").run(id)
    discardStatement(sqlite, id, status === 'importing' ? 'importing' : 'discarding')
  }
  return unfinished.length
}
