/**
 * FX: the rate table and the conversion of a deposit paid in one currency and settled in another.
 * Rates are exact decimal strings; conversions use decimal.js and round half-up to the target
 * currency's minor unit. The rate is fixed on the order when it is created (`rateForOrder`), so a
 * deposit whose pair has no valid rate is refused at creation, naming the pair, and never settles
 * at a guessed rate.
 */
import { parse } from 'csv-parse/sync'
import { and, desc, eq, gt, lte } from 'drizzle-orm'
import type { z } from 'zod'
import { financeContract } from '../../shared/contract/finance'
import { Decimal, fromMinor, roundToMinor } from '../../shared/money'
import { say, verbatim, type ServerText } from '../../shared/server-text'
import { fxRates, users } from '../db/schema'
import type { Db } from '../db/open'
import type { Tx } from '../db/transaction'
import { AppError } from '../core/errors'
import type { Ctx } from '../core/context'
import { wallTimeMs, wallTimeText } from './time'

export type RateInput = z.output<(typeof financeContract)['fx.create']['input']>
type RateRow = typeof fxRates.$inferSelect

/** reference × (1 − markup %), kept to 10 decimals (half-up), in plain notation. */
export function appliedFromMarkup(reference: string, markupPercent: string): string {
  return new Decimal(reference).times(new Decimal(100).minus(markupPercent)).dividedBy(100).toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toFixed()
}

