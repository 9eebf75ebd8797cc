/**
 * XLSX statements, read part by part through the zip's directory (workbook.ts; no legacy .xls:
 * re-save it as .xlsx or .csv). One sheet is read, chosen by name or by its position among the
 * tabs; the others are not inflated. Number cells are doubles in the file: amounts are taken at the 15 significant
 * digits Excel shows, and a key stored as a long number (already rounded by Excel) is a problem,
 * not a key. Date cells keep their wall clock and get the profile's zone.
 */
import type { ReconProfile } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { periodReader, TabularControls } from './controls'
import { spreadsheetNumberText } from './decimal-text'
import { HEADER_SEARCH_LINES, headerMismatch, normalizeHeader, planHeader, type HeaderPlan } from './header'
import { createRowMapper } from './rows'
import type { LineSink } from './sink'
import type { OpenedInput } from './input'
import { StatementReadError, type StatementReadResult } from './types'
import { openWorkbook, type Workbook } from './workbook'

type XlsxResult = Pick<StatementReadResult, 'encoding' | 'encodingSource' | 'header' | 'headerRow' | 'anchorsFound' | 'absentColumns' | 'period' | 'controls' | 'sheet' | 'stoppedEarly'>
type Typed = Date | number | null

export interface SheetRow {
  number: number
  cells: string[]
  typed: Typed[]
}

function cellText(value: unknown): [string, Typed] {
  if (value === null || value === undefined) return ['', null]
  if (typeof value === 'string') return [value, null]
  if (typeof value === 'number') return [spreadsheetNumberText(value) ?? '', value]
  if (typeof value === 'boolean') return [value ? 'TRUE' : 'FALSE', null]
  if (value instanceof Date) return [value.toISOString().slice(0, 19).replace('T', ' '), value]
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string }
    if (Array.isArray(v.richText)) return [v.richText.map((r) => r.text).join(''), null]
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result)
    if (v.text !== undefined) return cellText(v.text)
    if (v.error !== undefined) return [v.error, null]
  }
  return [String(value), null]
}

/** The rows of the chosen sheet, in order, with their 1-based numbers; `onSheet` says which sheet it is. */
export async function* sheetRows(input: Pick<OpenedInput, 'source' | 'path' | 'limits'>, sheet: ReconProfile['sheet'], trim: boolean, onSheet: (s: { name: string; index: number; names: string[] }) => void): AsyncGenerator<SheetRow> {
  const { source } = input
  let workbook: Workbook | null = null
  try {
    workbook = await openWorkbook(input.path, input.limits)
    const names = workbook.sheets
    const position = sheet === null ? 1 : typeof sheet === 'number' ? sheet : names.findIndex((name) => normalizeHeader(name) === normalizeHeader(sheet)) + 1
    if (position < 1 || position > names.length) {
      throw new StatementReadError('sheet_not_found', say('recon.read.noSheet', { sheet: typeof sheet === 'number' ? say('recon.read.sheetNumber', { n: sheet }) : `"${sheet}"`, sheets: names.map((n) => `"${n}"`).join(', ') }), { sheets: names })
    }
    onSheet({ name: names[position - 1], index: position, names })
    for await (const row of workbook.rows(position, (read, total) => source.readShare(read, total))) {
      source.checkAborted()
      const values = row.values
      const cells: string[] = []
      const typed: Typed[] = []
      for (let c = 1; c < values.length; c++) {
        const [text, t] = cellText(values[c])
        cells.push(trim ? text.trim() : text)
        typed.push(t)
      }
      yield { number: row.number, cells, typed }
    }
    source.readShare(1, 1)
  } catch (error) {
    if (error instanceof StatementReadError) throw error
    throw new StatementReadError('malformed', say('recon.read.xlsxUnreadable', { reason: (error as Error).message }))
  } finally {
    workbook?.close()
  }
}

