/**
 * Reading a stored sum exactly. better-sqlite3 hands SQLite's 64-bit integers to JavaScript as
 * numbers, which stop being exact past 2^53 (a balance can pass it: USDT has six decimals), and
 * drizzle's query builder offers no per-query BigInt mode. SQLite writes an integer as its exact
 * decimal text, so a sum selected through `exactInteger` arrives as a BigInt.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

export function exactInteger(column: SQLiteColumn | SQL): SQL<bigint> {
  return sql`cast(${column} as text)`.mapWith((text: string) => BigInt(text)) as SQL<bigint>
}
