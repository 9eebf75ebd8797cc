/**
 * Home's figures: today's and yesterday's orders per currency and per channel, and the channels'
 * balances. Days are business days cut in the tenant's zone. Each figure reads stored rows or a
 * narrow index range, never a year of orders:
 * - per currency, the transaction report's stored day rows (schema/reports.ts), so Home and the
 *   transaction summary agree to the unit (test orders left out, success counted on the order's
 *   creation day);
 * - per channel, the orders created since yesterday's start (orders_list_created), a day or two
 *   of orders grouped in place;
 * - balances, the ledger's stored balance of each channel account, but a field test rehearsal
 *   copy's (the simulator's money, reversed as it is booked: always nil, never low for real).
 */
import { fromMinor } from '../../shared/money'
import type { ChannelBalance, DayFigures, HomeSummary } from '../../shared/contract/home'
import { businessDayFn, dayStartMs, dayText } from '../ledger/business-day'
import { statement, type ReadSource } from '../reads/page'

export interface FigureFilters {
  /** A merchant-bound user's merchant (their own orders only). */
  merchantId?: number
  now: number
  withCurrencies: boolean
  withChannels: boolean
  withBalances: boolean
}

type DayRow = { day: bigint | number; currency: string; orders: number; succeeded: number; volume: bigint }

/** The business days of `now` and the day before, and where yesterday starts. */
export function homeDays(zone: string, now: number) {
  const dayOf = businessDayFn(zone)
  const today = dayOf(now)
  // A day is never shorter than 23 hours: the instant a day before now falls on yesterday.
  const yesterday = dayOf(dayStartMs(dayText(today), zone) - 1)
  return { today, yesterday, yesterdayStart: dayStartMs(dayText(yesterday), zone), tomorrowStart: dayStartMs(dayText(today), zone, 1) }
}

const empty = (currency: string): DayFigures => ({ orders: 0, succeeded: 0, volume: fromMinor(0, currency) })

/** Rows of (day, key, currency) folded into one entry per key with today's and yesterday's figures. */
function byKey<R extends DayRow>(rows: R[], days: { today: number; yesterday: number }, keyOf: (row: R) => string) {
  const out = new Map<string, { row: R; today: DayFigures; yesterday: DayFigures }>()
  for (const r of rows) {
    const k = keyOf(r)
    let entry = out.get(k)
    if (!entry) out.set(k, (entry = { row: r, today: empty(r.currency), yesterday: empty(r.currency) }))
    const figures = { orders: Number(r.orders), succeeded: Number(r.succeeded), volume: fromMinor(r.volume, r.currency) }
    // Read with BigInt integers (sums of money): the day too.
    const day = Number(r.day)
    if (day === days.today) entry.today = figures
    else if (day === days.yesterday) entry.yesterday = figures
  }
  return [...out.values()]
}

function currencyRows(src: ReadSource, f: FigureFilters, days: { today: number; yesterday: number }): DayRow[] {
  if (f.merchantId === undefined) {
    return statement(
      src.sqlite,
      `select business_day as day, currency, total_count as orders, success_count as succeeded, transaction_minor as volume
       from transaction_daily_totals indexed by transaction_totals_list
       where tenant_id = ? and include_test = 0 and business_day in (?, ?)`,
      true
    ).all(src.tenantId, days.today, days.yesterday) as DayRow[]
  }
  return statement(
    src.sqlite,
    `select business_day as day, currency, sum(total_count) as orders, sum(success_count) as succeeded, sum(transaction_minor) as volume
     from transaction_daily_rows indexed by transaction_rows_merchant
     where tenant_id = ? and include_test = 0 and merchant_id = ? and business_day in (?, ?)
     group by business_day, currency`,
    true
  ).all(src.tenantId, f.merchantId, days.today, days.yesterday) as DayRow[]
}

/** A succeeded order's volume as the transaction report counts it: the paid amount of a deposit, a payout's amount. */
const VOLUME = "case when o.status = 'succeeded' then (case when o.direction = 'deposit' then coalesce(o.paid_minor, o.amount_minor) else o.amount_minor end) else 0 end"

