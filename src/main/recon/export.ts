/**
 * A run's breaks or matches as a CSV or XLSX file a clerk can work offline (and bring the
 * decisions back: decisions.ts reads the `[id]`, `[action]`, `[reason]` columns), or its report
 * (run-report.ts). Written in the export's language: headers, break types, causes, statuses and
 * decisions by their names; the columns the decisions import reads, and each code beside its name,
 * are headed with their code in brackets (shared/recon-export-text.ts). Written by a job's worker
 * thread in batches by id; text cells a spreadsheet would take for a formula are escaped in CSV, a
 * number of ours or theirs it would take for a number ends in a TAB there (as Alipay writes them),
 * and XLSX cells are typed strings.
 */
import { once } from 'node:events'
import { createWriteStream, rmSync } from 'node:fs'
import { finished } from 'node:stream/promises'
import type { Writable } from 'node:stream'
import type Database from 'better-sqlite3'
import { stringify } from 'csv-stringify/sync'
import { amountFormat, fromMinor } from '../../shared/money'
import { statedAmountText } from '../../shared/money-text'
import { machineHeader, RECON_EXPORT_TEXT, type BreakColumnKey, type MatchColumnKey } from '../../shared/recon-export-text'
import { causeText, reconCodeText } from '../../shared/recon-labels'
import type { ReportLanguage } from '../../shared/report-columns'
import { zoneLabel } from '../../shared/time-zone'
import { PRIVATE_FILE_MODE } from '../paths'
import { guarded } from '../reports/export/write'
import { isMoneyCell, runReportRows, timeText, type MoneyCell } from './run-report'

export interface ReconExportRequest {
  runId: number
  tenantId: number
  what: 'breaks' | 'matches' | 'report'
  format: 'csv' | 'xlsx'
  /** A merchant-bound user's merchant: only its rows. */
  merchantId: number | null
  /** The requesting user's display zone (their own, else the business zone): times are written in it, and the header says which. */
  zone: string
  /** The language of the headers and of the codes' names (the user's). */
  language: ReportLanguage
  path: string
  /** What the clerk's copy is called: `run-12-breaks-20261207-201500-UTC+0800.csv` (reports/export/jobs.ts). */
  fileName: string
}

/** `id`: a number of ours or theirs (an order, upstream or refund no.): text, kept as written when a spreadsheet opens it. */
type Kind = 'text' | 'id' | 'amount' | 'integer'
interface Column {
  key: string
  kind: Kind
  /** An amount's currency column: its cells get that currency's decimals in XLSX. */
  in?: string
  /** A column the decisions import reads, or a code's: headed `Name [code]`, and found by the code (the whole header in files exported before). */
  code?: string
}

const BATCH = 1000

const BREAK_COLUMNS: (Column & { key: BreakColumnKey })[] = [
  { key: 'id', kind: 'integer', code: 'id' },
  { key: 'type', kind: 'text' },
  { key: 'cause', kind: 'text' },
  { key: 'status', kind: 'text' },
  { key: 'resolution', kind: 'text' },
  // Why it was decided (the last decision's reason, in an earlier run too): it travels with the file.
  // Accepting theirs through a second user is decided when it is asked for: its reason is the asker's.
  { key: 'decision_reason', kind: 'text' },
  { key: 'merchant', kind: 'text' },
  { key: 'order_no', kind: 'id' },
  { key: 'refund_no', kind: 'id' },
  { key: 'their_order_no', kind: 'id' },
  { key: 'their_upstream_no', kind: 'id' },
  { key: 'their_refund_no', kind: 'id' },
  { key: 'statement_line', kind: 'integer' },
  // Each side in its own currency: a currency mismatch's two amounts are in two (with their own decimals).
  { key: 'their_currency', kind: 'text' },
  { key: 'theirs', kind: 'amount', in: 'their_currency' },
  { key: 'our_currency', kind: 'text' },
  { key: 'ours', kind: 'amount', in: 'our_currency' },
  { key: 'difference', kind: 'amount', in: 'their_currency' },
  // A fee mismatch's two fees (its amounts are each side's gross, summed as amounts like any other's).
  { key: 'their_fee', kind: 'amount', in: 'their_currency' },
  { key: 'our_fee', kind: 'amount', in: 'their_currency' },
  { key: 'at', kind: 'text' },
  { key: 'assigned_to', kind: 'text', code: 'assigned_to' },
  // Left empty: the clerk writes a decision here and imports the file back.
  { key: 'action', kind: 'text', code: 'action' },
  { key: 'reason', kind: 'text', code: 'reason' },
  // The codes the names above stand for, under the names earlier files gave their columns.
  { key: 'type_code', kind: 'text', code: 'type' },
  { key: 'cause_code', kind: 'text', code: 'cause' },
  { key: 'status_code', kind: 'text', code: 'status' },
  { key: 'resolution_code', kind: 'text', code: 'resolution' }
]

