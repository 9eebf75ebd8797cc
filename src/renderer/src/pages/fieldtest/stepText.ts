/** How a plan step reads in a table: its expectations as short words, its inputs in one line. */
import type { TFunction } from 'i18next'
import type { PlanDetail, PlanStepInput, StepResult } from '../../../../shared/contract/fieldtest'
import { numberedByTarget } from '../../../../shared/fieldtest-titles'
import { serviceType, type OrderField } from '../../../../shared/reference'
import { isServerText, translateServerText, type ServerText, type Translate } from '../../../../shared/server-text'
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

/** A catalog text through `t` (its serverText namespace). */
const serverText = (t: TFunction, text: ServerText) => translateServerText(t as unknown as Translate, text)

/**
 * A step's title in the reader's language: a generated one from its catalog text (one naming
 * another step numbered after its target, as the save stores it), the engineer's own as written.
 */
export function stepTitle(step: { title: string; text?: unknown; titleText?: ServerText | null; target?: number }, t: TFunction): string {
  const text = isServerText(step.text) ? step.text : step.titleText
  return text ? serverText(t, numberedByTarget(text, step.target)) : step.title
}

/** A service of the channel as people tell them apart: merchant, type by its name, direction, currency. */
export function serviceName(service: { merchantName: string; serviceType: string; direction: 'deposit' | 'payout'; currency: string }, t: TFunction, withCurrency = true): string {
  const type = serviceType(service.serviceType) ? serverText(t, { code: `value.serviceType.${service.serviceType}` }) : service.serviceType
  return [service.merchantName, type, serverText(t, { code: `value.directionWord.${service.direction}` }), ...(withCurrency ? [service.currency] : [])].join(' · ')
}

const ORDER_FIELDS: Record<OrderField, true> = { payerName: true, cardNumber: true, remarkCode: true, bankCode: true, phone: true, idNumber: true, recipientName: true, recipientAccount: true, network: true }

/** An order field by the name the order form gives it (one it does not know, as it is). */
export function fieldName(field: string, t: TFunction): string {
  return Object.hasOwn(ORDER_FIELDS, field) ? serverText(t, { code: `value.orderField.${field}` as ServerText['code'] }) : field
}

export function inputText(step: PlanStepInput, services: PlanDetail['services'], t: TFunction): string {
  const service = services.find((s) => s.id === step.serviceId)
  return [
    service ? serviceName(service, t) : '',
    step.amount ? (service ? formatAmount(step.amount, service.currency) : step.amount) : '',
    step.refund ? t(`fieldtest.plans.refundKinds.${step.refund}`) : '',
    step.target !== undefined ? t('fieldtest.plans.targetStep', { n: step.target + 1 }) : '',
    step.seconds !== undefined ? t('fieldtest.seconds', { n: step.seconds }) : '',
    ...Object.entries(step.fields ?? {}).map(([k, v]) => t('fieldtest.plans.fieldValue', { field: fieldName(k, t), value: v }))
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
