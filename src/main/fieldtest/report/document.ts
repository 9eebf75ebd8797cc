/**
 * The signed report's document (docs/field-testing.md, "Reports and verification"): a header (the
 * channel, the plan and its version, who ran it, when, the caps, the totals), the steps with their
 * evidence, the hash chain over them and the signatures.
 *
 *   chain.header  = SHA-256(canonical({format, header}))
 *   chain.steps[i] = SHA-256(canonical({previous, step: steps[i]}))   previous = chain.steps[i-1], or chain.header for the first
 *   chain.head    = the last link (chain.header when there are no steps)
 *
 * Each step carries its own index, so a step moved to another place no longer hashes where it
 * stands, and the verifier can say which step was changed, removed, added or moved. The engineer
 * signs the head (Ed25519); a reviewer countersigns the head and the engineer's signature.
 * Pure: the CLI (`npm run verify-report`) checks a file with this module and report/verify.ts only.
 */
import type { StepAmounts, StepEvidence } from '../../../shared/contract/fieldtest'
import type { ServerText } from '../../../shared/server-text'
import { canonicalJson, sha256Hex } from './canonical'

export const REPORT_FORMAT = 'paydesk.fieldtest.report/1'

export interface ReportHeader {
  runId: number
  app: { name: string; version: string }
  channel: { id: number; name: string; provider: string; currency: string }
  plan: { id: number; name: string; version: number }
  target: 'live' | 'simulator'
  /** The faults a rehearsal switched on in the simulator. */
  faults: { behaviour: string; amountPattern?: string; delayMs?: number; partialPercent?: number }[]
  caps: { maxOrders: number; maxAmount: string }
  status: string
  ranBy: { userId: number; username: string; displayName: string }
  confirmedBy: string | null
  startedAt: number
  confirmedAt: number | null
  finishedAt: number | null
  /** The business time zone the times are shown in (the tenant's). */
  timeZone: string
  createdAt: number
  totals: { steps: number; passed: number; failed: number; blocked: number; skipped: number; orders: number; currency: string; requested: string; paid: string; fees: string }
}

export interface ReportStep {
  index: number
  title: string
  /** A generated title as a catalog text (the page shows it in its language); absent for the engineer's own words and in reports signed before it was kept. */
  titleText?: ServerText
  action: string
  purpose: string
  /** What the step was told: service, amount, fields (card and account numbers masked), target step, refund kind, seconds. */
  inputs: Record<string, unknown>
  expect: Record<string, unknown>
  status: string
  cause: { code: string | null; text: ServerText | null; english: string | null }
  orderNo: string | null
  refundNo: string | null
  requestKey: string | null
  amounts: StepAmounts | null
  signature: string
  duplicates: number
  callbackDelayMs: number | null
  startedAt: number | null
  finishedAt: number | null
  evidence: StepEvidence | null
}

export interface ReportSignature {
  role: 'engineer' | 'reviewer'
  userId: number
  username: string
  displayName: string
  /** Ed25519, SPKI DER, base64. */
  publicKey: string
  fingerprint: string
  signedAt: number
  /** Base64, over `signaturePayload`. */
  signature: string
}

export interface ReportChain {
  algorithm: 'sha256'
  header: string
  steps: string[]
  head: string
}

export interface ReportDocument {
  format: typeof REPORT_FORMAT
  header: ReportHeader
  steps: ReportStep[]
  chain: ReportChain
  signatures: ReportSignature[]
}

export function headerHash(format: string, header: unknown): string {
  return sha256Hex(canonicalJson({ format, header }))
}

export function stepHash(previous: string, step: unknown): string {
  return sha256Hex(canonicalJson({ previous, step }))
}

export function chainOf(header: ReportHeader, steps: ReportStep[]): ReportChain {
  const first = headerHash(REPORT_FORMAT, header)
  const links: string[] = []
  for (const step of steps) links.push(stepHash(links.at(-1) ?? first, step))
  return { algorithm: 'sha256', header: first, steps: links, head: links.at(-1) ?? first }
}

/** What a signature signs: the head and who signs it, when; a reviewer's also the engineer's signature. */
export function signaturePayload(format: string, head: string, signature: Omit<ReportSignature, 'signature'>, engineerSignature: string | null): string {
  const { role, userId, username, displayName, publicKey, fingerprint, signedAt } = signature
  return canonicalJson({ format, head, role, userId, username, displayName, publicKey, fingerprint, signedAt, ...(role === 'reviewer' ? { engineerSignature } : {}) })
}