const MATCH_COLUMNS: (Column & { key: MatchColumnKey })[] = [
  { key: 'line_id', kind: 'integer', code: 'line_id' },
  { key: 'statement_line', kind: 'integer' },
  { key: 'pass', kind: 'text' },
  { key: 'group', kind: 'text' },
  { key: 'order_no', kind: 'id' },
  { key: 'refund_no', kind: 'id' },
  { key: 'upstream_no', kind: 'id' },
  { key: 'merchant', kind: 'text' },
  { key: 'currency', kind: 'text' },
  { key: 'amount', kind: 'amount', in: 'currency' },
  { key: 'pass_code', kind: 'text', code: 'pass' }
]

const REPORT_COLUMNS: Column[] = [
  { key: 'field', kind: 'text' },
  { key: 'value', kind: 'text' }
]

type Row = (string | number | null | MoneyCell)[]

const money = (minor: number | null, currency: string | null) => (minor === null || currency === null ? null : fromMinor(minor, currency))

function breakBatches(sqlite: Database.Database, r: ReconExportRequest): (after: number) => { last: number; rows: Row[] } {
  const scoped = r.merchantId === null ? '' : 'and b.merchant_id = ?'
  const select = sqlite.prepare(
    `select b.id, b.type, b.cause_key as cause, b.status, b.resolution, m.name as merchant, coalesce(o.order_no, ro.order_no) as orderNo, rf.refund_no as refundNo,
       l.order_no as lineOrderNo, l.upstream_no as lineUpstreamNo, l.refund_no as lineRefundNo, l.line_no as lineNo, b.currency,
       coalesce(l.currency, b.currency) as theirCurrency, coalesce(o.currency, rf.currency, b.currency) as ourCurrency,
       b.theirs_minor as theirs, b.ours_minor as ours, b.difference_minor as difference, b.at, u.username as assignedTo,
       case when b.type = 'fee_mismatch' then json_extract(b.detail, '$.theirsFeeMinor') end as theirFee,
       case when b.type = 'fee_mismatch' then json_extract(b.detail, '$.oursFeeMinor') end as ourFee,
       case when b.status <> 'open' then (select json_extract(e.text, '$.params.reason.params.text') from recon_break_events e
         where e.identity = b.identity and e.action in ('resolved', 'requested')
           and json_extract(e.text, '$.params.reason.params.text') is not null order by e.id desc limit 1) end as decisionReason
     from recon_breaks b
     left join recon_lines l on l.id = b.line_id left join orders o on o.id = b.order_id left join refunds rf on rf.id = b.refund_id
     left join orders ro on ro.id = rf.order_id left join merchants m on m.id = b.merchant_id left join users u on u.id = b.assigned_to
     where b.run_id = ? and b.tenant_id = ? ${scoped} and b.id > ? order by b.id limit ${BATCH}`
  )
  return (after) => {
    const params = r.merchantId === null ? [r.runId, r.tenantId, after] : [r.runId, r.tenantId, r.merchantId, after]
    const found = select.all(...params) as Record<string, string | number | null>[]
    const rows = found.map((b) => {
      const [currency, theirCurrency, ourCurrency] = [b.currency, b.theirCurrency, b.ourCurrency] as (string | null)[]
      const [type, cause, status, resolution] = [b.type, b.cause, b.status, b.resolution] as (string | null)[]
      const named = [reconCodeText(r.language, 'breakTypes', type), causeText(r.language, cause), reconCodeText(r.language, 'breakStatuses', status), reconCodeText(r.language, 'resolutions', resolution)]
      return [
        b.id, ...named, b.decisionReason ?? '', b.merchant ?? '', b.orderNo ?? '', b.refundNo ?? '', b.lineOrderNo ?? '', b.lineUpstreamNo ?? '', b.lineRefundNo ?? '',
        b.lineNo, b.theirs === null ? '' : (theirCurrency ?? ''), money(b.theirs as number | null, theirCurrency), b.ours === null ? '' : (ourCurrency ?? ''), money(b.ours as number | null, ourCurrency), money(b.difference as number | null, currency),
        money(b.theirFee as number | null, currency), money(b.ourFee as number | null, currency),
        timeText(b.at as number, r.zone), b.assignedTo ?? '', '', '', type, cause, status, resolution ?? ''
      ] as Row
    })
    return { last: found.length ? (found[found.length - 1].id as number) : after, rows }
  }
}

