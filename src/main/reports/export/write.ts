/**
 * Writing a report's filtered set to a stream: CSV (UTF-8 with a byte-order mark, or GBK) through
 * csv-stringify and iconv-lite, XLSX through exceljs's streaming workbook writer. Rows come in
 * batches by keyset (sources.ts); between batches the writer waits for the output to drain and
 * yields to the event loop, so a large export never holds the process for more than one batch.
 *
 * It needs only a connection and the request, not the core: the same function can run in a
 * worker thread with its own read connection.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import type { ExportFormat, ExportReport } from '../../../shared/contract/exports'
import { minorUnitsOf } from '../../../shared/money'
import { REPORT_COLUMN_NAMES, type ReportLanguage } from '../../../shared/report-columns'
import { isoDay } from '../bounds'
import type { ReportSource } from '../page'
import { EXPORT_SOURCES, type ExportColumn, type ExportRow, type ReportFilters } from './sources'

export interface ExportRequest {
  report: ExportReport
  format: ExportFormat
  language: ReportLanguage
  filters: ReportFilters
}

export interface ExportHooks {
  /** Rows per read (default 250: one read stays within a few milliseconds). */
  batchSize?: number
  /** After each batch: the rows written so far. */
  onProgress?(rowsWritten: number): void
  /** Asked between batches; true stops the export (the caller deletes the partial file). */
  cancelled?(): boolean
}

export interface ExportOutcome {
  rows: number
  cancelled: boolean
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', 'csv-gbk': 'csv', xlsx: 'xlsx' }

/** A file's row sink: one header, then the rows' cells. */
interface Sink {
  write(row: ExportRow): Promise<void> | void
  end(): Promise<void>
}

/** `2026-11-20` from a statistics row's text or a list row's yyyymmdd. */
const dayText = (value: unknown) => (typeof value === 'number' ? isoDay(value) : String(value))

/**
 * A text cell a spreadsheet would take for a formula (=, +, -, @, tab, return at the start) gets a
 * leading apostrophe in CSV, the usual guard against formula injection. XLSX cells are typed
 * strings, so they stay as they are.
 */
const guarded = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

/**
 * A cell as written: in CSV an amount is its exact decimal text; in XLSX a number cell (for sums
 * and pivots) whose number is that decimal text read, shown with the currency's digits.
 */
function cell(column: ExportColumn, row: ExportRow, format: 'csv' | 'xlsx'): string | number {
  const value = row[column.key]
  switch (column.kind) {
    case 'amount':
      return format === 'csv' ? String(value) : Number(value)
    case 'integer':
      return Number(value)
    case 'day':
      return dayText(value)
    case 'time':
      return String(value).replace('T', ' ')
    case 'text':
      return format === 'csv' ? guarded(String(value ?? '')) : String(value ?? '')
  }
}

function csvSink(out: Writable, format: 'csv' | 'csv-gbk', columns: readonly ExportColumn[], header: string[]): Sink {
  const csv = stringify({ bom: format === 'csv', record_delimiter: 'windows' })
  // iconv-lite's encoder takes text: the stringifier hands it strings, not UTF-8 bytes.
  if (format === 'csv-gbk') csv.setEncoding('utf8')
  const done = format === 'csv-gbk' ? pipeline(csv, iconv.encodeStream('gbk'), out) : pipeline(csv, out)
  // A failure surfaces through `done`; the writes below must not also throw it unhandled.
  done.catch(() => {})
  csv.write(header)
  return {
    async write(row) {
      if (!csv.write(columns.map((c) => cell(c, row, 'csv')))) await Promise.race([once(csv, 'drain'), done])
    },
    async end() {
      csv.end()
      await done
    }
  }
}

/** Excel's number format for a currency's digits: `#,##0.00`, `#,##0` (VND), `#,##0.000000` (USDT). */
export function amountFormat(currency: string): string {
  const digits = minorUnitsOf(currency)
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`
}

const WIDTHS: Record<ExportColumn['kind'], number> = { amount: 18, integer: 12, text: 14, day: 12, time: 20 }

function xlsxSink(out: Writable, sheetName: string, columns: readonly ExportColumn[], header: string[]): Sink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.key === 'remark' ? 40 : WIDTHS[c.kind] }))
  const headerRow = sheet.addRow(header)
  headerRow.font = { bold: true }
  headerRow.commit()
  const amountColumns = columns.flatMap((c, i) => (c.kind === 'amount' ? [i + 1] : []))
  return {
    write(row) {
      const added = sheet.addRow(columns.map((c) => cell(c, row, 'xlsx')))
      const format = amountFormat(row.currency)
      for (const index of amountColumns) added.getCell(index).numFmt = format
      added.commit()
    },
    async end() {
      sheet.commit()
      await workbook.commit()
    }
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The longest the writer runs between two turns of the event loop (a frame is 16 ms). */
const SLICE_MS = 8

/** Writes every row of the request's filtered set to `out`, in the report's order. */
export async function writeReportExport(src: ReportSource, request: ExportRequest, out: Writable, hooks: ExportHooks = {}): Promise<ExportOutcome> {
  const source = EXPORT_SOURCES[request.report]
  const names = REPORT_COLUMN_NAMES[request.language]
  const header = source.columns.map((c) => names[c.key])
  const sink = request.format === 'xlsx' ? xlsxSink(out, request.report, source.columns, header) : csvSink(out, request.format, source.columns, header)
  let rows = 0
  let cancelled = false
  try {
    let slice = performance.now()
    for (const batch of source.batches(src, request.filters, hooks.batchSize ?? 250)) {
      for (const row of batch) {
        await sink.write(row)
        // A slow sink (XLSX styles, GBK) yields inside a batch too: no turn of the loop over ~8 ms.
        if (performance.now() - slice > SLICE_MS) {
          await nextTurn()
          slice = performance.now()
        }
      }
      rows += batch.length
      hooks.onProgress?.(rows)
      await nextTurn()
      slice = performance.now()
      if (hooks.cancelled?.()) {
        cancelled = true
        break
      }
    }
    await sink.end()
  } catch (error) {
    // A failed read or write leaves no open file behind; the caller deletes what was written.
    out.destroy()
    throw error
  }
  return { rows, cancelled }
}
