/**
 * One tabular row (CSV or XLSX) → a normalized line, or the problem that keeps it from being
 * one. Nothing is guessed: an unknown kind or status, an amount that is not a number, a time that
 * does not fit the format, a missing key: each is a problem naming the field, and the row is not
 * delivered (the control totals then disagree, which is the point). This runs once per row of a
 * million-row file, so the per-row path allocates no closures and looks nothing up twice.
 */
import type { AmountField, ColumnField, LineKind, LineStatus, ReconProfile } from '../../../shared/contract/recon-profile'
import { absolute, isZero, negate, readDecimal, type NumberFormat } from './decimal-text'
import { normalizeHeader, type ColumnIndex, type HeaderPlan } from './header'
import { compileDateFormat, wallOfUtcDate, zoneClock } from './time-text'
import { say, term, type ServerText } from '../../../shared/server-text'
import type { LineProblem, StatementLine } from './types'

/** XLSX cells that were not text: dates and numbers, by column (a Date's UTC fields are its wall clock). */
export type TypedCells = ReadonlyArray<Date | number | null | undefined>

export type RowOutcome = { line: StatementLine; problem?: undefined } | { line?: undefined; problem: LineProblem }

const TEXT_FIELDS = ['orderNo', 'merchantOrderNo', 'upstreamNo', 'refundNo', 'counterparty', 'description'] as const
/** Beyond this a spreadsheet number has lost digits (doubles keep 15–17); a key stored so is no longer the key. */
const SPREADSHEET_EXACT_LIMIT = 1e15
const EXCEL_EPOCH_DAYS = 25569

/** Value → mapped value, compared after NFKC and trim; the few distinct raw values of a file are remembered (NFKC per row is slow). */
function lookup<T extends string>(map: Record<string, T>): (raw: string) => T | undefined {
  const normalized = new Map(Object.entries(map).map(([k, v]) => [normalizeHeader(k), v]))
  const seen = new Map<string, T | undefined>()
  return (raw) => {
    if (seen.has(raw)) return seen.get(raw)
    const found = normalized.get(normalizeHeader(raw))
    if (seen.size < 1000) seen.set(raw, found)
    return found
  }
}

function cellAt(cells: readonly string[], index: ColumnIndex, field: ColumnField): string | null {
  const at = index[field]
  if (at === undefined || at < 0) return null
  const value = cells[at]
  return value === undefined || value === '' ? null : value
}

/** An amount cell: its normalized value, null when empty, or the reason it is not one. */
function amountAt(cells: readonly string[], index: ColumnIndex, field: ColumnField, numbers: NumberFormat): string | null | { error: ServerText } {
  const text = cellAt(cells, index, field)
  if (text === null) return null
  return readDecimal(text, numbers) ?? { error: say('recon.row.notAmount', { value: text }) }
}

const isError = (value: string | null | { error: ServerText }): value is { error: ServerText } => typeof value === 'object' && value !== null

function fail(lineNo: number, cells: string[], field: string | undefined, reason: ServerText): RowOutcome {
  return { problem: { lineNo, ...(field ? { field } : {}), reason, raw: cells } }
}

interface KindPlan {
  index: ColumnIndex
  /** The kind's own columns: a line of that kind is a problem when the file lacks one. */
  own: ColumnField[]
  negate: Record<AmountField, boolean>
}

