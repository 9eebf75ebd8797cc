/**
 * A tabular file's header against its profile: where each mapped column is, and, when the file's
 * header no longer matches (a renamed or dropped column, another layout variant, a wrong decode),
 * the difference, so the user can save a new profile version instead of importing a mis-mapping.
 * Texts are compared after NFKC and trim: `订单金额（元）` and `订单金额(元)` are one column.
 */
import type { AmountField, ColumnField, ColumnRef, LineKind, ProfileColumns, ReconProfile } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { StatementReadError, type HeaderDifference } from './types'

/** A header further down than this line (row) is not looked for. */
export const HEADER_SEARCH_LINES = 1000

export function normalizeHeader(text: string): string {
  return text.replace(/^\uFEFF/, '').normalize('NFKC').trim()
}

const alternatives = (ref: ColumnRef): string[] => (Array.isArray(ref) ? ref : [ref])
export const describeRef = (ref: ColumnRef): string => alternatives(ref).join(' / ')

/** The position of the first alternative present, or -1. */
export function findColumn(normalized: readonly string[], ref: ColumnRef): number {
  for (const text of alternatives(ref)) {
    const at = normalized.indexOf(normalizeHeader(text))
    if (at >= 0) return at
  }
  return -1
}

export type ColumnIndex = Partial<Record<ColumnField, number>>

export interface HeaderPlan {
  row: number
  cells: string[]
  normalized: string[]
  index: ColumnIndex
  /** Per kind: its own columns (absent ones are -1: a line of that kind is then a problem) and negations. */
  byKind: Partial<Record<LineKind, { index: ColumnIndex; negate: ReadonlySet<AmountField> }>>
  anchorsFound: string[]
  /** Columns the profile maps, marked optional, that this file lacks: their values are read as empty. */
  absentColumns: ColumnField[]
}

function indexColumns(columns: ProfileColumns, normalized: string[]): { index: ColumnIndex; missing: [ColumnField, ColumnRef][] } {
  const index: ColumnIndex = {}
  const missing: [ColumnField, ColumnRef][] = []
  for (const [field, ref] of Object.entries(columns) as [ColumnField, ColumnRef][]) {
    const at = findColumn(normalized, ref)
    if (at >= 0) index[field] = at
    else missing.push([field, ref])
  }
  return { index, missing }
}

/** The profile's plan for this header, or a `header_mismatch` error listing what differs. */
export function planHeader(profile: ReconProfile, cells: string[], row: number, encoding?: string): HeaderPlan {
  const normalized = cells.map(normalizeHeader)
  const anchorsFound = profile.headerAnchors.filter((a) => normalized.includes(normalizeHeader(a)))
  const { index, missing } = indexColumns(profile.columns, normalized)
  const required = missing.filter(([field]) => !profile.optionalColumns.includes(field))
  const missingAnchors = profile.headerAnchors.filter((a) => !anchorsFound.includes(a))
  if (required.length > 0 || missingAnchors.length > 0) {
    throw headerMismatch(profile, cells, row, [...missingAnchors, ...required.map(([, ref]) => describeRef(ref))], encoding)
  }
  const byKind: HeaderPlan['byKind'] = {}
  for (const [kind, rule] of Object.entries(profile.byKind) as [LineKind, NonNullable<ReconProfile['byKind'][LineKind]>][]) {
    const own = indexColumns(rule.columns, normalized)
    const kindIndex: ColumnIndex = { ...index, ...own.index }
    for (const [field] of own.missing) kindIndex[field] = -1
    byKind[kind] = { index: kindIndex, negate: new Set(rule.negate) }
  }
  const absentColumns = missing.map(([field]) => field)
  return { row, cells, normalized, index, byKind, anchorsFound, absentColumns }
}

/** Every header text the profile names: anchors, columns, per-kind columns. */
function expectedTexts(profile: ReconProfile): string[] {
  const texts = new Set<string>(profile.headerAnchors)
  for (const ref of Object.values(profile.columns)) if (ref) texts.add(describeRef(ref))
  for (const rule of Object.values(profile.byKind)) for (const ref of Object.values(rule?.columns ?? {})) if (ref) texts.add(describeRef(ref))
  return [...texts]
}

/** `encoding`: what a text file was decoded as, since a wrong decode looks exactly like a changed layout. */
export function headerMismatch(profile: ReconProfile, found: string[], row: number | null, missing: string[], encoding?: string): StatementReadError {
  const normalizedFound = found.map(normalizeHeader)
  const known = new Set<string>()
  for (const text of expectedTexts(profile)) for (const alt of text.split(' / ')) known.add(normalizeHeader(alt))
  const difference: HeaderDifference = {
    expected: expectedTexts(profile),
    found,
    missing,
    unmapped: found.filter((_, i) => normalizedFound[i] !== '' && !known.has(normalizedFound[i])),
    row
  }
  const where = row === null ? say('recon.read.noHeaderRow') : say('recon.read.headerOnLine', { row })
  const cause = encoding ? say('recon.read.maybeEncoding', { encoding: encoding.toUpperCase() }) : say('recon.read.maybeLayout')
  return new StatementReadError('header_mismatch', say('recon.read.headerMismatch', { where, missing: missing.map((m) => `"${m}"`).join(', '), cause }), difference)
}