function matchBatches(sqlite: Database.Database, r: ReconExportRequest): (after: number) => { last: number; rows: Row[] } {
  const scoped = r.merchantId === null ? '' : 'and x.merchant_id = ?'
  const select = sqlite.prepare(
    `select x.id, x.line_id as lineId, l.line_no as lineNo, x.pass, x.group_key as groupKey, o.order_no as orderNo, rf.refund_no as refundNo, l.upstream_no as upstreamNo,
       m.name as merchant, x.currency, x.amount_minor as amount
     from recon_matches x join recon_runs run on run.id = x.run_id
     left join recon_lines l on l.id = x.line_id left join orders o on o.id = x.order_id left join refunds rf on rf.id = x.refund_id left join merchants m on m.id = x.merchant_id
     where x.run_id = ? and run.tenant_id = ? ${scoped} and x.id > ? order by x.id limit ${BATCH}`
  )
  const passes = RECON_EXPORT_TEXT[r.language].passes
  return (after) => {
    const params = r.merchantId === null ? [r.runId, r.tenantId, after] : [r.runId, r.tenantId, r.merchantId, after]
    const found = select.all(...params) as Record<string, string | number | null>[]
    const rows = found.map((x) => {
      const currency = x.currency as string | null
      const pass = x.pass as keyof typeof passes
      return [x.lineId, x.lineNo, passes[pass] ?? pass, x.groupKey ?? '', x.orderNo ?? '', x.refundNo ?? '', x.upstreamNo ?? '', x.merchant ?? '', currency ?? '', money(x.amount as number | null, currency), pass] as Row
    })
    return { last: found.length ? (found[found.length - 1].id as number) : after, rows }
  }
}

interface Sink {
  write(rows: Row[]): boolean
  end(): Promise<void>
}

/**
 * A value a spreadsheet opening the CSV would take for a number or a date: a 25-digit upstream no.
 * became 4.2E+24, `00012345678901234567` lost its zeros, `2024-05-01` turns into a date.
 */
const SPREADSHEET_NUMBER = /^[+-]?(\d[\d\s.,:/-]*|\d+(\.\d+)?e[+-]?\d+)%?$/i

/**
 * An identifier cell as channels write theirs (Alipay's bills end long numbers with a TAB): a
 * spreadsheet then keeps it as text, digit for digit. After the formula guard, which looks at the
 * start only; the decisions import trims the cell.
 */
const idCell = (text: string) => {
  const cell = guarded(text)
  return SPREADSHEET_NUMBER.test(text) ? `${cell}\t` : cell
}

function csvSink(out: Writable, columns: Column[], header: string[]): Sink {
  const options = { record_delimiter: 'windows' } as const
  out.write(stringify([header], { ...options, bom: true }))
  const textColumns = columns.flatMap((c, i) => (c.kind === 'text' ? [i] : []))
  const idColumns = columns.flatMap((c, i) => (c.kind === 'id' ? [i] : []))
  return {
    write(rows) {
      for (const row of rows) {
        for (const i of textColumns) row[i] = guarded(String(row[i] ?? ''))
        for (const i of idColumns) row[i] = idCell(String(row[i] ?? ''))
      }
      return out.write(stringify(rows, options))
    },
    async end() {
      out.end()
      await finished(out, { readable: false })
    }
  }
}

