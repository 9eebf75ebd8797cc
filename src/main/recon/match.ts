/**
 * Matching statement lines against our orders and refunds: pure and deterministic (the same
 * inputs in any order give the same matches and breaks), in passes of priority, each seeing only
 * what the earlier ones left (docs/reconciliation.md, RECONCILIATION.md §4):
 *
 *   1. manual   links a person made (kept across runs);
 *   2. key      payments and payouts on our order no., then the upstream no., then the merchant
 *               order no.; refunds on the refund no. (never the order's: refund rows repeat it);
 *               several lines on one order that sum to it are one split payment;
 *   3. window   amount, currency and kind within a time window, only when exactly one candidate
 *               qualifies; several are proposed to a person, never picked silently. A line dated
 *               by day only (a bank's booking date) stands for its whole day: the window is
 *               measured from that day, not from its 00:00;
 *   4. group    a settlement line against the net of a business day's matched lines.
 *
 * Matched pairs are then compared: currency, gross (within the tolerance), the channel's fee
 * against its schedule, and status. What is left is missing on one side, unless it falls inside
 * the grace window around the cut-off (pending, not a break, until it passes).
 *
 * A match in the result is a clean one: a line paired (or grouped) with no break about it. A pair
 * that differs (amount, fee, currency, status) or a duplicate copy is a break, stated by the break
 * with both sides; so every line is matched, a break's, pending, or nothing to match (a fee line,
 * a failed attempt, a payment and the line of theirs that took it back when ours agrees nothing
 * stayed), never two of these.
 */
import { assignRateCauses, byIdentity, byLine, compare, controlBreak, lineBreak, linesOfBreak, oursBreak, theirsPaid, theirsUndone, withinTolerance } from './match-compare'
import { Claims, idSetFor, positionById } from './match-sets'
import type { Break, Control, KeyFinder, Line, ManualLink, Match, MatchResult, MatchRules, OurOrder, OurRefund, Ours, Scope } from './match-types'

export type { Break, Control, KeyFinder, Line, ManualLink, Match, MatchResult, MatchRules, OurOrder, OurRefund, Ours, Scope } from './match-types'

/**
 * 3: a pair or group with a break about its line is no match (it was one, counted as matched, in 2).
 * 4: a line that takes a payment back (reversed, refunded) beside the payment is a status mismatch
 * when ours succeeded (it was dropped as a failed retry, and both lines counted as matched); a
 * failed attempt beside the payment is no match (it was one, its amount counted twice with the
 * payment's); a reversed or failed settlement line settles no day.
 * 5: a line dated by day only is matched in the window pass within its whole day (in 4, from its 00:00).
 * 6: a fee mismatch's theirs and ours are the two sides' gross (they were the two fees, now in its detail);
 * a control total of money has its statement's currency and its difference.
 */
export const RULE_VERSION = 6


/**
 * Items by a key, in the items' order. A key most items hold alone (an order number) keeps its item
 * itself, a list only from the second: a million one-item lists were a tenth of a run's memory.
 */
class Index<T extends object> {
  private readonly map = new Map<string, T | T[]>()

  constructor(items: Iterable<T>, key: (item: T) => string | null) {
    for (const item of items) {
      const k = key(item)
      if (k === null || k === '') continue
      const held = this.map.get(k)
      if (held === undefined) this.map.set(k, item)
      else if (Array.isArray(held)) held.push(item)
      else this.map.set(k, [held, item])
    }
  }

  /** The first item of the key that passes `test`. */
  find(k: string | null, test: (item: T) => boolean): T | undefined {
    if (k === null) return undefined
    const held = this.map.get(k)
    if (held === undefined) return undefined
    if (!Array.isArray(held)) return test(held) ? held : undefined
    return held.find(test)
  }

  /** The items of the key that pass `test`. */
  filter(k: string, test: (item: T) => boolean): T[] {
    const held = this.map.get(k)
    if (held === undefined) return []
    if (!Array.isArray(held)) return test(held) ? [held] : []
    return held.filter(test)
  }
}

