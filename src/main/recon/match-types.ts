/** The shapes the matching passes work on (match.ts) and compare (match-compare.ts). */
import type { ServerText } from '../../shared/server-text'
import type { BreakType, ReconLineKind } from '../db/schema/recon'

export interface Line {
  id: number
  statementId: number
  lineNo: number
  rowKey: string
  kind: ReconLineKind
  orderNo: string | null
  merchantOrderNo: string | null
  upstreamNo: string | null
  refundNo: string | null
  currency: string | null
  grossMinor: number | null
  feeMinor: number | null
  netMinor: number | null
  at: number | null
  status: 'succeeded' | 'failed' | 'pending' | 'refunded' | 'reversed' | null
}

export interface OurOrder {
  kind: 'order'
  id: number
  /** The keys are null when the database's key pass found the lines' orders (run.ts): only the in-memory pass reads them. */
  orderNo: string | null
  merchantOrderNo: string | null
  upstreamNo: string | null
  direction: 'deposit' | 'payout'
  status: string
  currency: string
  /** What the order moved: the paid amount of a deposit, a payout's amount. */
  amountMinor: number
  merchantId: number
  /** When it became final (or was created, while open). */
  at: number
  /** Test orders are matched when a line names them, but never missing on their side unless the scope asks. */
  isTest: boolean
}

export interface OurRefund {
  kind: 'refund'
  id: number
  refundNo: string | null
  orderId: number
  upstreamNo: string | null
  status: string
  currency: string
  amountMinor: number
  merchantId: number
  at: number
  isTest: boolean
}

export type Ours = OurOrder | OurRefund

/** What a line's keys found among ours, in the key pass's order of priority, or null. */
export type KeyFinder = (line: Line) => { kind: 'order' | 'refund'; id: number } | null

export interface MatchRules {
  /** Differences up to this many minor units, or this share of ours (ppm), are not breaks. */
  toleranceMinor: number
  tolerancePpm: number
  /** The window pass: how far apart in time a line and an order may be. */
  windowMs: number
  /** Items this close to the scope's end are pending, not breaks. */
  graceMs: number
  /** The channel's fee schedule (ppm of the gross, plus a fixed part), or null: fees are not checked. */
  fee: { ratePpm: number; fixedMinor: number } | null
  /** The start of each business day in the source's zone, for the cut-off cause and the group pass. */
  dayOf: (ms: number) => number
  /** Minutes of a business day's boundary within which a miss is put down to the cut-off. */
  cutoffMinutes: number
  /** Statements whose lines carry a day and no time of day (a bank's booking date): never near a cut-off. */
  dayOnlyStatements?: ReadonlySet<number>
  /**
   * The day, [from, to) in epoch ms, a line dated by day only stands for (its statement's zone),
   * or null for a line with a time of day: the window pass measures from that whole day. Unset:
   * every line is its instant.
   */
  lineDay?: (line: Line) => { from: number; to: number } | null
}

export interface Scope {
  /** The period matched, epoch ms [from, to). */
  from: number
  to: number
  /** When the run happens: items within the grace window before it are pending. */
  now: number
  /** Test orders and refunds count as missing when no line has them (off by default). */
  includeTest: boolean
}

export interface ManualLink {
  lineId: number
  orderId: number | null
  refundId: number | null
}

export interface Control {
  statementId: number
  name: string
  stated: string
  computed: string
  ok: boolean
  /** Why it could not be computed (then `computed` is empty): shown in the break's detail. */
  problem?: ServerText
}

export interface Match {
  lineId: number
  orderId: number | null
  refundId: number | null
  pass: 'manual' | 'key' | 'window' | 'group'
  groupKey: string | null
  merchantId: number | null
  currency: string | null
  amountMinor: number | null
}

export interface Break {
  type: BreakType
  identity: string
  lineId: number | null
  orderId: number | null
  refundId: number | null
  statementId: number | null
  merchantId: number | null
  currency: string | null
  theirsMinor: number | null
  oursMinor: number | null
  differenceMinor: number | null
  at: number
  causeKey: string
  detail: Record<string, unknown>
}

export interface MatchResult {
  matches: Match[]
  breaks: Break[]
  /** Lines and items left alone because they fall inside the grace window. */
  pending: { lines: number; ours: number }
}