export function createRowMapper(profile: ReconProfile, plan: HeaderPlan): (cells: string[], lineNo: number, typed?: TypedCells) => RowOutcome {
  const numbers: NumberFormat = { decimalSeparator: profile.decimalSeparator, thousandsSeparator: profile.thousandsSeparator }
  const kindOf = lookup<LineKind>(profile.kinds)
  const statusOf = lookup<LineStatus>(profile.statuses)
  const parseTime = compileDateFormat(profile.dateFormat)
  const clock = zoneClock(profile.timeZone)
  const sign = profile.sign
  const credit = sign.mode === 'indicator' ? new Set(sign.credit.map(normalizeHeader)) : null
  const debit = sign.mode === 'indicator' ? new Set(sign.debit.map(normalizeHeader)) : null
  const width = plan.cells.length
  // Signs are settled once per kind: the profile's negations, the kind's, and the inversion.
  const kindPlans = new Map<LineKind, KindPlan>()
  const planFor = (kind: LineKind): KindPlan => {
    let found = kindPlans.get(kind)
    if (!found) {
      const rule = plan.byKind[kind]
      const flips = (field: AmountField) => (profile.negate.includes(field) ? 1 : 0) + (rule?.negate.has(field) ? 1 : 0) + (sign.invert ? 1 : 0)
      found = {
        index: rule?.index ?? plan.index,
        own: Object.keys(profile.byKind[kind]?.columns ?? {}) as ColumnField[],
        negate: { gross: flips('gross') % 2 === 1, fee: flips('fee') % 2 === 1, net: flips('net') % 2 === 1 }
      }
      kindPlans.set(kind, found)
    }
    return found
  }
  const timeColumnOf = (index: ColumnIndex) => (index.time !== undefined && index.time >= 0 ? index.time : -1)

  return (cells, lineNo, typed) => {
    if (cells.length !== width) return fail(lineNo, cells, undefined, say('recon.row.fieldCount', { count: cells.length, width }))

    // The kind first: it may choose other columns for the rest of the row.
    let kind: LineKind
    const kindText = cellAt(cells, plan.index, 'kind')
    if (kindText !== null) {
      const found = kindOf(kindText)
      if (!found) return fail(lineNo, cells, 'kind', say('recon.row.unknownKind', { value: kindText }))
      kind = found
    } else if (profile.defaultKind) kind = profile.defaultKind
    else return fail(lineNo, cells, 'kind', say('recon.row.empty'))
    const { index, own, negate: flip } = planFor(kind)
    for (const field of own) if (index[field] === -1) return fail(lineNo, cells, field, say('recon.row.kindColumnMissing', { kind: term('lineKind', kind) }))

    const feeRead = amountAt(cells, index, 'fee', numbers)
    if (isError(feeRead)) return fail(lineNo, cells, 'fee', feeRead.error)
    const netRead = amountAt(cells, index, 'net', numbers)
    if (isError(netRead)) return fail(lineNo, cells, 'net', netRead.error)
    let gross: string
    let net = netRead
    if (sign.mode === 'income_expense') {
      const income = amountAt(cells, index, 'income', numbers)
      if (isError(income)) return fail(lineNo, cells, 'income', income.error)
      const expense = amountAt(cells, index, 'expense', numbers)
      if (isError(expense)) return fail(lineNo, cells, 'expense', expense.error)
      const inValue = income !== null && !isZero(income) ? absolute(income) : null
      const outValue = expense !== null && !isZero(expense) ? absolute(expense) : null
      if (inValue && outValue) return fail(lineNo, cells, 'income', say('recon.row.incomeAndExpense'))
      const either = inValue ?? (outValue ? negate(outValue) : (income ?? expense))
      if (either === null) return fail(lineNo, cells, 'income', say('recon.row.noIncomeOrExpense'))
      gross = either
    } else {
      const grossRead = amountAt(cells, index, 'gross', numbers)
      if (isError(grossRead)) return fail(lineNo, cells, 'gross', grossRead.error)
      if (grossRead === null) return fail(lineNo, cells, 'gross', say('recon.row.empty'))
      gross = grossRead
      if (sign.mode === 'indicator') {
        const indicator = cellAt(cells, index, 'debitCredit')
        const normalized = indicator === null ? '' : normalizeHeader(indicator)
        const isCredit = credit!.has(normalized)
        if (!isCredit && !debit!.has(normalized)) return fail(lineNo, cells, 'debitCredit', indicator === null ? say('recon.row.empty') : say('recon.row.notCreditOrDebit', { value: indicator }))
        if (gross.startsWith('-') || net?.startsWith('-')) return fail(lineNo, cells, 'gross', say('recon.row.signedWithIndicator'))
        if (!isCredit) {
          gross = negate(gross)
          net = net === null ? null : negate(net)
        }
      }
    }
    if (flip.gross) gross = negate(gross)
    if (flip.net && net !== null) net = negate(net)
    const fee = flip.fee && feeRead !== null ? negate(feeRead) : feeRead

    const currencyText = cellAt(cells, index, 'currency')
    const currency = currencyText === null ? profile.currency : currencyText.toUpperCase()
    if (currency !== null && !/^[A-Z][A-Z0-9]{2,5}$/.test(currency)) return fail(lineNo, cells, 'currency', say('recon.row.notCurrencyCode', { value: currencyText ?? currency }))

    let at: number | null = null
    const timeColumn = timeColumnOf(index)
    if (timeColumn >= 0) {
      const typedTime = typed?.[timeColumn]
      if (typedTime instanceof Date) at = clock(wallOfUtcDate(typedTime))
      else if (typeof typedTime === 'number') at = clock(wallOfUtcDate(new Date(Math.round((typedTime - EXCEL_EPOCH_DAYS) * 86_400_000))))
      else {
        const text = cells[timeColumn]
        if (!text) return fail(lineNo, cells, 'time', say('recon.row.empty'))
        const wall = parseTime(text)
        if (!wall) return fail(lineNo, cells, 'time', say('recon.row.dateFormat', { value: text, format: profile.dateFormat }))
        at = clock(wall)
      }
    }

    let status: LineStatus | null = profile.defaultStatus
    const statusText = cellAt(cells, index, 'status')
    if (statusText !== null) {
      const found = statusOf(statusText)
      if (!found) return fail(lineNo, cells, 'status', say('recon.row.unknownStatus', { value: statusText }))
      status = found
    } else if (index.status !== undefined && index.status >= 0 && profile.defaultStatus === null) return fail(lineNo, cells, 'status', say('recon.row.empty'))

    if (typed) {
      for (const field of TEXT_FIELDS) {
        const column = index[field]
        const value = column !== undefined && column >= 0 ? typed[column] : undefined
        if (typeof value === 'number' && Math.abs(value) >= SPREADSHEET_EXACT_LIMIT) return fail(lineNo, cells, field, say('recon.row.spreadsheetNumber'))
      }
    }

    const line: StatementLine = {
      lineNo,
      rowKey: '',
      kind,
      orderNo: cellAt(cells, index, 'orderNo'),
      merchantOrderNo: cellAt(cells, index, 'merchantOrderNo'),
      upstreamNo: cellAt(cells, index, 'upstreamNo'),
      refundNo: cellAt(cells, index, 'refundNo'),
      currency,
      gross,
      fee,
      net,
      at,
      status,
      counterparty: cellAt(cells, index, 'counterparty'),
      description: cellAt(cells, index, 'description'),
      valueAt: null,
      endToEndId: null,
      reversal: false,
      batch: null,
      raw: cells
    }
    const key = rowKey(profile, line, index)
    if (typeof key !== 'string') return fail(lineNo, cells, key.field, key.problem)
    line.rowKey = key
    return { line }
  }
}

function rowKey(profile: ReconProfile, line: StatementLine, index: ColumnIndex): string | { problem: ServerText; field: string } {
  const parts: string[] = []
  let identified = false
  for (const field of profile.rowKey) {
    const value = field === 'time' ? (line.at === null ? null : String(line.at)) : line[field]
    if (value !== null && field !== 'kind' && field !== 'status') identified = true
    parts.push(value ?? '')
  }
  if (!identified) return { field: profile.rowKey.join('+'), problem: say('recon.row.noKey', { fields: profile.rowKey.filter((f) => f !== 'kind' && f !== 'status').join(', ') }) }
  // Refund rows repeat the payment's numbers: without its own number a second refund of an order would take the first one's key.
  if (line.kind === 'refund' && line.refundNo === null && profile.rowKey.includes('refundNo') && index.refundNo !== undefined && index.refundNo >= 0) {
    return { field: 'refundNo', problem: say('recon.row.refundWithoutNo') }
  }
  return JSON.stringify(parts)
}
