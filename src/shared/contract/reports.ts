/**
 * The five reports of the report API (SPEC §8, the Chinese seed's 报表) as procedures. The headless
 * host serves the same procedures at the seed's own paths (src/main/http/reports-routes.ts), so
 * both transports validate, check REPORT_READ and apply merchant scope in one place. Names follow
 * the seed (pageIndex, pageSize, dateStart, …); amounts are decimal strings here and JSON numbers
 * with the currency's digits over the seed's HTTP paths. See docs/reports-api.md.
 */
import { z } from 'zod'
import { ruleMessage } from '../rule-message'
import { ENTRY_TYPE_CODES, isEntryType } from '../ledger'
import { PERMISSIONS } from '../permissions'
import { id } from '../schemas'
import { fullBound, isReportDateTime } from '../report-dates'
import { currencyCode } from './master-fields'
import { query } from './define'

// zod's int() also refuses numbers beyond 2^53, whose digits a client could not have meant.
const wholeNumber = () => z.number({ error: ruleMessage('rule.wholeNumber') }).int(ruleMessage('rule.wholeNumber'))

const dateTime = z
  .string({ error: ruleMessage('rule.reportDateTime') })
  .trim()
  .refine(isReportDateTime, ruleMessage('rule.reportDateTime'))

const pageAndDays = {
  pageIndex: wholeNumber().min(1, ruleMessage('rule.minValue', { n: 1 })).default(1),
  pageSize: wholeNumber().min(1, ruleMessage('rule.minValue', { n: 1 })).max(100, ruleMessage('rule.maxValue', { n: 100 })).default(20),
  contractId: id.optional(),
  merchantId: id.optional(),
  currency: currencyCode.optional(),
  /** Inclusive, in the tenant's business time zone. */
  dateStart: dateTime.optional(),
  dateEnd: dateTime.optional(),
  /** Test orders count by default (the seed); false leaves them out. */
  includeTest: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).default(true),
  /** The totals of the whole filtered set; the HTTP paths skip them (the seed has none). */
  withTotals: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).default(true)
}

/**
 * Unknown parameters are refused by name: a mistyped filter must not silently return everything;
 * so is one given twice (the HTTP paths' query string hands its values over as a list).
 * (A strict object would blame the whole input rather than the key.)
 */
function reportInput<S extends z.ZodRawShape>(shape: S) {
  const known = new Set(Object.keys(shape))
  const checked = z.object(shape).refine(
    (i: { dateStart?: string; dateEnd?: string }) => !i.dateStart || !i.dateEnd || fullBound(i.dateStart, 'start') <= fullBound(i.dateEnd, 'end'),
    { message: ruleMessage('rule.notBeforeStart'), path: ['dateEnd'] }
  )
  return z.preprocess((raw, ctx) => {
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const unknown = Object.keys(raw).find((key) => !known.has(key))
      if (unknown) ctx.addIssue({ code: 'custom', path: [unknown], message: ruleMessage('rule.notReportParameter'), input: raw })
      // No parameter takes a list: two values (`?currency=CNY&currency=THB`) are one too many, not a format.
      const twice = Object.entries(raw).find(([key, value]) => known.has(key) && Array.isArray(value))
      if (twice) ctx.addIssue({ code: 'custom', path: [twice[0]], message: ruleMessage('rule.givenOnce'), input: raw })
    }
    return raw
  }, checked)
}

export const entriesInput = reportInput({
  ...pageAndDays,
  txnId: id.optional(),
  type: z
    .number({ error: ruleMessage('rule.oneOf', { values: ENTRY_TYPE_CODES.join(', ') }) })
    .refine(isEntryType, ruleMessage('rule.oneOf', { values: ENTRY_TYPE_CODES.join(', ') }))
    .optional(),
  remark: z.string({ error: ruleMessage('rule.text') }).trim().max(100, ruleMessage('rule.maxChars', { n: 100 })).optional()
})

export const dailyInput = reportInput(pageAndDays)

/** A chart's filters: the daily reports' own, without paging or totals (it plots the whole set). */
const { pageIndex: _pageIndex, pageSize: _pageSize, withTotals: _withTotals, ...dayFilters } = pageAndDays
const chartInput = reportInput(dayFilters)

/** A signed decimal with the currency's digits, e.g. "-20.00", "1500000". */
const amount = z.string()

function paged<I extends z.ZodType, T extends z.ZodType>(item: I, total: T) {
  return z.object({
    pageIndex: z.number(),
    pageSize: z.number(),
    totalPageCount: z.number(),
    totalItemCount: z.number(),
    items: z.array(item),
    /** One row per currency over every matching row (not just the page); null when not asked for. */
    totals: z.array(total).nullable()
  })
}

/** `yyyy-mm-ddThh:mm:ss` in the business time zone; for a daily list row, the start of its day. */
const dateCreated = z.string()

