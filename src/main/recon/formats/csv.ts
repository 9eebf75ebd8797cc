/**
 * CSV statements, streamed: bytes → strict decode → physical lines → records → lines.
 *
 * Each physical line is classified first (preamble, header, data, skipped, after the data):
 * csv-parse's own `comment` would drop the lines that state Alipay's period and footer totals, and
 * knows only one character. A data line holding no quote character is split on the delimiter,
 * which is what csv-parse does to it with `relax_column_count` and `trim`, ten times faster (on
 * a million-line GBK Alipay bill: 4 s for the whole read, against 21 s with every line through
 * csv-parse's stream); a record with quotes, on one line or several, goes to csv-parse.
 * WeChat's values start with a backtick and its 商品名称 may hold commas: its data lines are split
 * on `,` + backtick, its header on `,`.
 */
import { parse as parseSync } from 'csv-parse/sync'
import type { ReconProfile } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { periodReader, TabularControls } from './controls'
import { HEADER_SEARCH_LINES, headerMismatch, normalizeHeader, planHeader, type HeaderPlan } from './header'
import { createRowMapper } from './rows'
import type { LineSink } from './sink'
import type { ByteSource } from './source'
import { decodeSource, lineBatches } from './text'
import type { StatementReadResult } from './types'

/** A quoted value may span lines, but not this many: an unclosed quote is reported, not followed to the end of the file. */
const MAX_RECORD_LINES = 100

type CsvResult = Pick<StatementReadResult, 'encoding' | 'encodingSource' | 'header' | 'headerRow' | 'anchorsFound' | 'absentColumns' | 'period' | 'controls' | 'stoppedEarly'>

/** One record's cells by csv-parse (quotes honoured, stray quotes kept as text); null when it cannot be split. */
function parseRecord(text: string, delimiter: string, quote: '"' | null, trim: boolean): string[] | null {
  try {
    const rows = parseSync(text, { delimiter, quote: quote ?? false, relax_quotes: true, relax_column_count: true, trim, bom: false }) as string[][]
    return rows.length === 1 ? rows[0] : null
  } catch {
    return null
  }
}

export function splitCells(line: string, delimiter: string, quote: '"' | null): string[] {
  if (line === '') return ['']
  if (quote === null || !line.includes(quote)) return line.split(delimiter)
  return parseRecord(line, delimiter, quote, false) ?? line.split(delimiter)
}

/** Whether a line ends inside a quoted value (RFC 4180: only a quote opening a field opens one; `""` inside is a quote). */
export function endsInsideQuote(line: string, delimiter: string, open: boolean): boolean {
  let inside = open
  let fieldStart = !open
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (inside) {
      if (c === '"') {
        if (line[i + 1] === '"') i++
        else inside = false
      }
    } else if (fieldStart && c === '"') {
      inside = true
      fieldStart = false
    } else if (line.startsWith(delimiter, i)) {
      fieldStart = true
      i += delimiter.length - 1
    } else if (c !== ' ' && c !== '\t') fieldStart = false
  }
  return inside
}

/** How the header row is recognised, shared with the preview. */
export function headerFinder(profile: Pick<ReconProfile, 'headerAnchors' | 'skipLinePrefixes' | 'headerRow'>): { isHeader: (line: string, lineNo: number) => boolean; isSkipped: (line: string) => boolean; hits: (line: string) => number } {
  const anchors = profile.headerAnchors.map(normalizeHeader)
  const skips = profile.skipLinePrefixes
  const isSkipped = (line: string) => skips.some((p) => line.startsWith(p))
  const hits = (line: string) => {
    const normalized = line.normalize('NFKC')
    return anchors.filter((a) => normalized.includes(a)).length
  }
  const isHeader = (line: string, lineNo: number) => {
    if (profile.headerRow !== null) return lineNo === profile.headerRow
    if (anchors.length > 0) return !isSkipped(line) && hits(line) === anchors.length
    return line.trim() !== '' && !isSkipped(line)
  }
  return { isHeader, isSkipped, hits }
}

