/**
 * A long list's pages by position, without OFFSET over the whole list: the list's count and, every
 * `STEP` rows, the sort key of the row there (an anchor), both found in one walk of the index and
 * kept while the list's data is unchanged (`version`, the caller's). A page then starts from the
 * anchor before it and skips fewer than `STEP` rows. Page 2,500 of 100,000 open breaks skipped
 * 50,000 index entries a call (2–7 ms); this way it skips at most 1,000.
 */
import type Database from 'better-sqlite3'
import { statement } from './page'

/** A list read in the order of (`order`, `id`), both ascending and the pair unique: the id makes it so. */
export interface PositionedList {
  from: string
  where: string
  params: unknown[]
  /** The sort column (e.g. `b.at`), then the id column (`b.id`). */
  order: string
  id: string
}

/** Rows between anchors: the most a page skips, and the rows each step of the walk skips. */
export const STEP = 1000

interface Positions {
  total: number
  /** The (order, id) of the rows at STEP, 2·STEP, … */
  anchors: [number, number][]
}

const held = new WeakMap<Database.Database, Map<string, Positions>>()
/** Lists kept per connection (each a few KiB: 100,000 rows are 100 anchors). */
const MAX_LISTS = 200

/**
 * The list's count and anchors: from each anchor the row `STEP` further on (SQLite skips them in the
 * index, as a count does), and the rows after the last anchor counted. The walk costs what one count
 * of the list costs.
 */
function positionsOf(sqlite: Database.Database, list: PositionedList): Positions {
  const first = statement(sqlite, `select ${list.order}, ${list.id} from ${list.from} where ${list.where} order by ${list.order}, ${list.id} limit 1 offset ?`, false, true)
  const next = statement(sqlite, `select ${list.order}, ${list.id} from ${list.from} where ${list.where} and (${list.order}, ${list.id}) > (?, ?) order by ${list.order}, ${list.id} limit 1 offset ?`, false, true)
  const rest = statement(sqlite, `select count(*) from ${list.from} where ${list.where} and (${list.order}, ${list.id}) > (?, ?)`).pluck()
  const anchors: [number, number][] = []
  let anchor = first.get(...list.params, STEP) as [number, number] | undefined
  if (anchor === undefined) return { total: statement(sqlite, `select count(*) from ${list.from} where ${list.where}`).pluck().get(...list.params) as number, anchors }
  while (anchor !== undefined) {
    anchors.push(anchor)
    anchor = next.get(...list.params, anchor[0], anchor[1], STEP - 1) as [number, number] | undefined
  }
  const last = anchors[anchors.length - 1]
  return { total: anchors.length * STEP + 1 + (rest.get(...list.params, last[0], last[1]) as number), anchors }
}

function cachedPositions(sqlite: Database.Database, list: PositionedList, version: string): Positions {
  let lists = held.get(sqlite)
  if (!lists) held.set(sqlite, (lists = new Map()))
  const key = `${version}\u0000${list.from}\u0000${list.where}\u0000${JSON.stringify(list.params)}`
  let found = lists.get(key)
  if (!found) {
    found = positionsOf(sqlite, list)
    if (lists.size >= MAX_LISTS) lists.clear()
    lists.set(key, found)
  }
  return found
}

/**
 * The list's count and the ids of `limit` rows from `offset`, its positions kept while `version` is
 * the same (the caller's key for everything the list reads: a change not in it shows stale pages).
 */
export function positionedPage(sqlite: Database.Database, list: PositionedList, version: string, offset: number, limit: number): { total: number; ids: number[] } {
  const { total, anchors } = cachedPositions(sqlite, list, version)
  if (offset >= total) return { total, ids: [] }
  const k = Math.floor(offset / STEP)
  const ids =
    k === 0
      ? statement(sqlite, `select ${list.id} from ${list.from} where ${list.where} order by ${list.order}, ${list.id} limit ? offset ?`).pluck().all(...list.params, limit, offset)
      : statement(sqlite, `select ${list.id} from ${list.from} where ${list.where} and (${list.order}, ${list.id}) >= (?, ?) order by ${list.order}, ${list.id} limit ? offset ?`)
          .pluck()
          .all(...list.params, anchors[k - 1][0], anchors[k - 1][1], limit, offset - k * STEP)
  return { total, ids: ids as number[] }
}
