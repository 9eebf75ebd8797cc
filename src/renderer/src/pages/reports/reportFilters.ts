/**
 * A report's filters as the page holds them (text as typed), how they travel in the address
 * (`#/reports/settlement-details?dateStart=…&currency=CNY`, for drill-down and bookmarks), and
 * the procedure input they make. Dates are `yyyy-mm-dd hh:mm:ss` in the business time zone,
 * the last 7 days of it unless the address says otherwise.
 */
import type { InputOf } from '../../../../shared/contract'
import { fullBound, isReportDateTime } from '../../../../shared/report-dates'

export type ReportProcedure =
  | 'reports.accountDetails'
  | 'reports.transactionStatistics'
  | 'reports.transactionList'
  | 'reports.settlementStatistics'
  | 'reports.settlementList'

export interface ReportFilters {
  merchantId: string
  contractId: string
  currency: string
  dateStart: string
  dateEnd: string
  includeTest: boolean
  /** The entry list's own filters. */
  type: string
  txnId: string
  remark: string
}

const TEXT_KEYS = ['merchantId', 'contractId', 'currency', 'dateStart', 'dateEnd', 'type', 'txnId', 'remark'] as const
const ENTRY_KEYS = new Set(['type', 'txnId', 'remark'])

const OFFSET = /^([+-])(\d{2}):(\d{2})$/

/** Today in the business time zone (`+08:00` or a zone name), as `yyyy-mm-dd`; this computer's day if the zone is unknown. */
export function businessToday(zone: string | undefined, now = new Date()): string {
  const offset = OFFSET.exec(zone ?? '')
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === '-' ? -1 : 1)
    return new Date(now.getTime() + minutes * 60_000).toISOString().slice(0, 10)
  }
  const day = (timeZone?: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
  try {
    return day(zone)
  } catch {
    return day()
  }
}

/** The whole of one day: `2026-11-18 00:00:00` to `2026-11-18 23:59:59`. */
export function dayRange(day: string): Pick<ReportFilters, 'dateStart' | 'dateEnd'> {
  return { dateStart: `${day} 00:00:00`, dateEnd: `${day} 23:59:59` }
}

/** The last `days` days up to `today` (`yyyy-mm-dd`), today included. */
export function lastDays(days: number, today: string): Pick<ReportFilters, 'dateStart' | 'dateEnd'> {
  const [year, month, day] = today.split('-').map(Number)
  const first = new Date(Date.UTC(year, month - 1, day - (days - 1))).toISOString().slice(0, 10)
  return { dateStart: dayRange(first).dateStart, dateEnd: dayRange(today).dateEnd }
}

export function defaultFilters(today: string): ReportFilters {
  return { merchantId: '', contractId: '', currency: '', ...lastDays(7, today), includeTest: true, type: '', txnId: '', remark: '' }
}

/** The filters an address names, over the defaults (a drill-down link names only what it fixes). */
export function filtersFromParams(params: URLSearchParams, today: string): ReportFilters {
  const filters = defaultFilters(today)
  for (const key of TEXT_KEYS) {
    const value = params.get(key)
    if (value !== null) filters[key] = value
  }
  if (params.get('includeTest') === 'false') filters.includeTest = false
  return filters
}

/** An address's query for `filters`, left out what is empty or default. */
export function filtersToParams(filters: Partial<ReportFilters>): string {
  const params = new URLSearchParams()
  for (const key of TEXT_KEYS) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  if (filters.includeTest === false) params.set('includeTest', 'false')
  return params.toString()
}

const WHOLE = /^\d{1,15}$/

export function isId(text: string): boolean {
  return WHOLE.test(text.trim()) && Number(text) > 0
}

export interface FilterProblems {
  contractId?: 'badNumber'
  txnId?: 'badNumber'
  dateStart?: 'badDate'
  dateEnd?: 'badDate' | 'dateOrder'
}

/** What is wrong with the typed filters; a filter with a problem is left out of the read. */
export function filterProblems(filters: ReportFilters): FilterProblems {
  const problems: FilterProblems = {}
  for (const key of ['contractId', 'txnId'] as const) if (filters[key].trim() && !isId(filters[key])) problems[key] = 'badNumber'
  for (const key of ['dateStart', 'dateEnd'] as const) if (filters[key].trim() && !isReportDateTime(filters[key].trim())) problems[key] = 'badDate'
  const start = filters.dateStart.trim()
  const end = filters.dateEnd.trim()
  if (!problems.dateStart && !problems.dateEnd && start && end && fullBound(start, 'start') > fullBound(end, 'end')) problems.dateEnd = 'dateOrder'
  return problems
}

/** The procedure's input: only the filters that report takes, only the well-formed ones. */
export function reportInput<N extends ReportProcedure>(procedure: N, filters: ReportFilters, page: { pageIndex: number; pageSize: number }): InputOf<N> {
  const problems = filterProblems(filters)
  const input: Record<string, unknown> = { ...page, includeTest: filters.includeTest }
  const text = (key: keyof FilterProblems | 'currency' | 'remark' | 'merchantId' | 'type') =>
    !(key in problems) && filters[key].trim() !== '' && (procedure === 'reports.accountDetails' || !ENTRY_KEYS.has(key)) ? filters[key].trim() : undefined
  const numeric = ['merchantId', 'contractId', 'txnId', 'type'] as const
  for (const key of numeric) {
    const value = text(key)
    if (value !== undefined) input[key] = Number(value)
  }
  for (const key of ['currency', 'dateStart', 'dateEnd', 'remark'] as const) {
    const value = text(key)
    if (value !== undefined) input[key] = value
  }
  return input as InputOf<N>
}

/** A day written as the list rows carry it (20261118) → `2026-11-18`. */
export function listDay(date: number): string {
  const text = String(date)
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
}