export const accountDetailRow = z.object({
  tenantId: z.number(),
  id: z.number(),
  contractId: z.number(),
  merchantId: z.number(),
  txnId: z.number(),
  type: z.number(),
  currency: z.string(),
  amount,
  remark: z.string(),
  dateCreated
})

const transactionColumns = { transactionAmount: amount, settleAmount: amount, totalCount: z.number(), successCount: z.number() }

/** A statistics row: a business day (`yyyy-mm-dd`) and a currency. */
const statisticsKey = { date: z.string(), currency: z.string() }

/** A list row: also the contract and merchant, and the day as the number yyyymmdd. */
const listKey = { tenantId: z.number(), date: z.number(), contractId: z.number(), merchantId: z.number(), currency: z.string() }

export const transactionStatisticsRow = z.object({ ...statisticsKey, ...transactionColumns })
export const transactionListRow = z.object({ ...listKey, ...transactionColumns, dateCreated })

/** The seed's settlement columns, in its order; each is the sum of one entry type (SETTLEMENT_COLUMNS). */
const settlementColumns = {
  orderPay: amount,
  deposit: amount,
  orderFee: amount,
  fixedFee: amount,
  refund: amount,
  refundFee: amount,
  dispute: amount,
  disputeFee: amount,
  drawcash: amount,
  drawcashFee: amount,
  rateDifference: amount,
  manualAdjust: amount
}

export const settlementStatisticsRow = z.object({ ...statisticsKey, ...settlementColumns })
export const settlementListRow = z.object({ ...listKey, ...settlementColumns, dateCreated })

const entryTotals = z.object({ currency: z.string(), amount, count: z.number() })
const transactionTotals = z.object({ currency: z.string(), ...transactionColumns })
const settlementTotals = z.object({ currency: z.string(), ...settlementColumns })

export type AccountDetailRow = z.infer<typeof accountDetailRow>
export type TransactionStatisticsRow = z.infer<typeof transactionStatisticsRow>
export type TransactionListRow = z.infer<typeof transactionListRow>
export type SettlementStatisticsRow = z.infer<typeof settlementStatisticsRow>
export type SettlementListRow = z.infer<typeof settlementListRow>

/** A chart: the statistics of the whole filtered set per day and currency, oldest first. */
function series<P extends z.ZodType>(point: P) {
  return z.object({
    points: z.array(point),
    /** More days matched than a chart plots (366): only the newest are in `points`. */
    truncated: z.boolean()
  })
}

export const transactionChartPoint = transactionStatisticsRow
export const settlementChartPoint = z.object({ ...statisticsKey, orderPay: amount, net: amount })
export type TransactionChartPoint = z.infer<typeof transactionChartPoint>
export type SettlementChartPoint = z.infer<typeof settlementChartPoint>

const scope = 'A merchant-bound user sees only its own merchant (asking for another is a 403).'

export const reportsContract = {
  'reports.accountDetails': query({
    input: entriesInput,
    output: paged(accountDetailRow, entryTotals),
    access: PERMISSIONS.REPORT_READ,
    doc: `交易流水: the merchants' settlement-account entries, newest first, filtered. ${scope}`
  }),
  'reports.transactionStatistics': query({
    input: dailyInput,
    output: paged(transactionStatisticsRow, transactionTotals),
    access: PERMISSIONS.REPORT_READ,
    doc: `交易汇总: orders per business day and currency (amounts, settled amounts, counts). ${scope}`
  }),
  'reports.transactionList': query({
    input: dailyInput,
    output: paged(transactionListRow, transactionTotals),
    access: PERMISSIONS.REPORT_READ,
    doc: `交易明细: orders per business day, contract, merchant and currency. ${scope}`
  }),
  'reports.settlementStatistics': query({
    input: dailyInput,
    output: paged(settlementStatisticsRow, settlementTotals),
    access: PERMISSIONS.REPORT_READ,
    doc: `结算汇总: merchant entries summed by type per business day and currency. ${scope}`
  }),
  'reports.settlementList': query({
    input: dailyInput,
    output: paged(settlementListRow, settlementTotals),
    access: PERMISSIONS.REPORT_READ,
    doc: `结算明细: merchant entries summed by type per business day, contract, merchant and currency. ${scope}`
  }),
  'reports.transactionChart': query({
    input: chartInput,
    output: series(transactionChartPoint),
    access: PERMISSIONS.REPORT_READ,
    doc: `The transaction statistics' chart: amounts and counts per business day and currency over the whole filtered set (at most 366 days). ${scope}`
  }),
  'reports.settlementChart': query({
    input: chartInput,
    output: series(settlementChartPoint),
    access: PERMISSIONS.REPORT_READ,
    doc: `The settlement statistics' chart: order payments and the net of all entry types per business day and currency (at most 366 days). ${scope}`
  })
}

/** The amount fields of every report row, written as JSON numbers on the seed's HTTP paths. */
export const REPORT_AMOUNT_FIELDS: ReadonlySet<string> = new Set(['amount', 'transactionAmount', 'settleAmount', ...Object.keys(settlementColumns)])