export async function readCsv(source: ByteSource, profile: ReconProfile, sink: LineSink): Promise<CsvResult> {
  const { choice, texts } = await decodeSource(source, profile.encoding, 'csv')
  const { quote, valuePrefix: prefix, trimValues: trim } = profile
  const dataDelimiter = profile.delimiter + prefix
  const splitHeader = (line: string) => splitCells(line, profile.delimiter, quote)
  const splitValues = (line: string) => splitCells(line, profile.delimiter, quote).map((c) => stripPrefix(c, prefix).trim())
  const finder = headerFinder(profile)
  const stops = profile.stopAtLinePrefixes
  const controls = new TabularControls(profile)
  const readPeriod = periodReader(profile)
  const problem = sink.problem.bind(sink)
  let period: CsvResult['period'] = null
  let plan: HeaderPlan | null = null
  let map: ReturnType<typeof createRowMapper> | null = null
  let state: 'preamble' | 'data' | 'after' = 'preamble'
  let best = { hits: -1, line: '' }
  /** A quoted record still open at the end of a line: its lines so far. */
  let open: { lineNo: number; lines: string[] } | null = null

  const record = (cells: string[], lineNo: number): void | Promise<void> => {
    if (prefix && cells.length > 0) cells[0] = stripPrefix(cells[0], prefix)
    const outcome = map!(cells, lineNo)
    if (outcome.problem) return sink.problem(outcome.problem)
    controls.observe(outcome.line, cells)
    return sink.line(outcome.line)
  }
  const quoted = (lines: string[], lineNo: number): void | Promise<void> => {
    const cells = parseRecord(lines.join('\n'), dataDelimiter, quote, trim)
    if (cells === null) return sink.problem({ lineNo, reason: say('recon.row.quotesUnpaired'), raw: lines })
    return record(cells, lineNo)
  }

  batches: for await (const { firstLineNo, lines } of lineBatches(texts)) {
    source.checkAborted()
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]
      const lineNo = firstLineNo + i
      let pending: void | Promise<void> = undefined
      if (open) {
        open.lines.push(line)
        if (!endsInsideQuote(line, dataDelimiter, true)) {
          pending = quoted(open.lines, open.lineNo)
          open = null
        } else if (open.lines.length >= MAX_RECORD_LINES) {
          sink.problem({ lineNo: open.lineNo, reason: say('recon.row.quoteNotClosed', { lines: MAX_RECORD_LINES }) })
          open = null
        }
      } else if (state === 'data') {
        if (stops.length > 0 && stops.some((p) => line.startsWith(p))) {
          state = 'after'
          controls.offer(line, lineNo, splitHeader, splitValues, problem)
        } else if (finder.isSkipped(line)) controls.offer(line, lineNo, splitHeader, splitValues, problem)
        else if (line === '') continue
        else if (quote !== null && line.includes(quote)) {
          if (endsInsideQuote(line, dataDelimiter, false)) open = { lineNo, lines: [line] }
          else pending = quoted([line], lineNo)
        } else {
          const cells = line.split(dataDelimiter)
          if (trim) for (let c = 0; c < cells.length; c++) cells[c] = cells[c].trim()
          pending = record(cells, lineNo)
        }
      } else if (state === 'after') {
        // Past the data every line is a skipped line, a control's, or reported: never dropped unread.
        if (!controls.offer(line, lineNo, splitHeader, splitValues, problem) && line.trim() !== '' && !finder.isSkipped(line)) {
          problem({ lineNo, reason: say('recon.row.afterData', { text: line.slice(0, 120) }) })
        }
      } else if (finder.isHeader(line, lineNo)) {
        plan = planHeader(profile, splitHeader(line), lineNo, choice.encoding)
        controls.bind(plan.normalized, plan.index)
        map = createRowMapper(profile, plan)
        state = 'data'
      } else {
        period ??= readPeriod?.(line) ?? null
        const hits = finder.hits(line)
        if (hits > best.hits && !finder.isSkipped(line) && line.trim() !== '') best = { hits, line }
        if (lineNo >= HEADER_SEARCH_LINES) break batches
      }
      if (pending) await pending
      if (sink.stopped) break batches
    }
  }
  if (open && !sink.stopped) sink.problem({ lineNo: open.lineNo, reason: say('recon.row.quoteOpenAtEnd') })
  if (plan === null) {
    const missing = profile.headerAnchors.length > 0 ? profile.headerAnchors.filter((a) => !best.line.normalize('NFKC').includes(normalizeHeader(a))) : ['(a header row)']
    throw headerMismatch(profile, best.line ? splitHeader(best.line) : [], null, missing, choice.encoding)
  }
  const header = plan as HeaderPlan
  return {
    encoding: choice.encoding,
    encodingSource: choice.source,
    header: header.cells,
    headerRow: header.row,
    anchorsFound: header.anchorsFound,
    absentColumns: header.absentColumns,
    period,
    controls: sink.stopped ? [] : controls.results(),
    stoppedEarly: sink.stopped
  }
}

function stripPrefix(cell: string, prefix: string): string {
  return prefix && cell.startsWith(prefix) ? cell.slice(prefix.length) : cell
}
