/**
 * A run's report as rows of an item and its value, in the export's language: what went in (each
 * file's hash, the profile and rule versions), the input and result hashes, exactly as stored, so
 * anyone can check a rerun reproduces it; then the summary (run-summary.ts) one figure a row,
 * break types by their names and amounts as money with their currency (a number cell in a workbook).
 */
import type Database from 'better-sqlite3'
import { BREAK_TYPE_VALUES } from '../../shared/contract/reconciliation'
import { statedAmountText } from '../../shared/money-text'
import { RECON_EXPORT_TEXT } from '../../shared/recon-export-text'
import { matchRateText, reconCodeText } from '../../shared/recon-labels'
import type { ReportLanguage } from '../../shared/report-columns'
import { zoneLabel } from '../../shared/time-zone'
import { zoneOffsetMs } from '../ledger/business-day'

/** An amount with its currency: a number cell showing its currency in a workbook, "1,234.56 CNY" in a CSV. */
export interface MoneyCell {
  amount: string
  currency: string
}
export const isMoneyCell = (value: unknown): value is MoneyCell => typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value

const DECIMAL_TEXT = /^-?\d{1,15}(\.\d+)?$/

export type ReportRow = [string, string | number | null | MoneyCell]

export function timeText(ms: number | null, zone: string): string {
  if (ms === null) return ''
  return new Date(ms + zoneOffsetMs(zone, ms)).toISOString().slice(0, 19).replace('T', ' ')
}

const typeOrder = (type: string) => {
  const index = (BREAK_TYPE_VALUES as readonly string[]).indexOf(type)
  return index < 0 ? BREAK_TYPE_VALUES.length : index
}
/** Break types in the list's order (the run stores them as it met them); a type it does not know after them. */
const byType = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => typeOrder(a) - typeOrder(b) || a.localeCompare(b))

/** The summary's figures, one a row; a figure this code does not know is written as it is stored. */
function summaryRows(summary: Record<string, unknown>, language: ReportLanguage): ReportRow[] {
  const text = RECON_EXPORT_TEXT[language].summary
  const typeName = (type: string) => reconCodeText(language, 'breakTypes', type)
  const money = (label: string, byCurrency: unknown): ReportRow[] =>
    Object.entries((byCurrency ?? {}) as Record<string, string>).map(([currency, amount]) => [label, DECIMAL_TEXT.test(amount) ? { amount, currency } : statedAmountText(amount, currency)])
  const rows: ReportRow[] = []
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'lines' || key === 'matched' || key === 'linesWithBreaks' || key === 'linesNotForMatching' || key === 'carried' || key === 'open') rows.push([text[key], value as number])
    else if (key === 'matchedAmount' || key === 'matchedIn' || key === 'matchedOut' || key === 'matchedNet') rows.push(...money(text[key], value))
    else if (key === 'matchRate') rows.push([text.matchRate, matchRateText(value as number | null)])
    else if (key === 'pending') {
      const pending = value as { lines: number; ours: number }
      rows.push([text.pendingLines, pending.lines], [text.pendingOurs, pending.ours])
    } else if (key === 'breaks') for (const [type, count] of byType(Object.entries(value as Record<string, number>))) rows.push([text.breaks(typeName(type)), count])
    else if (key === 'breakAmounts') for (const [type, amounts] of byType(Object.entries(value as Record<string, unknown>))) rows.push(...money(text.breakAmounts(typeName(type)), amounts))
    else rows.push([`summary: ${key}`, typeof value === 'object' ? JSON.stringify(value) : String(value)])
  }
  return rows
}

/** The run's proof: inputs with their hashes and versions, its hashes, and its figures. */
export function runReportRows(sqlite: Database.Database, r: { runId: number; tenantId: number; zone: string; language: ReportLanguage }): ReportRow[] {
  const run = sqlite.prepare('select r.*, s.name as sourceName from recon_runs r join recon_sources s on s.id = r.source_id where r.id = ? and r.tenant_id = ?').get(r.runId, r.tenantId) as Record<string, string | number | null>
  const scope = JSON.parse(run.scope as string) as { statementIds: number[]; from: number; to: number }
  const summary = run.summary ? (JSON.parse(run.summary as string) as Record<string, unknown>) : {}
  // The breaks still open as the report is exported (as the run's page says them), not as the run left them.
  if ('open' in summary) summary.open = sqlite.prepare("select count(*) from recon_breaks where run_id = ? and tenant_id = ? and status <> 'resolved'").pluck().get(r.runId, r.tenantId)
  const files = sqlite
    .prepare('select s.id, s.file_name as fileName, s.file_hash as fileHash, s.line_count as lineCount, p.version from recon_statements s join recon_profiles p on p.id = s.profile_id where s.id in (select value from json_each(?)) order by s.id')
    .all(JSON.stringify(scope.statementIds)) as { id: number; fileName: string; fileHash: string; lineCount: number; version: number }[]
  const text = RECON_EXPORT_TEXT[r.language]
  const label = text.report
  const inZone = (name: string) => label.inZone(name, zoneLabel(r.zone))
  const status = String(run.status)
  const rows: ReportRow[] = [
    [label.run, run.id],
    [label.source, run.sourceName],
    [label.status, status in text.runStatuses ? text.runStatuses[status as keyof typeof text.runStatuses] : status],
    [inZone(label.periodFrom), timeText(scope.from, r.zone)],
    [inZone(label.periodTo), timeText(scope.to, r.zone)],
    [label.ruleVersion, run.rule_version],
    [label.inputHash, run.input_hash],
    [label.resultHash, run.result_hash ?? ''],
    [inZone(label.started), timeText(run.started_at as number, r.zone)],
    [inZone(label.finished), timeText(run.finished_at as number | null, r.zone)]
  ]
  for (const f of files) rows.push([label.statement(f.id), label.statementValue(f)])
  rows.push(...summaryRows(summary, r.language))
  return rows
}