async function xlsxSink(out: Writable, sheetName: string, columns: Column[], header: string[]): Promise<Sink> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.kind === 'text' || c.kind === 'id' ? 22 : 16 }))
  const headerRow = sheet.addRow(header)
  headerRow.font = { bold: true }
  headerRow.commit()
  const amounts = columns.flatMap((c, i) => (c.kind === 'amount' ? [{ i, currency: columns.findIndex((d) => d.key === c.in) }] : []))
  return {
    write(rows) {
      for (const row of rows) {
        // Amounts as number cells (sums work) shown with their currency's decimals; everything else as typed strings, never formulas.
        const formats: [number, string][] = []
        row.forEach((value, i) => {
          if (!isMoneyCell(value)) return
          row[i] = Number(value.amount)
          formats.push([i + 1, `${amountFormat(value.currency)} "${value.currency}"`])
        })
        for (const { i, currency } of amounts) {
          if (row[i] === null || row[i] === '') continue
          row[i] = Number(row[i])
          if (row[currency]) formats.push([i + 1, amountFormat(String(row[currency]))])
        }
        const added = sheet.addRow(row)
        for (const [cell, format] of formats) added.getCell(cell).numFmt = format
        added.commit()
      }
      return !out.writableNeedDrain
    },
    async end() {
      sheet.commit()
      await workbook.commit()
      await finished(out, { readable: false })
    }
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The header row in the request's language: each machine's column with its code in brackets, the time's with its zone. */
function headerOf(columns: Column[], request: ReconExportRequest): string[] {
  const text = RECON_EXPORT_TEXT[request.language]
  const names: Record<string, string> = request.what === 'breaks' ? text.breakColumns : request.what === 'matches' ? text.matchColumns : { field: text.report.field, value: text.report.value }
  return columns.map((c) => {
    const name = c.key === 'at' ? text.report.inZone(names.at, zoneLabel(request.zone)) : names[c.key]
    return c.code ? machineHeader(name, c.code) : name
  })
}

export interface ReconExportResult {
  rows: number
  fileName: string
  path: string
}

/** Writes the export to `request.path`; resolves with the rows written, or null when stopped (the partial file is removed). */
export async function writeReconExport(sqlite: Database.Database, request: ReconExportRequest, signal: AbortSignal, progress: (done: number, total: number) => void): Promise<ReconExportResult | null> {
  const columns = request.what === 'breaks' ? BREAK_COLUMNS : request.what === 'matches' ? MATCH_COLUMNS : REPORT_COLUMNS
  const header = headerOf(columns, request)
  const out = createWriteStream(request.path, { mode: PRIVATE_FILE_MODE, flags: 'wx' })
  const sink = request.format === 'csv' ? csvSink(out, columns, header) : await xlsxSink(out, RECON_EXPORT_TEXT[request.language].sheets[request.what], columns, header)
  let rows = 0
  if (request.what === 'report') {
    const all = runReportRows(sqlite, request)
    sink.write(request.format === 'csv' ? all.map(([item, value]) => [item, isMoneyCell(value) ? statedAmountText(value.amount, value.currency) : value]) : all)
    rows = all.length
  } else {
    const next = request.what === 'breaks' ? breakBatches(sqlite, request) : matchBatches(sqlite, request)
    const table = request.what === 'breaks' ? 'recon_breaks' : 'recon_matches'
    const total = (sqlite.prepare(`select count(*) as n from ${table} where run_id = ?`).get(request.runId) as { n: number }).n
    let after = 0
    for (;;) {
      if (signal.aborted) {
        out.destroy()
        await finished(out).catch(() => {})
        rmSync(request.path, { force: true })
        return null
      }
      const batch = next(after)
      if (batch.rows.length === 0) break
      after = batch.last
      rows += batch.rows.length
      if (!sink.write(batch.rows)) await once(out, 'drain')
      else await nextTurn()
      progress(rows, total)
    }
  }
  await sink.end()
  return { rows, fileName: request.fileName, path: request.path }
}
