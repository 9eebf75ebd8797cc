/**
 * The profile editor's view of a sample file: the first rows as decoded (bad bytes shown as
 * U+FFFD rather than refused, and said), the encoding and delimiter detected, the header row and
 * which anchors it holds. When the draft is already a whole profile, the same rows are also read
 * through it and checked as the dry run checks them (line-check.ts: the currency, with the
 * source's as the last resort, the amounts' decimals, the fee), so the editor shows the result an
 * import would have (lines and problems) live, or the header difference that stops it.
 */
import { tmpdir } from 'node:os'
import { reconProfile, type ReconProfileInput, type StatementFormat } from '../../../shared/contract/recon-profile'
import type { ServerText } from '../../../shared/server-text'
import { decodeLoosely, chooseEncoding } from './encoding'
import { headerFinder, splitCells } from './csv'
import { normalizeHeader } from './header'
import { openInput, spool } from './input'
import { lineChecker } from './line-check'
import { readStatement } from './read'
import { sheetRows } from './xlsx'
import { StatementReadError, type LineProblem, type ReadOptions, type StatementInput, type StatementLine, type UsedEncoding } from './types'

const PREVIEW_BYTES = 256 * 1024
const DELIMITERS = [',', ';', '\t', '|'] as const

export interface StatementPreview {
  format: StatementFormat
  encoding: UsedEncoding | null
  encodingSource: 'bom' | 'detected' | 'declared' | 'profile' | null
  /** Some bytes were not valid in that encoding: the rows show U+FFFD where they were. */
  replacedCharacters: boolean
  delimiter: string | null
  /** The first rows of the file from its top (preamble included), split into cells; bank formats: one cell per line. */
  rows: { lineNo: number; cells: string[] }[]
  headerRow: number | null
  header: string[] | null
  anchorsFound: string[]
  anchorsMissing: string[]
  sheets: string[] | null
  /** The workbook's sheet the rows are from; null for a text file. */
  sheet: string | null
  zipEntry: string | null
  /** With a whole profile: its result on the first rows. */
  lines: StatementLine[]
  problems: LineProblem[]
  error: { code: string; message: string; text?: ServerText; details?: unknown } | null
}

export interface PreviewOptions extends ReadOptions {
  rows?: number
  /** The source's currency: a line's when neither a column nor the profile gives one, as at the import. */
  sourceCurrency?: string | null
}

export async function previewStatement(input: StatementInput, draft: ReconProfileInput & { format: StatementFormat }, options: PreviewOptions = {}): Promise<StatementPreview> {
  const rowLimit = options.rows ?? 20
  const tempRoot = options.tempDir ?? tmpdir()
  let path: string
  let removeSpool: (() => Promise<void>) | null = null
  if (typeof input === 'string') path = input
  else {
    const spooled = await spool(input, options.maxBytes ?? Number.MAX_SAFE_INTEGER, tempRoot)
    path = spooled.path
    removeSpool = spooled.remove
  }
  try {
    let preview: StatementPreview
    try {
      preview = draft.format === 'xlsx' ? await sheetPreview(path, draft, rowLimit, options) : await textPreview(path, draft, rowLimit, options)
    } catch (error) {
      // A sample that cannot even be opened as its format (an XLSX read as CSV, a zip whose entry climbs out) is said, as the import says it.
      if (!(error instanceof StatementReadError)) throw error
      return { ...empty(draft.format), error: errorOf(error) }
    }
    const whole = reconProfile.safeParse(draft)
    if (whole.success) {
      // The dry run's checks, line by line: a line the import would refuse is a problem here too.
      const checker = lineChecker(whole.data, rowLimit, options.sourceCurrency ?? null)
      const onLine = (line: StatementLine) => {
        const priced = checker.check(line)
        if (priced) preview.lines.push({ ...line, currency: priced.currency })
      }
      try {
        await readStatement(path, whole.data, { onLine, onProblem: checker.problem }, { ...options, maxLines: rowLimit })
      } catch (error) {
        if (!(error instanceof StatementReadError)) throw error
        preview.error = errorOf(error)
      }
      preview.problems = checker.problems
    }
    return preview
  } finally {
    await removeSpool?.()
  }
}

function errorOf(error: StatementReadError): StatementPreview['error'] {
  return { code: error.code, message: error.message, ...(error.text ? { text: error.text } : {}), ...(error.details ? { details: error.details } : {}) }
}

function empty(format: StatementFormat): StatementPreview {
  return { format, encoding: null, encodingSource: null, replacedCharacters: false, delimiter: null, rows: [], headerRow: null, header: null, anchorsFound: [], anchorsMissing: [], sheets: null, sheet: null, zipEntry: null, lines: [], problems: [], error: null }
}

function anchorsOf(draft: ReconProfileInput, header: string[] | null): { found: string[]; missing: string[] } {
  const anchors = draft.headerAnchors ?? []
  const normalized = (header ?? []).map(normalizeHeader)
  return { found: anchors.filter((a) => normalized.includes(normalizeHeader(a))), missing: anchors.filter((a) => !normalized.includes(normalizeHeader(a))) }
}