function channelRows(src: ReadSource, range: { yesterdayStart: number; tomorrowStart: number }) {
  return statement(
    src.sqlite,
    // A rehearsal copy is named by its live channel (its orders are test orders, left out, but one
    // sent to it before copies were refused to any other order would show here).
    `select o.business_day as day, o.channel_id as key, c.name as name, live.name as rehearsalOf, o.currency as currency, count(*) as orders,
       sum(o.status = 'succeeded') as succeeded, sum(${VOLUME}) as volume
     from orders o indexed by orders_list_created join channels c on c.id = o.channel_id
       left join fieldtest_rehearsal_channels r on r.twin_channel_id = c.id left join channels live on live.id = r.channel_id
     where o.tenant_id = ? and o.created_at >= ? and o.created_at < ? and o.is_test = 0
     group by o.business_day, o.channel_id, o.currency`,
    true
  ).all(src.tenantId, range.yesterdayStart, range.tomorrowStart) as (DayRow & { key: bigint; name: string; rehearsalOf: string | null })[]
}

interface BalanceStored {
  channelId: bigint
  channelName: string
  currency: string
  normal: bigint
  postedSum: bigint
  heldOut: bigint
  supportsPayout: bigint
  payoutUpper: bigint
}

/**
 * A channel's balance is low when it cannot pay the largest single payout the channel allows
 * (its payout upper bound), or, for a payout channel without one, when nothing is available. A
 * deposit-only channel is never low: money only flows into it.
 */
export function isLow(available: bigint, supportsPayout: boolean, payoutUpper: bigint): boolean {
  if (available < 0n) return true
  if (!supportsPayout) return false
  return payoutUpper > 0n ? available < payoutUpper : available <= 0n
}

function balances(src: ReadSource): ChannelBalance[] {
  const rows = statement(
    src.sqlite,
    `select c.id as channelId, c.name as channelName, a.currency as currency, a.normal as normal, b.posted_sum as postedSum, b.held_out as heldOut,
       c.supports_payout as supportsPayout, c.payout_upper_minor as payoutUpper
     from ledger_accounts a join ledger_balances b on b.account_id = a.id join channels c on c.id = a.channel_id
     where a.tenant_id = ? and a.kind = 'channel' and c.status = 'active'
       and c.id not in (select twin_channel_id from fieldtest_rehearsal_channels)
     order by c.name, a.currency`,
    true
  ).all(src.tenantId) as BalanceStored[]
  return rows.map((r) => {
    const posted = r.normal * r.postedSum
    const available = posted - r.heldOut
    const payout = r.supportsPayout === 1n
    return {
      channelId: Number(r.channelId),
      channelName: r.channelName,
      currency: r.currency,
      balance: fromMinor(posted, r.currency),
      available: fromMinor(available, r.currency),
      payout,
      lowBelow: payout && r.payoutUpper > 0n ? fromMinor(r.payoutUpper, r.currency) : null,
      low: isLow(available, payout, r.payoutUpper)
    }
  })
}

export function homeFigures(src: ReadSource, f: FigureFilters): HomeSummary {
  const days = homeDays(src.zone, f.now)
  const currencies = f.withCurrencies
    ? byKey(currencyRows(src, f, days), days, (r) => r.currency)
        .map((e) => ({ currency: e.row.currency, today: e.today, yesterday: e.yesterday }))
        .sort((a, b) => a.currency.localeCompare(b.currency))
    : null
  const channels = f.withChannels
    ? byKey(channelRows(src, days), days, (r) => `${r.key}:${r.currency}`)
        .map((e) => ({ channelId: Number(e.row.key), channelName: e.row.name, rehearsalOf: e.row.rehearsalOf, currency: e.row.currency, today: e.today, yesterday: e.yesterday }))
        .sort((a, b) => a.channelName.localeCompare(b.channelName) || a.currency.localeCompare(b.currency))
    : null
  return {
    zone: src.zone,
    today: dayText(days.today),
    yesterday: dayText(days.yesterday),
    asOf: f.now,
    currencies,
    channels,
    balances: f.withBalances ? balances(src) : null
  }
}