export async function readXlsx(input: Pick<OpenedInput, 'source' | 'path' | 'limits'>, profile: ReconProfile, sink: LineSink): Promise<XlsxResult> {
  const controls = new TabularControls(profile)
  const readPeriod = periodReader(profile)
  const anchors = profile.headerAnchors.map(normalizeHeader)
  const firstText = (cells: string[]) => cells.find((c) => c !== '') ?? ''
  const startsWithAny = (cells: string[], prefixes: string[]) => prefixes.some((p) => firstText(cells).startsWith(p))
  let sheet: XlsxResult['sheet'] = null
  let period: XlsxResult['period'] = null
  let plan: HeaderPlan | null = null
  let map: ReturnType<typeof createRowMapper> | null = null
  let state: 'preamble' | 'data' | 'after' = 'preamble'
  let best: string[] = []
  let bestHits = -1
  const problem = sink.problem.bind(sink)
  const asLine = (cells: string[]) => cells.join(profile.delimiter)
  for await (const row of sheetRows(input, profile.sheet, profile.trimValues, (s) => (sheet = { name: s.name, index: s.index }))) {
    const { cells } = row
    if (state === 'preamble') {
      const normalized = cells.map(normalizeHeader)
      const isHeader = profile.headerRow !== null ? row.number === profile.headerRow : anchors.length > 0 ? anchors.every((a) => normalized.includes(a)) : firstText(cells) !== '' && !startsWithAny(cells, profile.skipLinePrefixes)
      if (isHeader) {
        plan = planHeader(profile, cells, row.number)
        controls.bind(plan.normalized, plan.index)
        map = createRowMapper(profile, plan)
        state = 'data'
      } else {
        period ??= readPeriod?.(firstText(cells)) ?? null
        const hits = anchors.filter((a) => normalized.includes(a)).length
        if (hits > bestHits) {
          best = cells
          bestHits = hits
        }
        if (row.number >= HEADER_SEARCH_LINES) break
      }
      continue
    }
    if (state === 'after' || startsWithAny(cells, profile.stopAtLinePrefixes) || startsWithAny(cells, profile.skipLinePrefixes)) {
      if (state === 'data' && startsWithAny(cells, profile.stopAtLinePrefixes)) state = 'after'
      const taken = controls.offer(asLine(cells), row.number, () => cells, () => cells, problem)
      if (!taken && state === 'after' && firstText(cells) !== '' && !startsWithAny(cells, profile.skipLinePrefixes)) problem({ lineNo: row.number, reason: say('recon.row.afterData', { text: asLine(cells).slice(0, 120) }) })
      continue
    }
    const width = plan!.cells.length
    let rowCells = cells
    let typed = row.typed
    if (rowCells.length < width) {
      rowCells = [...rowCells, ...Array<string>(width - rowCells.length).fill('')]
      typed = [...typed, ...Array<Typed>(width - typed.length).fill(null)]
    } else if (rowCells.length > width && rowCells.slice(width).every((c) => c === '')) {
      rowCells = rowCells.slice(0, width)
      typed = typed.slice(0, width)
    }
    if (rowCells.every((c) => c === '')) continue
    const outcome = map!(rowCells, row.number, typed)
    if (outcome.problem) sink.problem(outcome.problem)
    else {
      controls.observe(outcome.line, rowCells)
      await sink.line(outcome.line)
    }
    if (sink.stopped) break
  }
  if (plan === null) {
    const missing = anchors.length > 0 ? profile.headerAnchors.filter((a) => !best.map(normalizeHeader).includes(normalizeHeader(a))) : ['(a header row)']
    throw headerMismatch(profile, best, null, missing)
  }
  const header = plan as HeaderPlan
  return {
    encoding: null,
    encodingSource: null,
    header: header.cells,
    headerRow: header.row,
    anchorsFound: header.anchorsFound,
    absentColumns: header.absentColumns,
    period,
    controls: sink.stopped ? [] : controls.results(),
    sheet,
    stoppedEarly: sink.stopped
  }
}
