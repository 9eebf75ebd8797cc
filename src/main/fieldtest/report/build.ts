/**
 * A run's report, built from what the run stored (each step's outcome, cause, amounts and
 * evidence), signed by the engineer, countersigned by a reviewer. Evidence is already masked
 * (exchanges and callbacks are stored masked); the step inputs' card and account numbers are
 * masked here as everywhere else.
 */
import { eq } from 'drizzle-orm'
import { SEALED_ORDER_FIELDS } from '../../../shared/contract/orders'
import { Decimal, fromMinor, readAmount } from '../../../shared/money'
import { inEnglish } from '../../core/text'
import type { SecretBox } from '../../core/secrets'
import { channels, fieldtestPlans, services, users } from '../../db/schema'
import type { Tx } from '../../db/transaction'
import { maskAccount } from '../../upstream/mask'
import { runRowOf, stepEvidenceOf, stepResultOf } from '../runs/read'
import { runSteps, stepOf, type Run } from '../runs/store'
import { chainOf, REPORT_FORMAT, signaturePayload, type ReportDocument, type ReportHeader, type ReportSignature, type ReportStep } from './document'
import { signingKeyOf } from './keys'

const SEALED = new Set<string>(SEALED_ORDER_FIELDS)

export function buildReport(tx: Tx, run: Run, context: { version: string; timeZone: string; now: number }): { header: ReportHeader; steps: ReportStep[] } {
  const row = runRowOf(tx, run)
  const channel = tx.select({ name: channels.name, provider: channels.provider, currency: channels.currency }).from(channels).where(eq(channels.id, run.channelId)).get()!
  const plan = tx.select({ name: fieldtestPlans.name }).from(fieldtestPlans).where(eq(fieldtestPlans.id, run.planId)).get()!
  const user = tx.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, run.startedBy)).get()!
  const rows = runSteps(tx, run.id)
  const steps: ReportStep[] = rows.map((r) => {
    const step = stepOf(r)
    const result = stepResultOf(tx, r)
    const serviceType = step.serviceId === undefined ? undefined : tx.select({ type: services.serviceType }).from(services).where(eq(services.id, step.serviceId)).get()?.type
    const fields = step.fields ? Object.fromEntries(Object.entries(step.fields).map(([k, v]) => [k, SEALED.has(k) ? maskAccount(v) : v])) : undefined
    return {
      index: r.stepIndex,
      title: step.title,
      ...(result.titleText ? { titleText: result.titleText } : {}),
      action: step.action,
      purpose: step.purpose ?? 'custom',
      inputs: { serviceId: step.serviceId, serviceType, amount: step.amount, fields, target: step.target, refund: step.refund, seconds: step.seconds },
      expect: step.expect ?? {},
      status: r.status,
      cause: { code: r.causeCode, text: r.cause, english: r.cause ? inEnglish(r.cause) : null },
      orderNo: result.orderNo,
      refundNo: result.refundNo,
      requestKey: r.requestKey,
      amounts: result.amounts,
      signature: result.signature,
      duplicates: result.duplicates,
      callbackDelayMs: result.callbackDelayMs,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      evidence: stepEvidenceOf(r)
    }
  })
  // Totals in the channel's currency: what the provider reported paid and the fees posted, each
  // order and refund once. A query or callback check repeats its order's amounts: the last step
  // about an order or refund holds them as the run left them (a deposit paid after its own step).
  const latest = new Map<string, ReportStep>()
  for (const s of steps) {
    const about = s.refundNo ? `refund ${s.refundNo}` : s.orderNo ? `order ${s.orderNo}` : null
    if (about && s.amounts) latest.set(about, s)
  }
  const sum = (pick: (s: ReportStep) => string | null | undefined, only?: 'orders') =>
    fromMinor(
      [...latest.values()].reduce((total, s) => {
        if (only === 'orders' && s.refundNo) return total
        const text = s.amounts && s.amounts.currency === run.currency ? pick(s) : null
        const read = text ? readAmount(text, run.currency) : null
        return read?.ok ? new Decimal(total).plus(read.minor).toNumber() : total
      }, 0),
      run.currency
    )
  const header: ReportHeader = {
    runId: run.id,
    app: { name: 'PayDesk', version: context.version },
    channel: { id: run.channelId, name: channel.name, provider: channel.provider, currency: channel.currency },
    plan: { id: run.planId, name: plan.name, version: run.planVersion },
    target: run.target,
    faults: row.faults,
    caps: row.caps,
    status: run.status,
    ranBy: { userId: run.startedBy, username: user.username, displayName: user.displayName },
    confirmedBy: row.confirmedBy,
    startedAt: run.startedAt,
    confirmedAt: run.confirmedAt,
    finishedAt: run.finishedAt,
    timeZone: context.timeZone,
    createdAt: context.now,
    totals: {
      steps: row.totals.steps,
      passed: row.totals.passed,
      failed: row.totals.failed,
      blocked: row.totals.blocked,
      skipped: row.totals.skipped,
      orders: row.totals.orders,
      currency: run.currency,
      requested: row.totals.amount,
      paid: sum((s) => s.amounts?.postedToLedger, 'orders'),
      fees: sum((s) => s.amounts?.feePosted)
    }
  }
  return { header, steps }
}

interface Signer {
  userId: number
  username: string
  displayName: string
}

/** A signature of the document by the signer's key (made on first use). */
export function signDocument(tx: Tx, secrets: SecretBox, doc: Omit<ReportDocument, 'signatures'> & { signatures: ReportSignature[] }, role: ReportSignature['role'], signer: Signer, now: number): ReportSignature {
  const key = signingKeyOf(tx, secrets, signer.userId, now)
  const unsigned = { role, userId: signer.userId, username: signer.username, displayName: signer.displayName, publicKey: key.publicKey, fingerprint: key.fingerprint, signedAt: now }
  const engineer = doc.signatures.find((s) => s.role === 'engineer')?.signature ?? null
  return { ...unsigned, signature: key.sign(signaturePayload(REPORT_FORMAT, doc.chain.head, unsigned, engineer)) }
}

export function newDocument(header: ReportHeader, steps: ReportStep[]): ReportDocument {
  return { format: REPORT_FORMAT, header, steps, chain: chainOf(header, steps), signatures: [] }
}
