/**
 * What reading a statement file gives: normalized lines (through a hook, as they are read),
 * problems (bad rows, each reported with its line number, never dropped silently), and at the end
 * the file's header, period, control totals and encoding. See read.ts for the entry points.
 */
import type { Readable } from 'node:stream'
import type { ColumnField, LineKind, LineStatus, StatementFormat } from '../../../shared/contract/recon-profile'
import { isServerText, type ServerText } from '../../../shared/server-text'
import { inEnglish } from '../../core/text'

/**
 * One line of a statement. Amounts are exact signed decimal strings (`.` decimal, no grouping),
 * signed from the merchant's account: in positive, out negative; never a JS number.
 */
export interface StatementLine {
  /** The physical line (CSV, MT940, camt: the entry's first line) or row (XLSX) in the file. */
  lineNo: number
  /** Identifies the line across imports of the same source (the importer prefixes the source). */
  rowKey: string
  kind: LineKind
  orderNo: string | null
  merchantOrderNo: string | null
  upstreamNo: string | null
  refundNo: string | null
  currency: string | null
  gross: string | null
  /** As many decimals as the file writes (WeChat: 5); a fee charged is negative. */
  fee: string | null
  /** As the file states it; null when it does not (never computed here). */
  net: string | null
  /** Epoch ms; the profile's zone applied to times without an offset. Bank lines: the booking date. */
  at: number | null
  status: LineStatus | null
  counterparty: string | null
  description: string | null
  /** Bank formats: the value date (epoch ms); null elsewhere. */
  valueAt: number | null
  /** camt EndToEndId / MT940 `:86:` EREF: the payer's reference, the strongest bank key. */
  endToEndId: string | null
  /** camt RvslInd=true, MT940 RC/RD: this booking reverses an earlier one (its sign is already the booking's). */
  reversal: boolean
  /** camt batch booking: one entry standing for several transactions. */
  batch: { count: number | null; reference: string | null; items: BatchItem[] } | null
  /** The row's cells as read (CSV, XLSX), or the entry's XML / the tags' text (bank formats). */
  raw: string[]
}

export interface BatchItem {
  endToEndId: string | null
  reference: string | null
  amount: string | null
  counterparty: string | null
}

export interface LineProblem {
  lineNo: number
  field?: string
  /** A catalog text, so the bad-rows table reads in the clerk's language. */
  reason: ServerText
  raw?: string[]
}

export interface ReadHooks {
  /** Each line as it is read; a returned promise is awaited before the next (backpressure). */
  onLine?: (line: StatementLine) => void | Promise<void>
  onProblem?: (problem: LineProblem) => void
  /** Bytes of the file read (of the zip's entry, for a zip) and its size: about once per MiB, and at the end. */
  onProgress?: (bytesRead: number, totalBytes: number | null) => void
  signal?: AbortSignal
}

export interface ReadOptions {
  /** The file (or, in a zip, the entry) may not be larger. Default 2 GiB. */
  maxBytes?: number
  /** A zip's entry may not expand beyond this. Default 2 GiB. */
  maxUncompressedBytes?: number
  /** A zip entry expanding more than this many times its compressed size is a bomb. Default 200. */
  maxCompressionRatio?: number
  /** More bad rows than this and the file is refused (a wrong profile, most likely). Default 10 000. */
  maxProblems?: number
  /** Stop after this many lines (previews); the result says `stoppedEarly`. */
  maxLines?: number
  /** Where zips are extracted (a fresh folder inside, removed afterwards). Default os.tmpdir(). */
  tempDir?: string
  /** The input's name, for zip detection messages and results when it is a stream. */
  fileName?: string
}

export type StatementInput = string | Readable

export type UsedEncoding = 'utf-8' | 'gb18030' | 'iso-8859-1'

export interface ControlResult {
  name: string
  stated: string
  /** Empty when it could not be computed; then `problem` says why. */
  computed: string
  ok: boolean
  problem?: ServerText
}

export interface StatementSummary {
  /** camt Stmt/Id, MT940 `:20:` (and `:28C:`). */
  id: string
  account: string | null
  currency: string | null
  lineCount: number
}

export interface StatementReadResult {
  format: StatementFormat
  /** What a text file (CSV, camt.053, MT940) was decoded as; null for a workbook (XLSX): its cells are no text the clerk chose an encoding for. */
  encoding: UsedEncoding | null
  /** `bom`, `detected` (strict UTF-8 held, or did not), `declared` (camt.053's XML declaration), `profile`; null with no encoding. */
  encodingSource: 'bom' | 'detected' | 'declared' | 'profile' | null
  /** The header row's cells as found (CSV, XLSX); empty for bank formats. */
  header: string[]
  /** Its 1-based line (row); null for bank formats. */
  headerRow: number | null
  /** The profile's anchors the header holds (all of them, or the read would have stopped). */
  anchorsFound: string[]
  /** The profile's optional columns this file lacks (CSV, XLSX): their values were read as empty, so never checked. */
  absentColumns: ColumnField[]
  /** The period the file states: epoch ms, start inclusive, end exclusive. */
  period: { from: number; to: number } | null
  controls: ControlResult[]
  lineCount: number
  problemCount: number
  bytesRead: number
  /** The entry read when the input was a zip (its name decoded). */
  zipEntry: string | null
  sheet: { name: string; index: number } | null
  statements: StatementSummary[]
  stoppedEarly: boolean
  /** camt.053 entries left out because the profile reads them as pending (not booked: PDNG, INFO), by their status code. */
  notBooked: Record<string, number>
}

export type ReadErrorCode =
  | 'invalid_profile'
  | 'unreadable'
  | 'empty'
  | 'too_large'
  | 'encoding'
  | 'header_mismatch'
  | 'truncated'
  | 'controls_missing'
  | 'malformed'
  | 'too_many_problems'
  | 'zip_unsafe'
  | 'zip_bomb'
  | 'zip_entry'
  | 'sheet_not_found'
  | 'aborted'

export interface HeaderDifference {
  /** Header texts the profile expects (anchors and mapped columns; alternatives joined by " / "). */
  expected: string[]
  /** The header row as found (the best candidate when no row held every anchor). */
  found: string[]
  missing: string[]
  /** Columns in the file the profile does not map (to offer in a new profile version). */
  unmapped: string[]
  row: number | null
}

/**
 * Why a file could not be read. Lines already passed to `onLine` must be discarded by the caller.
 * Given as a catalog text, the message is its English and `text` goes to the screens.
 */
export class StatementReadError extends Error {
  readonly code: ReadErrorCode
  readonly details?: HeaderDifference | Record<string, unknown>
  readonly text?: ServerText

  constructor(code: ReadErrorCode, message: string | ServerText, details?: HeaderDifference | Record<string, unknown>) {
    super(isServerText(message) ? inEnglish(message) : message)
    this.name = 'StatementReadError'
    this.code = code
    this.details = details
    if (isServerText(message)) this.text = message
  }
}