/** Ours that a line of this kind can be: a payment is a deposit, a payout a payout, a refund a refund. */
function fits(line: Line, ours: Ours): boolean {
  if (line.kind === 'refund') return ours.kind === 'refund'
  if (ours.kind !== 'order') return false
  return line.kind === 'payment' ? ours.direction === 'deposit' : line.kind === 'payout' ? ours.direction === 'payout' : false
}

const succeededOurs = (o: Ours) => o.status === 'succeeded'

/** What the database's key pass found for each line, as ours loaded (a key found only ours that fit the line). */
function keyedByFinder(keyLines: Line[], orders: OurOrder[], refunds: OurRefund[], keyed: KeyFinder): (Ours | undefined)[] {
  return keyLines.map((line) => {
    const found = keyed(line)
    const item = found === null ? undefined : found.kind === 'order' ? byId(orders, found.id) : byId(refunds, found.id)
    return item && fits(line, item) ? item : undefined
  })
}

/** The item of `id` in `items` sorted by id (a binary search: a map of a million ids was 50 MiB). */
function byId<T extends Ours>(items: T[], id: number): T | undefined {
  const at = positionById(items, id)
  return at < 0 ? undefined : items[at]
}

/**
 * A line matched to one of ours (nearly every match): its values are the two's, read when asked —
 * three fields where a plain object held eight (a million matches were 90 MiB).
 */
class PairMatch implements Match {
  constructor(
    private readonly line: Line,
    private readonly item: Ours,
    readonly pass: Match['pass']
  ) {}

  get lineId(): number {
    return this.line.id
  }

  get orderId(): number | null {
    return this.item.kind === 'order' ? this.item.id : null
  }

  get refundId(): number | null {
    return this.item.kind === 'refund' ? this.item.id : null
  }

  get groupKey(): null {
    return null
  }

  get merchantId(): number {
    return this.item.merchantId
  }

  get currency(): string | null {
    return this.line.currency
  }

  get amountMinor(): number | null {
    return this.line.grossMinor
  }
}

/**
 * The keys looked up here, in their order of priority. What a line's keys find does not depend on
 * what other lines took, so one key is looked up for every line before the next: each key's index
 * is made for the lines the keys before left unfound, of ours holding one of their keys, and let
 * go before the next (one index of a million at a time, not five).
 */
function keyedInMemory(keyLines: Line[], orders: OurOrder[], refunds: OurRefund[]): (Ours | undefined)[] {
  const keyedTo = new Array<Ours | undefined>(keyLines.length).fill(undefined)
  const lookUp = <T extends Ours>(items: T[], itemKey: (item: T) => string | null, lineKey: (line: Line) => string | null) => {
    const refundLines = items === (refunds as Ours[])
    const asks = (line: Line, i: number) => keyedTo[i] === undefined && (line.kind === 'refund') === refundLines
    const wanted = new Set<string>()
    keyLines.forEach((line, i) => {
      const k = lineKey(line)
      if (k && asks(line, i)) wanted.add(k)
    })
    if (wanted.size === 0) return
    const index = new Index<T>(items, (item) => {
      const k = itemKey(item)
      return k !== null && wanted.has(k) ? k : null
    })
    keyLines.forEach((line, i) => {
      if (asks(line, i)) keyedTo[i] = index.find(lineKey(line) || null, (o) => fits(line, o))
    })
  }
  lookUp(orders, (o) => o.orderNo, (l) => l.orderNo)
  lookUp(orders, (o) => o.upstreamNo, (l) => l.upstreamNo)
  lookUp(orders, (o) => o.merchantOrderNo, (l) => l.merchantOrderNo)
  lookUp(refunds, (r) => r.refundNo, (l) => l.refundNo)
  lookUp(refunds, (r) => r.upstreamNo, (l) => l.upstreamNo)
  return keyedTo
}

/**
 * `keyed`, when given, is what the key pass found for a line, looked up by the database (run.ts:
 * the same keys in the same order of priority, through the orders' and refunds' indexes); without
 * it the keys are looked up here, on the lines' and ours' own numbers.
 */
