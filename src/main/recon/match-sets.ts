/**
 * The matching's bookkeeping of a million lines and orders, small (match.ts): which lines are taken,
 * and the line(s) each of ours was matched to. As a Set of line ids and a Map keyed by ours they
 * were 30 and 45 MiB of a run's memory; as bits over the ids and arrays beside ours sorted by id,
 * under 10 MiB.
 */
import type { Line, Ours } from './match-types'

/** What the matching asks of a set of ids. */
export interface IdSet {
  has(id: number): boolean
  add(id: number): unknown
  readonly size: number
}

/** Ids within [min, max] as one bit each. */
class IdBits implements IdSet {
  private readonly bits: Uint32Array
  private count = 0

  constructor(
    private readonly min: number,
    max: number
  ) {
    this.bits = new Uint32Array(Math.floor((max - min) / 32) + 1)
  }

  has(id: number): boolean {
    const k = id - this.min
    if (k < 0 || k >= this.bits.length * 32) return false
    return (this.bits[k >>> 5] & (1 << (k & 31))) !== 0
  }

  add(id: number): this {
    const k = id - this.min
    if (k < 0 || k >= this.bits.length * 32) throw new RangeError(`id ${id} is outside the set's range`)
    const mask = 1 << (k & 31)
    if ((this.bits[k >>> 5] & mask) === 0) {
      this.bits[k >>> 5] |= mask
      this.count++
    }
    return this
  }

  get size(): number {
    return this.count
  }
}

/** The most bits a set may spend per id it can hold before a Set of the ids is smaller (a Set costs about 30 bytes an id). */
const MAX_BITS_PER_ID = 128

/** A set for the `n` ids `idAt` gives (and only these): bits over their range, unless it is sparse (ids of far-apart statements). */
export function idSetFor(n: number, idAt: (i: number) => number): IdSet {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (let i = 0; i < n; i++) {
    const id = idAt(i)
    if (!Number.isSafeInteger(id)) return new Set<number>()
    min = Math.min(min, id)
    max = Math.max(max, id)
  }
  if (n === 0 || max - min + 1 > MAX_BITS_PER_ID * Math.max(n, 1024)) return new Set<number>()
  return new IdBits(min, max)
}

/** The position of `id` in `items` sorted by id (a binary search), or -1. */
export function positionById(items: readonly Ours[], id: number): number {
  let low = 0
  let high = items.length - 1
  while (low <= high) {
    const mid = (low + high) >>> 1
    const at = items[mid].id
    if (at === id) return mid
    if (at < id) low = mid + 1
    else high = mid - 1
  }
  return -1
}

/** `n` empty slots, as a packed array (`new Array(n)` of a large n is a dictionary, several times the size). */
function slots<T>(n: number): (T | undefined)[] {
  const array: (T | undefined)[] = []
  for (let i = 0; i < n; i++) array.push(undefined)
  return array
}

/**
 * The line(s) each of ours was matched to (a split payment has several), beside the orders and the
 * refunds, each sorted by id: the matching claims only items of these two lists.
 */
export class Claims {
  private readonly onOrders: (Line | Line[] | undefined)[]
  private readonly onRefunds: (Line | Line[] | undefined)[]

  constructor(
    private readonly orders: readonly Ours[],
    private readonly refunds: readonly Ours[]
  ) {
    this.onOrders = slots(orders.length)
    this.onRefunds = slots(refunds.length)
  }

  private place(item: Ours): { slots: (Line | Line[] | undefined)[]; at: number } {
    const items = item.kind === 'order' ? this.orders : this.refunds
    const at = positionById(items, item.id)
    if (at < 0 || items[at] !== item) throw new Error(`${item.kind} ${item.id} is not among the run's own`)
    return { slots: item.kind === 'order' ? this.onOrders : this.onRefunds, at }
  }

  get(item: Ours): Line | Line[] | undefined {
    const { slots, at } = this.place(item)
    return slots[at]
  }

  has(item: Ours): boolean {
    return this.get(item) !== undefined
  }

  add(item: Ours, line: Line): void {
    const { slots, at } = this.place(item)
    const held = slots[at]
    if (held === undefined) slots[at] = line
    else if (Array.isArray(held)) held.push(line)
    else slots[at] = [held, line]
  }
}
