/**
 * Generated step titles as catalog texts: the label a generated title starts with, the save that
 * keeps (and renumbers) them, and the text found again for a step stored before titles were kept
 * as catalog texts, so such a step reads in the reader's language too.
 */
import { REPORT_LANGUAGES, type PlanStep } from '../../../shared/contract/fieldtest'
import { numberedByTarget } from '../../../shared/fieldtest-titles'
import { fromMinor, readAmount } from '../../../shared/money'
import { moneyText } from '../../../shared/money-text'
import { serviceType } from '../../../shared/reference'
import { say, term, verbatim, type ServerText, type ServerTextCode } from '../../../shared/server-text'
import { textIn, type ReportLanguage } from '../report/text'

type Direction = 'deposit' | 'payout'

/** The type by its name in each language (a code the reference data does not know, as it is). */
export function typeText(code: string): ServerText {
  return serviceType(code) ? { code: `value.serviceType.${code}` } : verbatim(code)
}

/** "Deposit CNY bank card": what a generated title and note name a service by. */
export function serviceLabel(s: { serviceType: string; direction: Direction }, type: ServerText = typeText(s.serviceType)): ServerText {
  return say('fieldtest.gen.label', { direction: term('direction', s.direction), type })
}

/** The language a title is a rendering of the text in, if any. */
export function languageOf(text: ServerText, title: string): ReportLanguage | undefined {
  return REPORT_LANGUAGES.find((language) => textIn(language, text) === title)
}

/**
 * A step keeps its generated text only while its title is that text in one of the languages
 * (the engineer may have opened it in either): a rewritten title is the engineer's own words, and
 * a text that is not a generated title is not kept either. A kept title that names another step
 * is renumbered after its target, in the language it was written in (the steps may have moved).
 */
export function ownTitles(steps: PlanStep[]): PlanStep[] {
  return steps.map(({ text, ...step }) => {
    if (!text || !text.code.startsWith('fieldtest.gen.')) return step
    const renumbered = numberedByTarget(text, step.target)
    const language = languageOf(text, step.title) ?? languageOf(renumbered, step.title)
    return language ? { ...step, title: textIn(language, renumbered), text: renumbered } : step
  })
}

const PURPOSE_CODES: Partial<Record<PlanStep['purpose'], ServerTextCode>> = {
  below_lower: 'fieldtest.gen.belowLower',
  at_lower: 'fieldtest.gen.atLower',
  at_upper: 'fieldtest.gen.atUpper',
  above_upper: 'fieldtest.gen.aboveUpper',
  unusable: 'fieldtest.gen.unusable',
  fields: 'fieldtest.gen.fields',
  payout_hold: 'fieldtest.gen.payoutHold',
  callback: 'fieldtest.gen.callback',
  status_query: 'fieldtest.gen.query',
  partial_refund: 'fieldtest.gen.partialRefund'
}

/** Quote marks as the earliest plans wrote them (straight), so a title of then still matches. */
const plain = (s: string) => s.replace(/[’‘]/g, "'")

/**
 * The catalog text of a step saved before generated titles were kept as texts (no `text`), found
 * again from its purpose and inputs: the text whose rendering, in either language and in any of
 * the ways generated titles were written (a type by its code or its name, an amount as a decimal
 * or as the screens write money), is the stored title. Null when none is: the engineer's words.
 * `service` is the step's own service (orders) or its target's (a refund's currency).
 */
export function regeneratedTitle(step: PlanStep, service: { serviceType: string; direction: Direction; currency: string } | undefined): ServerText | null {
  const code = PURPOSE_CODES[step.purpose]
  if (!code || step.text) return null
  const orderStep = step.action === 'deposit' || step.action === 'payout'
  if ((orderStep || step.amount !== undefined) && !service) return null
  const minor = step.amount === undefined || !service ? null : readAmount(step.amount, service.currency)
  if (minor && !minor.ok) return null
  // Each parameter in the ways it was written over time; the first of each is today's.
  const labels = orderStep && service ? [serviceLabel(service), serviceLabel(service, verbatim(service.serviceType))] : [null]
  const amounts = minor?.ok && service ? [moneyText(minor.minor, service.currency), fromMinor(minor.minor, service.currency)] : [null]
  const reason = code === 'fieldtest.gen.unusable' ? say('fieldtest.gen.noRange') : null
  const textOf = (label: ServerText | null, amount: string | null): ServerText => {
    const params: Record<string, string | number | ServerText> = {}
    if (label) params.label = label
    if (amount !== null) params.amount = amount
    if (step.target !== undefined) params.n = step.target + 1
    if (reason) params.reason = reason
    return say(code, params)
  }
  const wanted = plain(step.title)
  for (const label of labels)
    for (const amount of amounts)
      if (REPORT_LANGUAGES.some((language) => plain(textIn(language, textOf(label, amount))) === wanted)) return textOf(labels[0], amounts[0])
  return null
}
