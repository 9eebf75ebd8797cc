/** The FX rate table: list, manual entry and CSV import (all rows or none). */
import { and, eq, gt, lte, sql, type SQL } from 'drizzle-orm'
import { financeContract } from '../../../shared/contract/finance'
import type { OutputOf } from '../../../shared/contract'
import { textOfIssue } from '../../../shared/rule-message'
import { say } from '../../../shared/server-text'
import { fxRates, users } from '../../db/schema'
import { transact } from '../../db/transaction'
import { englishOfIssue, validationError } from '../../core/errors'
import { inEnglish } from '../../core/text'
import { handlers } from '../../core/registry'
import { insertRate, parseRatesCsv, rateRow, rateValues, type CsvProblem } from '../fx'
import { tenantZone } from '../../core/tenant'
import { ordering } from '../../master/fields'
import { escapeLike, offsetOf } from '../../db/sql'

type ImportError = OutputOf<'fx.import'>['errors'][number]

const problem = ({ line, field, text }: CsvProblem): ImportError => ({ line, field, message: inEnglish(text), text })

const SORT = { validFrom: fxRates.validFrom, createdAt: fxRates.createdAt, baseCurrency: fxRates.baseCurrency, quoteCurrency: fxRates.quoteCurrency }

export const fxProcedures = handlers({
  'fx.list': (ctx, input) => {
    const filters: SQL[] = [eq(fxRates.tenantId, ctx.tenantId)]
    if (input.baseCurrency) filters.push(eq(fxRates.baseCurrency, input.baseCurrency))
    if (input.quoteCurrency) filters.push(eq(fxRates.quoteCurrency, input.quoteCurrency))
    if (input.validAt !== undefined) filters.push(lte(fxRates.validFrom, input.validAt), gt(fxRates.validTo, input.validAt))
    if (input.search) filters.push(sql`${fxRates.note} like ${`%${escapeLike(input.search)}%`} escape '\\'`)
    const where = and(...filters)
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(fxRates).where(where).get()?.n ?? 0
    const items = ctx.db
      .select({ rate: fxRates, createdByName: users.username })
      .from(fxRates)
      .leftJoin(users, eq(users.id, fxRates.createdBy))
      .where(where)
      .orderBy(...ordering(SORT[input.sortBy], input.sortDirection, fxRates.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize))
      .all()
      .map((r) => rateRow({ ...r.rate, createdByName: r.createdByName }))
    return { page: input.page, pageSize: input.pageSize, total, items }
  },

  'fx.create': (ctx, input) =>
    transact(ctx.db, (tx) => {
      const result = rateValues(input, tenantZone(tx, ctx.tenantId))
      if ('field' in result) throw validationError(result.field, result.text)
      const row = insertRate(tx, ctx, result.values, 'manual', ctx.clock.now())
      return rateRow({ ...row, createdByName: ctx.actor?.username ?? null })
    }),

  'fx.import': (ctx, input) => {
    const parsed = parseRatesCsv(input.csv)
    const schema = financeContract['fx.create'].input
    return transact(ctx.db, (tx) => {
      // A refused file is audited too: who tried to import what, and why nothing was imported.
      const refuse = (errors: ImportError[]) => {
        ctx.audit(tx, { targetType: 'fx_rate', summary: say('fx.importRefused', { problems: errors.length }), after: { errors: errors.slice(0, 50) } })
        return { imported: 0, errors }
      }
      if (parsed.errors.length) return refuse(parsed.errors.map(problem))
      const zone = tenantZone(tx, ctx.tenantId)
      const errors: ImportError[] = []
      const accepted: Exclude<ReturnType<typeof rateValues>, { field: string }>['values'][] = []
      for (const { line, record } of parsed.records) {
        const checked = schema.safeParse(record)
        if (!checked.success) {
          for (const issue of checked.error.issues) errors.push({ line, field: issue.path.join('.') || 'row', message: englishOfIssue(issue), text: textOfIssue(issue) })
          continue
        }
        const result = rateValues(checked.data, zone)
        if ('field' in result) errors.push(problem({ line, ...result }))
        else accepted.push(result.values)
      }
      if (errors.length) return refuse(errors)
      const now = ctx.clock.now()
      for (const values of accepted) insertRate(tx, ctx, values, 'import', now)
      ctx.audit(tx, { targetType: 'fx_rate', summary: say('fx.imported', { rates: accepted.length }) })
      return { imported: accepted.length, errors: [] }
    })
  }
})