export function matchStatement(lines: Line[], ours: Ours[], links: ManualLink[], controls: Control[], rules: MatchRules, scope: Scope, keyed?: KeyFinder): MatchResult {
  const sorted = [...lines].sort(byLine)
  const orders = ours.filter((o): o is OurOrder => o.kind === 'order').sort((a, b) => a.id - b.id)
  const refunds = ours.filter((o): o is OurRefund => o.kind === 'refund').sort((a, b) => a.id - b.id)

  const matches: Match[] = []
  const breaks: Break[] = []
  /** Ours → the line matched to it, or the lines (a split payment has several). */
  const claimed = new Claims(orders, refunds)
  const matchedLines = idSetFor(sorted.length, (i) => sorted[i].id)
  const pending = { lines: 0, ours: 0 }
  const inGrace = (at: number | null) => at !== null && at >= scope.to - rules.graceMs && at < scope.to + rules.graceMs && scope.now < scope.to + rules.graceMs

  const claim = (line: Line, item: Ours, pass: Match['pass']) => {
    matchedLines.add(line.id)
    claimed.add(item, line)
    matches.push(new PairMatch(line, item, pass))
  }

  // 1. Links a person made (few: ours by id only for the ones they name).
  const linksByLine = new Map(links.map((l) => [l.lineId, l]))
  if (links.length > 0) {
    const linkedOrders = new Set(links.map((l) => l.orderId))
    const linkedRefunds = new Set(links.map((l) => l.refundId))
    const orderById = new Map(orders.filter((o) => linkedOrders.has(o.id)).map((o) => [o.id, o]))
    const refundById = new Map(refunds.filter((r) => linkedRefunds.has(r.id)).map((r) => [r.id, r]))
    for (const line of sorted) {
      const link = linksByLine.get(line.id)
      if (!link) continue
      const item = link.orderId !== null ? orderById.get(link.orderId) : link.refundId !== null ? refundById.get(link.refundId) : undefined
      if (item) claim(line, item, 'manual')
    }
  }

  // 2. Keys, in their order of priority (by the database's key pass, or here).
  const keyLines = sorted.filter((line) => !matchedLines.has(line.id) && line.kind !== 'fee' && line.kind !== 'settlement')
  const keyedTo = keyed ? keyedByFinder(keyLines, orders, refunds, keyed) : keyedInMemory(keyLines, orders, refunds)
  keyLines.forEach((line, i) => {
    const item = keyedTo[i]
    if (item) claim(line, item, 'key')
  })

  // 3. Window: one candidate only.
  const unclaimed = (item: Ours) => !claimed.has(item)
  /** Ours a line was proposed for (several candidates): their own misses share the proposal's cause. */
  const proposedTo = new Set<Ours>()
  // Only ours the keys left can be candidates: indexed after the keys, they are few.
  const candidatesByAmount = new Index<Ours>(
    [...orders, ...refunds].filter(unclaimed),
    (o) => `${o.currency}:${o.amountMinor}`
  )
  for (const line of sorted) {
    if (matchedLines.has(line.id) || line.kind === 'fee' || line.kind === 'settlement') continue
    if (line.currency === null || line.grossMinor === null || line.at === null) continue
    const day = rules.lineDay?.(line) ?? null
    const [first, last] = day ? [day.from, day.to - 1] : [line.at, line.at]
    const near = (at: number) => (at < first ? first - at : at > last ? at - last : 0) <= rules.windowMs
    const candidates = candidatesByAmount.filter(`${line.currency}:${Math.abs(line.grossMinor)}`, (o) => unclaimed(o) && fits(line, o) && near(o.at))
    if (candidates.length === 1) claim(line, candidates[0], 'window')
    else if (candidates.length > 1) {
      // Proposed: a person picks; the line stays a break until then.
      matchedLines.add(line.id)
      for (const c of candidates) proposedTo.add(c)
      breaks.push(lineBreak('missing_ours', line, rules, { cause: 'proposed', detail: { candidates: candidates.map((c) => ({ kind: c.kind, id: c.id })) } }))
    }
  }

  // 4. Group: a settlement line against the net of its file's lines of its business day in its
  // currency that moved money (a failed or reversed line paid nothing out), matched to ours or
  // not: the channel settles what it says it collected, and a line of theirs nobody booked is
  // already its own break (another file's lines are another statement's settlement). Lines
  // are signed from the merchant's side, a fee charged negative: net = gross + fee when the file
  // does not state it.
  // A day is a channel's day of trade only when the file has payments or refunds on it: a bank
  // statement's own payouts and charges are no settlement batch of its credits. Each day is
  // settled once: a second settlement line of it is not that day's payout.
  const netByDay = new Map<string, { net: number; lineIds: number[]; trades: number; settled: boolean }>()
  const dayKey = (statementId: number, day: number, currency: string | null) => `${statementId}:${day}:${currency ?? ''}`
  for (const line of sorted) {
    if (line.at === null || line.kind === 'settlement' || !theirsPaid(line)) continue
    const key = dayKey(line.statementId, rules.dayOf(line.at), line.currency)
    const entry = netByDay.get(key) ?? { net: 0, lineIds: [], trades: 0, settled: false }
    entry.net += line.netMinor ?? (line.grossMinor ?? 0) + (line.feeMinor ?? 0)
    entry.lineIds.push(line.id)
    if (line.kind === 'payment' || line.kind === 'refund') entry.trades++
    netByDay.set(key, entry)
  }
  for (const line of sorted) {
    // A settlement that failed or was taken back paid no day out: it is left as a line of its own.
    if (line.kind !== 'settlement' || line.at === null || line.grossMinor === null || line.status === 'failed' || theirsUndone(line)) continue
    const settledDay = [rules.dayOf(line.at), rules.dayOf(line.at - 86_400_000)]
      .map((d) => dayKey(line.statementId, d, line.currency))
      .find((k) => {
        const day = netByDay.get(k)
        return day !== undefined && day.trades > 0 && !day.settled
      })
    const group = settledDay === undefined ? undefined : netByDay.get(settledDay)
    matchedLines.add(line.id)
    if (!group) {
      breaks.push(lineBreak('missing_ours', line, rules, { cause: 'settlement_without_day' }))
      continue
    }
    group.settled = true
    const groupKey = `settlement:${line.id}`
    matches.push({ lineId: line.id, orderId: null, refundId: null, pass: 'group', groupKey, merchantId: null, currency: line.currency, amountMinor: line.grossMinor })
    const difference = Math.abs(line.grossMinor) - group.net
    if (!withinTolerance(difference, group.net, rules)) {
      breaks.push({ ...lineBreak(difference > 0 ? 'amount_over' : 'amount_short', line, rules, { cause: 'settlement_sum' }), oursMinor: group.net, differenceMinor: difference, detail: { groupKey, members: group.lineIds.length } })
    }
  }

  // Compare what was matched, ours by ours (a split payment is compared as its sum).
  // Orders, then refunds, each by id (as their kind and id sort). Lines beside the others that
  // moved nothing (a failed attempt, a payment and the line that took it back) are no match.
  const movedNothing = new Set<number>()
  for (const item of [...orders, ...refunds]) {
    const matchedTo = claimed.get(item)
    if (matchedTo === undefined) continue
    for (const l of compare(item, Array.isArray(matchedTo) ? matchedTo : [matchedTo], rules, breaks)) movedNothing.add(l.id)
  }

  // What is left: missing on one side, or pending. A failed line of theirs nobody of ours names
  // moved no money (an attempt the payer abandoned): nothing to reconcile. A payment nobody of ours
  // names and the line that took it back are one break, about both, never two lines of money.
  const left: Line[] = []
  for (const line of sorted) {
    if (matchedLines.has(line.id) || line.kind === 'fee' || line.status === 'failed') continue
    if (inGrace(line.at)) {
      pending.lines++
      continue
    }
    left.push(line)
  }
  const takenBack = takenBackPairs(left)
  const inPair = new Set([...takenBack.values()].map((l) => l.id))
  for (const line of left) {
    if (inPair.has(line.id)) continue
    const paid = takenBack.get(line)
    breaks.push(lineBreak('missing_ours', line, rules, paid ? { cause: 'taken_back', detail: { lineIds: [paid.id, line.id] } } : {}))
  }
  for (const item of [...orders, ...refunds]) {
    if (claimed.has(item) || !succeededOurs(item) || item.at < scope.from || item.at >= scope.to || (item.isTest && !scope.includeTest)) continue
    if (inGrace(item.at)) {
      pending.ours++
      continue
    }
    // One a line was proposed for is grouped with that proposal: matching the line resolves both.
    breaks.push(oursBreak('missing_theirs', item, rules, proposedTo.has(item) ? 'proposed' : undefined))
  }

  for (const c of controls) {
    if (c.ok) continue
    breaks.push(controlBreak(c, sorted, scope.from))
  }
  assignRateCauses(breaks)
  return { matches: cleanMatches(matches, breaks, movedNothing), breaks: breaks.sort(byIdentity), pending }
}

