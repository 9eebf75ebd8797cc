/**
 * How layout 5 of the report's page (html.ts) words a step's inputs and expectations: labelled
 * fields in the page's language (order fields and service types by the names the app gives them,
 * outcomes by their names, money with grouping and its currency), where older layouts wrote the
 * stored keys, JSON and codes. Only the page changes: the signed JSON keeps the keys and codes.
 */
import { formatAmount } from '../../../shared/money-text'
import { serviceType } from '../../../shared/reference'
import { verbatim, type ServerText } from '../../../shared/server-text'
import type { ReportStep } from './document'
import { inCatalog, textIn, type ReportLanguage } from './text'

const WORDS = {
  en: {
    service: 'Service',
    serviceOf: '{type} (service {id})',
    serviceNo: 'service {id}',
    amount: 'Amount',
    target: 'Acts on',
    targetStep: 'step {n}',
    refund: 'Refund',
    refundKinds: { partial: 'partial', full: 'full' } as Record<string, string>,
    seconds: 'Waits',
    secondsText: '{n} s',
    outcome: 'Outcome',
    callbackWithinSeconds: 'Callback within {n} s',
    flags: { signatureValid: 'signature valid', noDuplicates: 'no repeated callback', amountExact: 'amounts exact', feeExact: 'fees exact' } as Record<string, string>,
    colon: ': ',
    separator: '; '
  },
  'zh-CN': {
    service: '服务',
    serviceOf: '{type}（服务 {id}）',
    serviceNo: '服务 {id}',
    amount: '金额',
    target: '作用于',
    targetStep: '第 {n} 步',
    refund: '退款',
    refundKinds: { partial: '部分', full: '全额' } as Record<string, string>,
    seconds: '等待',
    secondsText: '{n} 秒',
    outcome: '结果',
    callbackWithinSeconds: '{n} 秒内回调',
    flags: { signatureValid: '签名有效', noDuplicates: '回调无重复', amountExact: '金额一致', feeExact: '手续费一致' } as Record<string, string>,
    colon: '：',
    separator: '；'
  }
} satisfies Record<ReportLanguage, unknown>

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))

/** A catalog word in the page's language; a code the catalog does not know, as it is. */
function word(language: ReportLanguage, code: string, raw: string, known = inCatalog(code)): string {
  return textIn(language, known ? ({ code } as ServerText) : verbatim(raw))
}

/** Money as the app writes it: "60,000.00 CNY". */
export const moneyWords = (amount: string, currency: string): string => formatAmount(amount, currency)

/** The step's inputs as labelled fields: "Service: CNY bank card (service 3); Amount: 500.00 CNY; Payer name: Li Wei". */
export function inputsWords(step: ReportStep, language: ReportLanguage, currency: string): string {
  const w = WORDS[language]
  const i = step.inputs as { serviceId?: number; serviceType?: string; amount?: string; fields?: Record<string, string>; target?: number; refund?: string; seconds?: number }
  const parts: string[] = []
  const pair = (label: string, value: string) => parts.push(`${label}${w.colon}${value}`)
  if (i.serviceType !== undefined || i.serviceId !== undefined) {
    const type = i.serviceType === undefined ? null : word(language, `value.serviceType.${i.serviceType}`, i.serviceType, serviceType(i.serviceType) !== undefined)
    const id = i.serviceId === undefined ? null : i.serviceId
    pair(w.service, type !== null && id !== null ? fill(w.serviceOf, { type, id }) : (type ?? fill(w.serviceNo, { id: id ?? '' })))
  }
  if (i.amount !== undefined) pair(w.amount, moneyWords(i.amount, currency))
  for (const [field, value] of Object.entries(i.fields ?? {})) pair(word(language, `value.orderField.${field}`, field), value)
  if (i.target !== undefined) pair(w.target, fill(w.targetStep, { n: i.target + 1 }))
  if (i.refund !== undefined) pair(w.refund, w.refundKinds[i.refund] ?? i.refund)
  if (i.seconds !== undefined) pair(w.seconds, fill(w.secondsText, { n: i.seconds }))
  return parts.join(w.separator)
}

/** What the step expected, in words: "Outcome: refused before sending; Callback within 5 s; signature valid". */
export function expectWords(step: ReportStep, language: ReportLanguage): string {
  const w = WORDS[language]
  const e = step.expect as { outcome?: string; callbackWithinSeconds?: number } & Record<string, unknown>
  const parts: string[] = []
  if (e.outcome !== undefined) parts.push(`${w.outcome}${w.colon}${word(language, `value.stepOutcome.${e.outcome}`, e.outcome)}`)
  if (e.callbackWithinSeconds !== undefined) parts.push(fill(w.callbackWithinSeconds, { n: e.callbackWithinSeconds }))
  for (const [key, flag] of Object.entries(w.flags)) if (e[key] === true) parts.push(flag)
  return parts.join(w.separator)
}
