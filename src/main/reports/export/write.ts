/**
 * Writing a report's filtered set to a stream: CSV (UTF-8 with a byte-order mark, or GBK) through
 * csv-stringify and iconv-lite, XLSX through exceljs's streaming workbook writer. Rows come in
 * batches by keyset (sources.ts); each batch is formatted and written as one chunk, and the writer
 * waits for the output to drain whenever it is full, so memory holds a batch and the stream's
 * buffer, never the file.
 *
 * It needs only a connection and the request, not the core: an export job runs it in a worker
 * thread with its own read connection (export/worker.ts), or on the caller's connection for an
 * in-memory database (jobs.ts).
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { stringify } from 'csv-stringify/sync'
import iconv from 'iconv-lite'
import type { ExportFormat, ExportReport } from '../../../shared/contract/exports'
import { amountFormat } from '../../../shared/money'
import { ENTRY_TYPES } from '../../../shared/ledger'
import { ENTRY_TYPE_NAMES, REPORT_COLUMN_NAMES, type ReportColumnName, type ReportLanguage } from '../../../shared/report-columns'
import { isoDay } from '../bounds'
import { zoneLabel } from '../../../shared/time-zone'
import type { ReadSource } from '../../reads/page'
import type { EntryKey, EntryRange } from '../account-details'
import { EXPORT_SOURCES, type ExportColumn, type ExportRow, type ReportFilters } from './sources'
import { PRIVATE_FILE_MODE } from '../../paths'

export interface ExportRequest {
  report: ExportReport
  format: ExportFormat
  language: ReportLanguage
  filters: ReportFilters
  /** The zone times are written in, named in their column's header: the user's display zone (default: the business zone). */
  timeZone?: string
}

export interface ExportHooks {
  /** Rows per read (default 250: one read and its formatting stay within a few milliseconds). */
  batchSize?: number
  /** Only this part of the rows (the entry list in two parts, jobs.ts); default all. */
  range?: EntryRange
  /** Whether the file starts with the header row (and the UTF-8 BOM); false for a second part. Default true. */
  header?: boolean
  /** After each batch: the rows written so far. */
  onProgress?(rowsWritten: number): void
  /** Asked between batches; true stops the export (the caller deletes the partial file). */
  cancelled?(): boolean | Promise<boolean>
}

