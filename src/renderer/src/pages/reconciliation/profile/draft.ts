/**
 * The profile editor's draft and the edits it makes: a column of the sample mapped to a line
 * field (header texts compared as the reader compares them, NFKC and trimmed), the mapped fields
 * the sample lacks, the value maps as rows. Pure, so the rules are tested without a screen.
 */
import { COLUMN_FIELDS, type ColumnField, type ColumnRef, type ProfileColumns, type ReconProfile } from '../../../../../shared/contract/recon-profile'

export type Draft = ReconProfile

export const normalizeHeader = (text: string) => text.normalize('NFKC').trim()

/** A column reference's header texts: one, or its alternatives in order. */
export function refTexts(ref: ColumnRef | undefined): string[] {
  if (ref === undefined) return []
  return typeof ref === 'string' ? [ref] : ref
}

/** The field a header column is mapped to (the first, in the fields' order), or null. */
export function fieldOfHeader(columns: ProfileColumns, header: string): ColumnField | null {
  const wanted = normalizeHeader(header)
  return COLUMN_FIELDS.find((field) => refTexts(columns[field]).some((text) => normalizeHeader(text) === wanted)) ?? null
}

/**
 * Maps a header column to a field (or to none): the column leaves whatever field named it (an
 * alternative among several is dropped, a field left with none is unmapped), and the field now
 * names this column only.
 */
export function mapHeader(columns: ProfileColumns, header: string, field: ColumnField | null): ProfileColumns {
  const wanted = normalizeHeader(header)
  const next: ProfileColumns = {}
  for (const f of COLUMN_FIELDS) {
    const kept = refTexts(columns[f]).filter((text) => normalizeHeader(text) !== wanted)
    if (kept.length > 0) next[f] = kept.length === 1 ? kept[0] : kept
  }
  if (field) next[field] = header.trim()
  return next
}

/** The field maps no column any more. */
export function unmapField(columns: ProfileColumns, field: ColumnField): ProfileColumns {
  return Object.fromEntries(Object.entries(columns).filter(([f]) => f !== field)) as ProfileColumns
}

export interface MissingMapping {
  field: ColumnField
  texts: string[]
  /** The profile lets this column be absent (a layout variant). */
  optional: boolean
}

/** Mapped fields none of whose header texts the sample's header holds. */
export function missingMappings(draft: Pick<Draft, 'columns' | 'optionalColumns'>, header: readonly string[]): MissingMapping[] {
  const present = new Set(header.map(normalizeHeader))
  return COLUMN_FIELDS.filter((field) => draft.columns[field] !== undefined)
    .map((field) => ({ field, texts: refTexts(draft.columns[field]), optional: draft.optionalColumns.includes(field) }))
    .filter((m) => !m.texts.some((text) => present.has(normalizeHeader(text))))
}

/**
 * The sign convention changed: an indicator starts from C and D; income and expense columns give
 * the gross, so a gross column the layout mapped is no longer asked for.
 */
export function withSignMode(draft: Draft, mode: Draft['sign']['mode']): Pick<Draft, 'sign' | 'columns' | 'optionalColumns'> {
  const invert = draft.sign.invert
  if (mode === 'indicator') return { sign: { mode, credit: ['C'], debit: ['D'], invert }, columns: draft.columns, optionalColumns: draft.optionalColumns }
  if (mode === 'signed') return { sign: { mode, invert }, columns: draft.columns, optionalColumns: draft.optionalColumns }
  const { gross: _replaced, ...columns } = draft.columns
  const unmapped = withColumns(draft, columns)
  return { sign: { mode, invert }, columns: unmapped.columns, optionalColumns: unmapped.optionalColumns }
}

/** A field no longer mapped is dropped from the optional columns too. */
export function withColumns(draft: Draft, columns: ProfileColumns): Draft {
  return { ...draft, columns, optionalColumns: draft.optionalColumns.filter((field) => columns[field] !== undefined) }
}

/**
 * A header column mapped to a field (or to none) by the user. A layout marks columns optional
 * that some of its exports lack; a column the user picked from their own file is no guess, so its
 * field is required: a later file that renames it is stopped at the header, never read as empty
 * (a fee read as empty is a fee not checked).
 */
export function withMappedHeader(draft: Draft, header: string, field: ColumnField | null): Draft {
  const next = withColumns(draft, mapHeader(draft.columns, header, field))
  return field === null ? next : { ...next, optionalColumns: next.optionalColumns.filter((f) => f !== field) }
}

/** A value map (`kinds`, `statuses`) as editable rows, and back (empty values dropped, the last of a repeated value wins). */
export function mapRows<V extends string>(map: Record<string, V>): { value: string; to: V }[] {
  return Object.entries(map).map(([value, to]) => ({ value, to }))
}

export function rowsMap<V extends string>(rows: readonly { value: string; to: V }[]): Record<string, V> {
  return Object.fromEntries(rows.filter((r) => r.value.trim() !== '').map((r) => [r.value.trim(), r.to]))
}

/** The distinct values of one column in the sample's rows below the header (to offer in a value map). */
export function columnValues(rows: readonly { lineNo: number; cells: string[] }[], headerRow: number | null, header: readonly string[] | null, column: ColumnRef | undefined, limit = 20): string[] {
  if (headerRow === null || !header || column === undefined) return []
  const wanted = refTexts(column).map(normalizeHeader)
  const index = header.findIndex((h) => wanted.includes(normalizeHeader(h)))
  if (index < 0) return []
  const seen = new Set<string>()
  for (const row of rows) {
    if (row.lineNo <= headerRow || row.cells.length !== header.length) continue
    const value = normalizeHeader(row.cells[index] ?? '')
    if (value !== '') seen.add(value)
    if (seen.size >= limit) break
  }
  return [...seen]
}
