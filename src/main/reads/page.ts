/**
 * What every off-thread read shares (the reports, the orders, outbox and audit lists): where it
 * reads, the seed's paging, a filter built as SQL, statements cached per connection.
 */
import type Database from 'better-sqlite3'

/** Where a report reads: the connection, the tenant and its business time zone. */
export interface ReadSource {
  sqlite: Database.Database
  tenantId: number
  zone: string
}

export interface PageRequest {
  pageIndex: number
  pageSize: number
  /** Totals of the whole filtered set, one row per currency (amounts never add across currencies). */
  withTotals: boolean
}

export interface ReportPage<T, Total> {
  pageIndex: number
  pageSize: number
  totalPageCount: number
  totalItemCount: number
  items: T[]
  totals: Total[] | null
}

/** The rows to skip for the page, or null when the page is past the end (an empty page, not an error). */
export function pageOffset(request: PageRequest, totalItemCount: number): number | null {
  const offset = (request.pageIndex - 1) * request.pageSize
  return offset < totalItemCount ? offset : null
}

export function reportPage<T, Total>(request: PageRequest, totalItemCount: number, items: T[], totals: Total[] | null): ReportPage<T, Total> {
  return {
    pageIndex: request.pageIndex,
    pageSize: request.pageSize,
    totalPageCount: Math.ceil(totalItemCount / request.pageSize),
    totalItemCount,
    items,
    totals
  }
}

/** A conjunction of SQL conditions with their parameters; values are always bound, never spliced. */
export class SqlFilter {
  private readonly clauses: string[] = []
  readonly params: unknown[] = []

  when(value: unknown, clause: string, ...params: unknown[]): this {
    if (value !== undefined) this.and(clause, ...params)
    return this
  }

  and(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause)
    this.params.push(...params)
    return this
  }

  get sql(): string {
    return this.clauses.join(' and ')
  }
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/**
 * A prepared statement, kept per connection: a report's SQL has a bounded number of shapes (one per
 * combination of filters). `bigInts` reads integers as BigInt, for sums of money; `raw` reads each
 * row as an array of its columns (no object per row, for reads of many rows).
 */
export function statement(sqlite: Database.Database, text: string, bigInts = false, raw = false): Database.Statement {
  let statements = cache.get(sqlite)
  if (!statements) cache.set(sqlite, (statements = new Map()))
  const key = `${bigInts ? 'big' : 'num'}:${raw ? 'raw' : 'obj'}:${text}`
  let found = statements.get(key)
  if (!found) {
    found = sqlite.prepare(text).safeIntegers(bigInts)
    if (raw) found.raw(true)
    statements.set(key, found)
  }
  return found
}

/** Changes whenever the database may have: a commit by another connection (`data_version`) or this connection's own writes. */
export function dataVersion(sqlite: Database.Database): string {
  return `${statement(sqlite, 'pragma data_version').pluck().get() as number}:${statement(sqlite, 'select total_changes()').pluck().get() as number}`
}