/** (reference − applied) / reference × 100, to 4 decimals. */
export function markupOf(reference: string, applied: string): string {
  return new Decimal(reference).minus(applied).dividedBy(reference).times(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed()
}

/** `minor` of `from` converted at `rate` to minor units of `to`, rounded half-up. */
export function convertMinor(minor: number, from: string, to: string, rate: string): number {
  return roundToMinor(new Decimal(fromMinor(minor, from)).times(rate), to)
}

export interface FxParts {
  /** The paid amount at the reference rate, in the settlement currency: the order payment (0). */
  gross: number
  /** At the applied rate: what the merchant is credited before fees. */
  applied: number
  /** gross − applied: the rate difference (10) the merchant pays (negative: it gains). */
  spread: number
}

export function fxParts(paidMinor: number, from: string, to: string, referenceRate: string, appliedRate: string): FxParts {
  const gross = convertMinor(paidMinor, from, to, referenceRate)
  const applied = convertMinor(paidMinor, from, to, appliedRate)
  return { gross, applied, spread: gross - applied }
}

/** The rate valid at `at` for base → quote: the latest-starting one, the newest on a tie. */
export function findRate(db: Db | Tx, tenantId: number, base: string, quote: string, at: number): RateRow | undefined {
  return db
    .select()
    .from(fxRates)
    .where(and(eq(fxRates.tenantId, tenantId), eq(fxRates.baseCurrency, base), eq(fxRates.quoteCurrency, quote), lte(fxRates.validFrom, at), gt(fxRates.validTo, at)))
    .orderBy(desc(fxRates.validFrom), desc(fxRates.id))
    .get()
}

/** The rate an order of `base` settling in `quote` is fixed at, or a clear refusal naming the pair. */
export function rateForOrder(tx: Db | Tx, tenantId: number, base: string, quote: string, at: number, zone: string): RateRow {
  const rate = findRate(tx, tenantId, base, quote, at)
  if (!rate) {
    throw new AppError('limit', say('error.fx.noRate', { quote, pair: `${base}→${quote}`, time: wallTimeText(at, zone) }), {
      code: 'fx.no_rate',
      field: 'serviceId'
    })
  }
  return rate
}

/** Turns validated input into a row's values: times in the business zone; a date alone for validTo means to the end of that day. */
export function rateValues(input: RateInput, zone: string): { values: Omit<typeof fxRates.$inferInsert, 'tenantId' | 'source' | 'createdBy' | 'createdAt'> } | { field: string; text: ServerText } {
  const from = wallTimeMs(input.validFrom, zone)
  const to = input.validTo.length === 10 ? wallTimeMs(input.validTo, zone, 1) : wallTimeMs(input.validTo, zone)
  if (Number.isNaN(from)) return { field: 'validFrom', text: say('rule.notCalendarDate') }
  if (Number.isNaN(to)) return { field: 'validTo', text: say('rule.notCalendarDate') }
  if (to <= from) return { field: 'validTo', text: say('rule.afterValidFrom') }
  const applied = input.appliedRate ?? appliedFromMarkup(input.referenceRate, input.markupPercent!)
  if (!new Decimal(applied).isPositive() || new Decimal(applied).isZero()) return { field: 'markupPercent', text: say('rule.markupBelow100') }
  return {
    values: {
      baseCurrency: input.baseCurrency,
      quoteCurrency: input.quoteCurrency,
      referenceRate: new Decimal(input.referenceRate).toFixed(),
      appliedRate: applied,
      validFrom: from,
      validTo: to,
      note: input.note
    }
  }
}

export function insertRate(tx: Tx, ctx: Ctx, values: Exclude<ReturnType<typeof rateValues>, { field: string }>['values'], source: 'manual' | 'import', now: number): RateRow {
  const row = tx
    .insert(fxRates)
    .values({ ...values, tenantId: ctx.tenantId, source, createdBy: ctx.actor?.userId ?? null, createdAt: now })
    .returning()
    .get()
  ctx.audit(tx, {
    targetType: 'fx_rate',
    targetId: row.id,
    summary: say('fx.rateAdded', { pair: `${row.baseCurrency}→${row.quoteCurrency}`, reference: row.referenceRate, applied: row.appliedRate }),
    after: { ...row }
  })
  return row
}

export function rateRow(row: RateRow & { createdByName?: string | null }) {
  return {
    id: row.id,
    baseCurrency: row.baseCurrency,
    quoteCurrency: row.quoteCurrency,
    referenceRate: row.referenceRate,
    appliedRate: row.appliedRate,
    markup: markupOf(row.referenceRate, row.appliedRate),
    validFrom: row.validFrom,
    validTo: row.validTo,
    source: row.source,
    note: row.note,
    createdBy: row.createdByName ?? null,
    createdAt: row.createdAt
  }
}

export function userName(db: Db | Tx, id: number | null): string | null {
  if (id === null) return null
  return db.select({ name: users.username }).from(users).where(eq(users.id, id)).get()?.name ?? null
}

export const CSV_COLUMNS = ['baseCurrency', 'quoteCurrency', 'referenceRate', 'appliedRate', 'markupPercent', 'validFrom', 'validTo', 'note'] as const

export interface CsvRecord {
  line: number
  record: Record<string, string>
}

/** Parses the import file: a header naming the columns, then one rate a line (blank cells are left out). */
/** A problem of the file: its line, the column (or `file`) and what is wrong. */
export interface CsvProblem {
  line: number
  field: string
  text: ServerText
}

export function parseRatesCsv(text: string): { records: CsvRecord[]; errors: CsvProblem[] } {
  let rows: { record: Record<string, string>; info: { lines: number } }[]
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, trim: true, info: true, relax_column_count: false })
  } catch (error) {
    const e = error as { lines?: number; message: string }
    // The CSV reader's own words (English), like a provider's message.
    return { records: [], errors: [{ line: e.lines ?? 1, field: 'file', text: verbatim(e.message) }] }
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',').map((h) => h.trim())
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
  const missing = ['baseCurrency', 'quoteCurrency', 'referenceRate', 'validFrom', 'validTo'].filter((h) => !header.includes(h))
  const errors: CsvProblem[] = [
    ...unknown.map((h) => ({ line: 1, field: h, text: say('rule.csvColumn', { columns: CSV_COLUMNS.join(', ') }) })),
    ...missing.map((h) => ({ line: 1, field: h, text: say('rule.csvRequiredColumn') }))
  ]
  if (errors.length) return { records: [], errors }
  if (rows.length === 0) return { records: [], errors: [{ line: 2, field: 'file', text: say('rule.csvNoRows') }] }
  const records = rows.map(({ record, info }) => ({
    line: info.lines,
    record: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ''))
  }))
  return { records, errors: [] }
}