/** The same payment on two lines: its channel's or our number. */
function sameNumbers(a: Pick<Line, 'upstreamNo' | 'orderNo'>, b: Pick<Line, 'upstreamNo' | 'orderNo'>): boolean {
  const upstream = a.upstreamNo
  if (upstream !== null && upstream !== '' && upstream === b.upstreamNo) return true
  const orderNo = a.orderNo
  return orderNo !== null && orderNo !== '' && orderNo === b.orderNo
}

/**
 * Whether `undone` takes back the payment `paid` states: a line of the same kind that takes money
 * back (reversed, refunded), naming the same payment, not before it. The approval of what accepts
 * theirs asks it of the lines imported since (recon/accept-check.ts), as the next run would.
 */
export function takesBack(paid: Pick<Line, 'kind' | 'status' | 'at' | 'upstreamNo' | 'orderNo'>, undone: Pick<Line, 'kind' | 'status' | 'at' | 'upstreamNo' | 'orderNo'>): boolean {
  return paid.kind === undone.kind && theirsPaid(paid) && theirsUndone(undone) && (undone.at === null || paid.at === null || paid.at <= undone.at) && sameNumbers(paid, undone)
}

/**
 * Among lines nobody of ours names, each that takes a payment back (reversed, refunded) with the
 * paid line it took back: the earliest before it with its amount and numbers. Numbers are read
 * only for lines of the same amount (a run's lines may not hold theirs: run.ts).
 */