/** The delimiter that splits the sample into the most rows of one field count above 1. */
function detectDelimiter(lines: string[]): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 }
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>()
    for (const line of lines) {
      const n = line.split(delimiter).length
      if (n > 1) counts.set(n, (counts.get(n) ?? 0) + 1)
    }
    const score = Math.max(0, ...counts.values())
    if (score > best.score) best = { delimiter, score }
  }
  return best.delimiter
}

function closestRow(lines: string[], hits: (line: string) => number, delimiter: string, quote: '"' | null): string[] | null {
  let best: { line: string; hits: number } | null = null
  for (const line of lines.slice(0, 1000)) {
    const n = hits(line)
    if (n > 0 && (!best || n > best.hits)) best = { line, hits: n }
  }
  return best ? splitCells(best.line, delimiter, quote) : null
}

async function textPreview(path: string, draft: ReconProfileInput & { format: StatementFormat }, rowLimit: number, options: ReadOptions): Promise<StatementPreview> {
  const result = empty(draft.format)
  const opened = await openInput(path, draft.format, draft.zipEntry ?? null, {}, options)
  try {
    const parts: Uint8Array[] = []
    let size = 0
    let complete = true
    for await (const chunk of opened.source.chunks()) {
      parts.push(chunk)
      size += chunk.length
      if (size >= PREVIEW_BYTES) {
        complete = false
        break
      }
    }
    const bytes = Buffer.concat(parts)
    const choice = chooseEncoding(bytes, draft.encoding ?? 'auto', draft.format)
    const { text, replaced } = decodeLoosely(bytes.subarray(choice.skip), choice.encoding)
    const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    if (!complete) lines.pop()
    Object.assign(result, { encoding: choice.encoding, encodingSource: choice.source, replacedCharacters: replaced, zipEntry: opened.zipEntry })
    if (draft.format !== 'csv') {
      result.rows = lines.slice(0, rowLimit).map((l, i) => ({ lineNo: i + 1, cells: [l] }))
      return result
    }
    const delimiter = draft.delimiter ?? detectDelimiter(lines.slice(0, 200))
    const quote = draft.quote === undefined ? '"' : draft.quote
    const finder = headerFinder({ headerAnchors: draft.headerAnchors ?? [], skipLinePrefixes: draft.skipLinePrefixes ?? [], headerRow: draft.headerRow ?? null })
    const headerIndex = lines.findIndex((l, i) => finder.isHeader(l, i + 1))
    result.delimiter = delimiter
    // Below the header, a value prefix (WeChat's backtick) splits a line as the reader does, on
    // delimiter + prefix, since a value may hold the delimiter (商品名称 "套餐A,含税"); it is not shown.
    const prefix = draft.valuePrefix ?? ''
    const cellsOf = (line: string, index: number) =>
      prefix && headerIndex >= 0 && index > headerIndex && line.startsWith(prefix) ? splitCells(line.slice(prefix.length), delimiter + prefix, quote) : splitCells(line, delimiter, quote)
    result.rows = lines.slice(0, Math.max(rowLimit, headerIndex + 1 + rowLimit)).map((l, i) => ({ lineNo: i + 1, cells: cellsOf(l, i) }))
    if (headerIndex >= 0) {
      result.headerRow = headerIndex + 1
      result.header = splitCells(lines[headerIndex], delimiter, quote)
    }
    // No row holds every anchor yet: say which anchors the closest row holds, so the editor can point at the missing one.
    const closest = result.header ?? (headerIndex < 0 && (draft.headerAnchors ?? []).length > 0 ? closestRow(lines, finder.hits, delimiter, quote) : null)
    const anchors = anchorsOf(draft, closest)
    result.anchorsFound = anchors.found
    result.anchorsMissing = anchors.missing
    return result
  } finally {
    opened.source.close()
    await opened.cleanup()
  }
}

async function sheetPreview(path: string, draft: ReconProfileInput & { format: StatementFormat }, rowLimit: number, options: ReadOptions): Promise<StatementPreview> {
  const result = empty('xlsx')
  const opened = await openInput(path, 'xlsx', null, {}, options)
  const anchors = (draft.headerAnchors ?? []).map(normalizeHeader)
  try {
    for await (const row of sheetRows(opened, draft.sheet ?? null, draft.trimValues ?? true, (s) => {
      result.sheets = s.names
      result.sheet = s.name
    })) {
      result.rows.push({ lineNo: row.number, cells: row.cells })
      const normalized = row.cells.map(normalizeHeader)
      const isHeader = draft.headerRow ? row.number === draft.headerRow : anchors.length > 0 ? anchors.every((a) => normalized.includes(a)) : row.cells.some((c) => c !== '')
      if (result.headerRow === null && isHeader) {
        result.headerRow = row.number
        result.header = row.cells
      }
      if (result.rows.length >= rowLimit && result.headerRow !== null) break
      if (result.rows.length >= rowLimit * 10) break
    }
  } finally {
    opened.source.close()
    await opened.cleanup()
  }
  const found = anchorsOf(draft, result.header)
  result.anchorsFound = found.found
  result.anchorsMissing = found.missing
  return result
}
