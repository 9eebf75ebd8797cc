/**
 * A batch of statement lines packed for the hand-over from the reading thread to the writing one:
 * the numbers in a Float64Array and which texts are null in a Uint8Array (both moved, not copied),
 * the texts themselves in one array. Handed over as 500 arrays of 16 values each, the year of
 * Alipay lines in the bench cost the reading thread about 2 s of structured cloning; packed, its
 * dry run went from 17.3 to 14.1 s (`tests/bench/recon-profile.ts`, read in a thread). The texts
 * joined into one string instead cost as much again in the join (two-byte text: Chinese).
 */
/** A line as stored, less its statement and source (the writer's): the columns of recon_lines from `line_no` to `raw`. */
export type LineRow = [
  lineNo: number,
  rowKey: string,
  kind: string,
  orderNo: string | null,
  merchantOrderNo: string | null,
  upstreamNo: string | null,
  refundNo: string | null,
  currency: string | null,
  grossMinor: number | null,
  feeText: string | null,
  feeMinor: number | null,
  netMinor: number | null,
  at: number | null,
  status: string | null,
  counterparty: string | null,
  raw: string
]

/** LineRow's numeric columns (lineNo, grossMinor, feeMinor, netMinor, at) and its text ones, by position. */
const NUMBER_COLUMNS = [0, 8, 10, 11, 12] as const
const TEXT_COLUMNS = [1, 2, 3, 4, 5, 6, 7, 9, 13, 14, 15] as const
const ROW_WIDTH = 16

export interface PackedRows {
  count: number
  /** `NUMBER_COLUMNS.length` per row; NaN is null (every value is an integer). */
  numbers: Float64Array
  /** `TEXT_COLUMNS.length` per row: 1 where the text is null. */
  nulls: Uint8Array
  /** The texts that are not null, in order. */
  texts: string[]
}

/** Collects rows into a packed batch of at most `capacity`; `take` hands it over and starts the next. */
export class RowPacker {
  private numbers: Float64Array
  private nulls: Uint8Array
  private texts: string[] = []
  count = 0

  constructor(private readonly capacity: number) {
    this.numbers = new Float64Array(capacity * NUMBER_COLUMNS.length)
    this.nulls = new Uint8Array(capacity * TEXT_COLUMNS.length)
  }

  get full(): boolean {
    return this.count >= this.capacity
  }

  add(row: LineRow): void {
    if (this.full) throw new Error(`A packed batch holds ${this.capacity} rows`)
    let at = this.count * NUMBER_COLUMNS.length
    for (const column of NUMBER_COLUMNS) {
      const value = row[column] as number | null
      this.numbers[at++] = value === null ? Number.NaN : value
    }
    at = this.count * TEXT_COLUMNS.length
    for (const column of TEXT_COLUMNS) {
      const value = row[column] as string | null
      this.nulls[at++] = value === null ? 1 : 0
      if (value !== null) this.texts.push(value)
    }
    this.count++
  }

  /** The rows held, packed (their buffers may then be transferred); the packer is empty again. */
  take(): PackedRows {
    const packed: PackedRows = {
      count: this.count,
      numbers: this.numbers.subarray(0, this.count * NUMBER_COLUMNS.length),
      nulls: this.nulls.subarray(0, this.count * TEXT_COLUMNS.length),
      texts: this.texts
    }
    this.numbers = new Float64Array(this.capacity * NUMBER_COLUMNS.length)
    this.nulls = new Uint8Array(this.capacity * TEXT_COLUMNS.length)
    this.texts = []
    this.count = 0
    return packed
  }
}

/** The buffers to transfer with a batch's message. */
export function transferables(packed: PackedRows): ArrayBuffer[] {
  return [packed.numbers.buffer as ArrayBuffer, packed.nulls.buffer as ArrayBuffer]
}

/**
 * Each row of a batch, in order, as one LineRow array reused from row to row: whoever keeps a
 * row past its visit copies it.
 */
export function forEachPackedRow(packed: PackedRows, visit: (row: LineRow) => void): void {
  const row = new Array<unknown>(ROW_WIDTH).fill(null) as unknown as LineRow
  const { numbers, nulls, texts } = packed
  let n = 0
  let t = 0
  let next = 0
  for (let r = 0; r < packed.count; r++) {
    for (const column of NUMBER_COLUMNS) {
      const value = numbers[n++]
      ;(row as unknown[])[column] = Number.isNaN(value) ? null : value
    }
    for (const column of TEXT_COLUMNS) {
      ;(row as unknown[])[column] = nulls[t++] === 1 ? null : texts[next++]
    }
    visit(row)
  }
}