function takenBackPairs(left: Line[]): Map<Line, Line> {
  const pairs = new Map<Line, Line>()
  const undone = left.filter(theirsUndone)
  if (undone.length === 0) return pairs
  const key = (l: Line) => (l.grossMinor === null ? null : `${l.kind}:${l.currency ?? ''}:${Math.abs(l.grossMinor)}`)
  const paid = new Index<Line>(
    left.filter((l) => theirsPaid(l) && l.kind !== 'settlement'),
    key
  )
  const used = new Set<Line>()
  for (const u of undone) {
    const k = key(u)
    if (k === null) continue
    const found = paid
      .filter(k, (p) => !used.has(p) && takesBack(p, u))
      .sort((a, b) => (a.at ?? 0) - (b.at ?? 0) || byLine(a, b))[0]
    if (!found) continue
    used.add(found)
    pairs.set(u, found)
  }
  return pairs
}

/** The matches no break is about, of lines that moved money (see the head of this file). */
function cleanMatches(matches: Match[], breaks: Break[], movedNothing: Set<number>): Match[] {
  const left = new Set<number>(movedNothing)
  for (const b of breaks) for (const id of linesOfBreak(b)) left.add(id)
  return left.size === 0 ? matches : matches.filter((m) => !left.has(m.lineId))
}