export interface ExportOutcome {
  rows: number
  cancelled: boolean
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', 'csv-gbk': 'csv', xlsx: 'xlsx' }

/** A file's row sink: the header when made, then batches of rows. */
interface Sink {
  /** Formats and writes the rows; false when the output is full (wait for it to drain). */
  write(rows: ExportRow[]): boolean
  /** Ends the file; resolves once it is flushed and closed. */
  end(): Promise<void>
}

/** `2026-11-20` from a statistics row's text or a list row's yyyymmdd. */
const dayText = (value: unknown) => (typeof value === 'number' ? isoDay(value) : String(value))

/** A signed amount as people write it ("-1,234.56", "-1,234.56 CNY"): nothing a spreadsheet could run. */
const PLAIN_AMOUNT = /^[-+]\d[\d,]*(\.\d+)?( [A-Z]{3})?$/

/**
 * A text cell a spreadsheet would take for a formula (=, +, -, @, tab, return at the start) gets a
 * leading apostrophe in CSV, the usual guard against formula injection; a plain signed amount
 * does not (a clerk read "'-1,234.56 CNY"). XLSX cells are typed strings, so they stay as they are.
 */
export const guarded = (text: string) => (/^[=+\-@\t\r]/.test(text) && !PLAIN_AMOUNT.test(text) ? `'${text}` : text)

/** A value as a number cell: ids and counts (a sum's BigInt too), an amount's decimal text read. */
const numberCell = (value: unknown) => (typeof value === 'number' ? value : Number(value))

/**
 * A column's cell from its source's value (ColumnKind), where it differs from the value: in CSV an
 * amount is its exact decimal text as given; in XLSX a number cell (for sums and pivots) whose
 * number is that decimal text read, shown with the currency's digits.
 */
const CELLS: Record<'csv' | 'xlsx', Record<ExportColumn['kind'], ((value: unknown) => string | number) | null>> = {
  csv: { amount: null, integer: numberCell, text: (value) => guarded(String(value ?? '')), day: dayText, time: null },
  xlsx: { amount: numberCell, integer: numberCell, text: (value) => String(value ?? ''), day: dayText, time: null }
}

/**
 * Makes each row's values its cells, in place (a source's rows are fresh arrays: no second array
 * per row, which an export of millions of rows would otherwise allocate and collect).
 */
function cellsOf(columns: readonly ExportColumn[], format: 'csv' | 'xlsx'): (rows: ExportRow[]) => void {
  const converted = columns.flatMap((c, index) => {
    const convert = CELLS[format][c.kind]
    return convert ? [{ index, convert }] : []
  })
  return (rows) => {
    for (const row of rows) for (const { index, convert } of converted) row[index] = convert(row[index])
  }
}

/**
 * CSV through csv-stringify's synchronous API, one call per batch: a batch becomes one string and
 * one write (GBK: one iconv-lite encoding of it), rather than a stream transform per row.
 */
function csvSink(out: Writable, format: 'csv' | 'csv-gbk', columns: readonly ExportColumn[], header: string[] | null): Sink {
  const options = { record_delimiter: 'windows' } as const
  const put = (text: string) => out.write(format === 'csv-gbk' ? iconv.encode(text, 'gbk') : text)
  const toCells = cellsOf(columns, 'csv')
  if (header) put(stringify([header], { ...options, bom: format === 'csv' }))
  return {
    write(rows) {
      toCells(rows)
      return put(stringify(rows, options))
    },
    async end() {
      out.end()
      await finished(out, { readable: false })
    }
  }
}

const WIDTHS: Record<ExportColumn['kind'], number> = { amount: 18, integer: 12, text: 14, day: 12, time: 20 }

/**
 * exceljs is loaded when an XLSX export starts, not with this module: it is most of what an export
 * worker would load (a third of a second before a CSV export's first row).
 */
async function xlsxSink(out: Writable, sheetName: string, columns: readonly ExportColumn[], header: string[]): Promise<Sink> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.key === 'remark' ? 40 : WIDTHS[c.kind] }))
  const headerRow = sheet.addRow(header)
  headerRow.font = { bold: true }
  headerRow.commit()
  const amountColumns = columns.flatMap((c, i) => (c.kind === 'amount' ? [i + 1] : []))
  const currency = columns.findIndex((c) => c.key === 'currency')
  const toCells = cellsOf(columns, 'xlsx')
  return {
    write(rows) {
      toCells(rows)
      for (const row of rows) {
        const added = sheet.addRow(row)
        const format = amountFormat(row[currency] as string)
        for (const index of amountColumns) added.getCell(index).numFmt = format
        added.commit()
      }
      // The workbook's zip stream is piped into `out`: when `out` is full, the next batch waits.
      return !out.writableNeedDrain
    },
    async end() {
      sheet.commit()
      await workbook.commit()
      await finished(out, { readable: false })
    }
  }
}

/** A code's name written beside it: a merchant's id and an entry type's number mean nothing to a reader alone. */
const NAMED_BESIDE: Partial<Record<ReportColumnName, ReportColumnName>> = { merchantId: 'merchantName', type: 'typeName' }

/**
 * The file's columns (each named code followed by its name) and what puts the names into a batch's
 * rows, in place. Merchants are read once per export (a tenant has tens, not millions).
 */
