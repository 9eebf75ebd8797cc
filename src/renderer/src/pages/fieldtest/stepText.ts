/** How a plan step reads in a table: its expectations as short words, its inputs in one line. */
import type { TFunction } from 'i18next'
import type { PlanDetail, PlanStepInput, StepResult } from '../../../../shared/contract/fieldtest'
import { formatAmount } from '../../format/amount'

export function expectationText(step: PlanStepInput, t: TFunction): string {
  const e = step.expect ?? {}
  return [
    e.outcome ? t(`fieldtest.plans.outcomes.${e.outcome}`) : '',
    e.callbackWithinSeconds !== undefined ? t('fieldtest.plans.expectations.callbackWithinSeconds', { n: e.callbackWithinSeconds }) : '',
    e.signatureValid ? t('fieldtest.plans.expectations.signatureValid') : '',
    e.noDuplicates ? t('fieldtest.plans.expectations.noDuplicates') : '',
    e.amountExact ? t('fieldtest.plans.expectations.amountExact') : '',
    e.feeExact ? t('fieldtest.plans.expectations.feeExact') : ''
  ]
    .filter(Boolean)
    .join(' · ')
}

export function inputText(step: PlanStepInput, services: PlanDetail['services'], t: TFunction): string {
  const service = services.find((s) => s.id === step.serviceId)
  return [
    service ? `${service.merchantName} · ${service.serviceType}` : '',
    step.amount ? (service ? formatAmount(step.amount, service.currency) : step.amount) : '',
    step.refund ? t(`fieldtest.plans.refundKinds.${step.refund}`) : '',
    step.target !== undefined ? t('fieldtest.plans.targetStep', { n: step.target + 1 }) : '',
    step.seconds !== undefined ? t('fieldtest.seconds', { n: step.seconds }) : '',
    ...Object.entries(step.fields ?? {}).map(([k, v]) => `${k}=${v}`)
  ]
    .filter(Boolean)
    .join(' · ')
}

/** Steps after one is removed: later targets move up one; a target on the removed step is left for the engineer to choose again. */
export function withoutStep(steps: PlanStepInput[], index: number): PlanStepInput[] {
  return steps
    .filter((_, i) => i !== index)
    .map((s) => (s.target === undefined ? s : s.target === index ? { ...s, target: undefined } : s.target > index ? { ...s, target: s.target - 1 } : s))
}

/** Steps with two neighbours swapped, their targets following them. */
export function swapSteps(steps: PlanStepInput[], a: number, b: number): PlanStepInput[] {
  const moved = steps.map((s) => (s.target === a ? { ...s, target: b } : s.target === b ? { ...s, target: a } : s))
  ;[moved[a], moved[b]] = [moved[b], moved[a]]
  return moved
}

/** The four amounts of a step in one line, each with its currency: requested → upstream → callback → ledger ('—': not stated). */
export function amountsLine(step: Pick<StepResult, 'amounts'>): string {
  const a = step.amounts
  if (!a) return ''
  return [a.requested, a.acceptedUpstream, a.paidInCallback, a.postedToLedger].map((v) => (v === null ? '—' : formatAmount(v, a.currency))).join(' → ')
}
