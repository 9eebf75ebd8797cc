/**
 * Decisions worked offline on an exported break list (export.ts), brought back: the `id`,
 * `action` and `reason` columns (and `assigned_to` for an assignment) of each row with an action,
 * from the CSV (UTF-8 or GBK, as a spreadsheet saved it) or the XLSX. A column is found by its
 * code in brackets (`Your reason [reason]`, as files are exported now, in either language) or by
 * the code alone (files exported before). The action is its code or its word in either language
 * (`write off`, `核销`: shared/recon-export-text.ts). Only decisions that move no money come back
 * this way (BULK_ACTIONS); each row gets its own result, and a bad row never stops the others.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { BULK_ACTIONS } from '../../shared/contract/reconciliation'
import { DECISION_WORDS } from '../../shared/recon-export-text'
import { REASON_MIN, saysWhy } from '../../shared/reason'
import { say, verbatim, type ServerText } from '../../shared/server-text'
import type { Decision } from './breaks'
import { chooseEncoding, decodeLoosely } from './formats/encoding'

export type DecisionRow = { lineNo: number; id: number; decision: Decision } | { lineNo: number; id: number | null; problem: ServerText }


/** The column headed `code` or `Name [code]`, or -1. */
function columnIndex(header: readonly string[], code: string): number {
  const cells = header.map((c) => c.trim().toLowerCase())
  const exact = cells.indexOf(code)
  return exact >= 0 ? exact : cells.findIndex((c) => c.endsWith(`[${code}]`))
}

/** A decision's words (either language, any case, spaces or underscores) → its code. */
const ACTION_OF = new Map<string, (typeof BULK_ACTIONS)[number]>(
  BULK_ACTIONS.flatMap((action) => [action, ...Object.values(DECISION_WORDS).map((words) => words[action])].map((word) => [word.toLowerCase().replace(/[\s_]+/g, '_'), action] as const))
)
const actionOf = (cell: string) => ACTION_OF.get(cell.toLowerCase().replace(/[\s_]+/g, '_')) ?? null

/** A cell the export guarded against formula injection (a leading apostrophe) reads as it was. */
const unguarded = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text)

async function rowsOf(path: string): Promise<{ lineNo: number; cells: string[] }[]> {
  const bytes = readFileSync(path)
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const rows: { lineNo: number; cells: string[] }[] = []
    sheet?.eachRow((row, lineNo) => {
      const values = (row.values as unknown[]).slice(1)
      rows.push({ lineNo, cells: values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in (v as object) ? String((v as { text: unknown }).text) : String(v))) })
    })
    return rows
  }
  const choice = chooseEncoding(bytes.subarray(0, 64 * 1024), 'auto', 'csv')
  const { text } = decodeLoosely(bytes.subarray(choice.skip), choice.encoding)
  const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[]
  return records.map((r) => ({ lineNo: r.info.lines, cells: r.record }))
}

export async function readDecisions(path: string, userIdOf: (username: string) => number | null): Promise<DecisionRow[]> {
  const rows = await rowsOf(path)
  const header = rows.shift()
  const indexes = new Map(['id', 'action', 'reason', 'assigned_to'].map((name) => [name, columnIndex(header?.cells ?? [], name)]))
  const column = (name: string) => indexes.get(name) ?? -1
  for (const name of ['id', 'action', 'reason']) {
    if (column(name) < 0) return [{ lineNo: header?.lineNo ?? 1, id: null, problem: say('error.recon.decisionColumns', { column: name }) }]
  }
  const out: DecisionRow[] = []
  for (const { lineNo, cells } of rows) {
    const cell = (name: string) => (column(name) < 0 ? '' : unguarded(String(cells[column(name)] ?? '').trim()))
    const written = cell('action')
    // A row without a decision is a break the clerk left alone.
    if (written === '') continue
    const action = actionOf(written)
    const idText = cell('id')
    const id = /^\d{1,15}$/.test(idText) ? Number(idText) : null
    if (id === null) {
      out.push({ lineNo, id: null, problem: say('error.recon.decisionId', { value: verbatim(idText.slice(0, 40)) }) })
      continue
    }
    if (action === null) {
      out.push({ lineNo, id, problem: say('error.recon.decisionAction', { value: verbatim(written.slice(0, 40)) }) })
      continue
    }
    const reason = cell('reason')
    if (!saysWhy(reason) || reason.length > 500) {
      out.push({ lineNo, id, problem: say('error.recon.decisionReason', { n: REASON_MIN }) })
      continue
    }
    let assignTo: number | null | undefined
    if (action === 'assign') {
      const username = cell('assigned_to')
      assignTo = username === '' ? null : userIdOf(username.toLowerCase())
      if (assignTo === null && username !== '') {
        out.push({ lineNo, id, problem: say('error.recon.decisionAssignee', { value: verbatim(username.slice(0, 60)) }) })
        continue
      }
    }
    out.push({ lineNo, id, decision: { action: action as Decision['action'], reason, assignTo } })
  }
  return out
}