function namesBeside(src: ReadSource, columns: readonly ExportColumn[], language: ReportLanguage): { columns: ExportColumn[]; name(rows: ExportRow[]): void } {
  const named = columns.flatMap((c, index) => (NAMED_BESIDE[c.key] ? [{ index, key: c.key }] : [])).reverse()
  if (named.length === 0) return { columns: [...columns], name: () => {} }
  const merchants = new Map((src.sqlite.prepare('select id, name from merchants where tenant_id = ?').all(src.tenantId) as { id: number; name: string }[]).map((m) => [m.id, m.name]))
  const types = new Map(Object.entries(ENTRY_TYPES).map(([name, code]) => [code as number, ENTRY_TYPE_NAMES[language][name as keyof typeof ENTRY_TYPES]]))
  const nameOf = (key: ReportColumnName, value: unknown) => (key === 'merchantId' ? merchants.get(Number(value)) : types.get(Number(value))) ?? ''
  return {
    columns: columns.flatMap((c) => (NAMED_BESIDE[c.key] ? [c, { key: NAMED_BESIDE[c.key]!, kind: 'text' as const }] : [c])),
    // Right to left, so each insertion leaves the indexes of the codes before it as they were.
    name(rows) {
      for (const row of rows) for (const { index, key } of named) row.splice(index + 1, 0, nameOf(key, row[index]))
    }
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Writes every row of the request's filtered set to `out`, in the report's order. Between batches
 * it waits for `out` to drain when it is full, and otherwise gives the event loop a turn (on the
 * main thread: the window's IPC; in a worker: its messages), then asks whether to stop.
 */
export async function writeReportExport(src: ReadSource, request: ExportRequest, out: Writable, hooks: ExportHooks = {}): Promise<ExportOutcome> {
  const source = EXPORT_SOURCES[request.report]
  const names = REPORT_COLUMN_NAMES[request.language]
  const beside = namesBeside(src, source.columns, request.language)
  const zone = request.timeZone ?? src.zone
  const header = beside.columns.map((c) => (c.kind === 'time' ? `${names[c.key]} (${zoneLabel(zone)})` : names[c.key]))
  // An error of the output (a full disk, a closed file) stops the export at the next batch.
  let failure: Error | null = null
  out.on('error', (error) => (failure ??= error))
  let rows = 0
  let cancelled = false
  try {
    const withHeader = hooks.header ?? true
    if (request.format === 'xlsx' && !withHeader) throw new Error('An XLSX file cannot be written in parts')
    const sink = request.format === 'xlsx' ? await xlsxSink(out, request.report, beside.columns, header) : csvSink(out, request.format, beside.columns, withHeader ? header : null)
    for (const batch of source.batches(src, request.filters, hooks.batchSize ?? 250, hooks.range, zone)) {
      beside.name(batch)
      const room = sink.write(batch)
      rows += batch.length
      hooks.onProgress?.(rows)
      if (room) await nextTurn()
      else await once(out, 'drain')
      if (failure) throw failure
      if (await hooks.cancelled?.()) {
        cancelled = true
        break
      }
    }
    await sink.end()
  } catch (error) {
    // A failed read or write leaves no open file behind; the caller deletes what was written.
    out.destroy()
    await finished(out, { readable: false }).catch(() => {})
    throw error
  }
  return { rows, cancelled }
}

/**
 * The slots of an export's shared state (an Int32Array the job and its workers see): the cancel
 * flag, and the rows written by the job's first part and by its second part (two parts, jobs.ts).
 */
export const EXPORT_STATE = { cancel: 0, rowsWritten: 1, partRowsWritten: 2, size: 3 } as const

/** The file's write buffer: formatting goes on while the previous chunks are written. */
const FILE_BUFFER_BYTES = 1 << 20

/** Formats that can be written in two parts and joined: CSV (XLSX is one zip). */
export const splittable = (format: ExportFormat) => format !== 'xlsx'

export interface ExportToFileOptions {
  batchSize?: number
  /**
   * A pause after each batch (a cancel ends it at once): a pace for tests that need an export
   * still running when they press Cancel. Default none.
   */
  pauseMs?: number
  state: Int32Array
  onCounted(totalRows: number): void
  /**
   * Set for a job's first part: from this many rows on, a splittable export is cut in two. The
   * first part asks for the second to be started from the returned key (`onSplit`), then writes the
   * rows above it; the caller joins the second part's file to this one.
   */
  split?: { fromRows: number; onSplit(from: EntryKey): void }
  /** Set for a job's second part: its rows from this key down, without a header, not counted. */
  part?: { from: EntryKey }
}

/**
 * An export job's work, wherever it runs: count the filtered set (`onCounted`), then write it to
 * `file`, or the part of it the options say. The rows written go to `state`, and a cancel flag set
 * there stops it between batches.
 */
export async function exportToFile(src: ReadSource, request: ExportRequest, file: string, options: ExportToFileOptions): Promise<ExportOutcome> {
  const { state, part } = options
  const pauseMs = options.pauseMs ?? 0
  const source = EXPORT_SOURCES[request.report]
  let range: EntryRange = {}
  if (part) range = { from: part.from }
  else {
    const total = source.count(src, request.filters)
    options.onCounted(total)
    const { split } = options
    const from = split && source.half && splittable(request.format) && total >= split.fromRows ? source.half(src, request.filters, total) : null
    if (from) {
      split!.onSplit(from)
      range = { above: from }
    }
  }
  const cancelled = () => Atomics.load(state, EXPORT_STATE.cancel) === 1
  if (cancelled()) return { rows: 0, cancelled: true }
  const progressSlot = part ? EXPORT_STATE.partRowsWritten : EXPORT_STATE.rowsWritten
  // Readable by its owner only, like the database it comes from (a file the user overwrites keeps its mode).
  return writeReportExport(src, request, createWriteStream(file, { highWaterMark: FILE_BUFFER_BYTES, mode: PRIVATE_FILE_MODE }), {
    batchSize: options.batchSize,
    range,
    header: !part,
    onProgress: (rows) => Atomics.store(state, progressSlot, rows),
    async cancelled() {
      // Waits without blocking the thread's event loop: the batch just written goes on to the file.
      if (pauseMs > 0) {
        // A pending waitAsync does not keep a thread alive; the timer does, for as long as the pause.
        const alive = setTimeout(() => {}, pauseMs)
        await Atomics.waitAsync(state, EXPORT_STATE.cancel, 0, pauseMs).value
        clearTimeout(alive)
      }
      return cancelled()
    }
  })
}
