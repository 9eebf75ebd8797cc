/**
 * A test plan generated from what PayDesk already knows of a channel (docs/field-testing.md,
 * "Plans"): for each service bound to it, the boundary values around its available range in the
 * currency's minor unit (lower − 1 unit refused, lower accepted, upper accepted, upper + 1 refused;
 * a pair with no range is one step that expects the refusal naming why), an order with the
 * service type's required fields filled with valid values (bank codes from the bank lists) that
 * is paid and checked four ways with its fees, a callback check and a status query on it, a
 * partial refund of it (deposits), a payout held and released (payouts).
 *
 * Pure: the caller reads the channel, its services and their ranges (`ServiceOnChannel`).
 */
import { REPORT_LANGUAGES, type PlanStepInput } from '../../../shared/contract/fieldtest'
import { fromMinor } from '../../../shared/money'
import { moneyText } from '../../../shared/money-text'
import { say, type ServerText } from '../../../shared/server-text'
import { textIn, type ReportLanguage } from '../report/text'
import { BANKS, serviceType, type OrderField } from '../../../shared/reference'
import { serviceLabel } from './titles'

export interface ServiceOnChannel {
  id: number
  serviceType: string
  direction: 'deposit' | 'payout'
  currency: string
  usable: boolean
  /** Minor units; 0 = no bound on that side. */
  lower: number
  upper: number
  /** Why the pair takes no orders (no range, disabled …): the unusable step's title says it, in the plan's language. */
  reason: ServerText | null
}

/** How long a generated step waits for the provider's callback: a payer paying by hand needs minutes. */
export const DEPOSIT_CALLBACK_SECONDS = 120
export const PAYOUT_CALLBACK_SECONDS = 60
/** How long a callback check watches for repeats after the first callback. */
export const CALLBACK_CHECK_SECONDS = 5

/** Names that pass the person-name rule, per market, so a step reads like an order of that market. */
const PEOPLE: Record<string, string> = { CNY: 'Li Wei', THB: 'Somchai Prasert', VND: 'Nguyen Van An', IDR: 'Budi Santoso', BRL: 'Ana Souza', USDT: 'Daniel Ho' }

/** A valid value of each field a service type requires (order-fields.ts checks them). */
export function validFields(typeCode: string, direction: 'deposit' | 'payout', currency: string): Record<string, string> {
  const type = serviceType(typeCode)
  if (!type) return {}
  const wanted: OrderField[] = direction === 'deposit' ? type.depositFields : type.payoutFields
  const person = PEOPLE[currency] ?? 'Field Engineer'
  const usdt = type.code === 'USDT'
  const values: Record<OrderField, string> = {
    payerName: person,
    recipientName: person,
    cardNumber: '6222020200112233445',
    remarkCode: 'FT0001',
    bankCode: type.bankList ? BANKS[type.bankList][0].code : '',
    phone: '+5511955550105',
    // A CPF with its check digits (Brazil); any other market takes 5–30 letters or digits.
    idNumber: type.code === 'BRAZILIAN' ? '52998224725' : 'ID0012345',
    recipientAccount: usdt ? 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE' : '6222020200998877665',
    network: 'TRC20'
  }
  return Object.fromEntries(wanted.map((field) => [field, values[field]]))
}


/**
 * The steps for one service, appended to `steps` (targets are indices into the whole plan).
 * Amounts are the range's edges exactly, one minor unit outside them, in the currency's digits.
 */
function serviceSteps(service: ServiceOnChannel, steps: PlanStepInput[], language: ReportLanguage): void {
  const money = (minor: number) => fromMinor(minor, service.currency)
  // A title names the amount as the screens write money; the step's amount stays the decimal the form takes.
  const spoken = (minor: number) => moneyText(minor, service.currency)
  const fields = validFields(service.serviceType, service.direction, service.currency)
  const label = serviceLabel(service)
  // The title as a catalog text (each reader reads it in their language) and, beside it, its rendering in the plan's language.
  const title = (code: Parameters<typeof say>[0], params: Record<string, string | number | ServerText> = {}) => {
    const text = say(code, { label, ...params })
    return { title: textIn(language, text), text }
  }
  const base = { action: service.direction, serviceId: service.id, fields } as const
  if (!service.usable) {
    // "No range" is shown as unusable: the order is refused before anything is sent, naming why.
    const probe = service.lower > 0 ? service.lower : 1
    const reason = service.reason ?? say('fieldtest.gen.noRange')
    steps.push({ ...base, purpose: 'unusable', ...title('fieldtest.gen.unusable', { reason }), amount: money(probe), expect: { outcome: 'refused_locally' } })
    return
  }
  const { lower, upper } = service
  if (lower > 1) steps.push({ ...base, purpose: 'below_lower', ...title('fieldtest.gen.belowLower', { amount: spoken(lower - 1) }), amount: money(lower - 1), expect: { outcome: 'refused_locally' } })
  const smallest = lower > 0 ? lower : 1
  steps.push({ ...base, purpose: 'at_lower', ...title('fieldtest.gen.atLower', { amount: spoken(smallest) }), amount: money(smallest), expect: { outcome: 'accepted', amountExact: true } })
  if (upper > 0) {
    steps.push({ ...base, purpose: 'at_upper', ...title('fieldtest.gen.atUpper', { amount: spoken(upper) }), amount: money(upper), expect: { outcome: 'accepted', amountExact: true } })
    steps.push({ ...base, purpose: 'above_upper', ...title('fieldtest.gen.aboveUpper', { amount: spoken(upper + 1) }), amount: money(upper + 1), expect: { outcome: 'refused_locally' } })
  }
  if (service.direction === 'payout') {
    steps.push({
      ...base,
      purpose: 'payout_hold',
      ...title('fieldtest.gen.payoutHold', { amount: spoken(smallest) }),
      amount: money(smallest),
      expect: { outcome: 'paid', callbackWithinSeconds: PAYOUT_CALLBACK_SECONDS, signatureValid: true, amountExact: true, feeExact: true }
    })
    return
  }
  const paidIndex = steps.length
  steps.push({
    ...base,
    purpose: 'fields',
    ...title('fieldtest.gen.fields', { amount: spoken(smallest) }),
    amount: money(smallest),
    expect: { outcome: 'paid', callbackWithinSeconds: DEPOSIT_CALLBACK_SECONDS, signatureValid: true, amountExact: true, feeExact: true }
  })
  steps.push({ action: 'callback_check', purpose: 'callback', ...title('fieldtest.gen.callback', { n: paidIndex + 1 }), target: paidIndex, seconds: CALLBACK_CHECK_SECONDS, expect: { signatureValid: true, noDuplicates: true } })
  steps.push({ action: 'query', purpose: 'status_query', ...title('fieldtest.gen.query', { n: paidIndex + 1 }), target: paidIndex, expect: { outcome: 'paid' } })
  // Half, rounded down to a whole minor unit, and at least one unit: a partial refund.
  const half = Math.max(1, Math.floor(smallest / 2))
  if (half < smallest) {
    steps.push({ action: 'refund', purpose: 'partial_refund', ...title('fieldtest.gen.partialRefund', { n: paidIndex + 1, amount: spoken(half) }), target: paidIndex, refund: 'partial', amount: money(half), expect: { outcome: 'paid', amountExact: true, feeExact: true } })
  }
}

/** Deposits first (their payments fund the payouts' merchant balance), each direction by service type. */
export function generateSteps(services: readonly ServiceOnChannel[], language: ReportLanguage = 'en'): PlanStepInput[] {
  const ordered = [...services].sort((a, b) => (a.direction === b.direction ? a.serviceType.localeCompare(b.serviceType) || a.id - b.id : a.direction === 'deposit' ? -1 : 1))
  const steps: PlanStepInput[] = []
  for (const service of ordered) serviceSteps(service, steps, language)
  return steps
}

type NotedService = Pick<ServiceOnChannel, 'serviceType' | 'direction'>

/** Names one after another, joined as each language joins a list ("a, b" / "a、b"). */
function listText(names: ServerText[]): ServerText | string {
  if (names.length === 0) return ''
  return names.slice(1).reduce<ServerText>((head, tail) => say('fieldtest.gen.listJoin', { head, tail }), names[0])
}

/**
 * The first version's note as a catalog text: which of the channel's services it was generated
 * from, each by its direction and type, so each reader reads it in their language.
 */
export function generatedNoteText(chosen: readonly NotedService[], bound: number): ServerText {
  const list = listText(chosen.map((s) => serviceLabel(s)))
  return chosen.length === bound ? say('fieldtest.gen.noteAll', { services: chosen.length, list }) : say('fieldtest.gen.noteSome', { services: chosen.length, of: bound, list })
}

/** The note as stored: its rendering in the plan's language, like a typed note (the column is text). */
export function generatedNote(chosen: readonly NotedService[], bound: number, language: ReportLanguage = 'en'): string {
  return textIn(language, generatedNoteText(chosen, bound))
}

/**
 * A stored note's catalog text when it is the generated note of a plan made of these services
 * (those of its first version, in the channel's order), in either language; null for a note the
 * engineer typed. How many services the channel had then is read back from the note itself.
 */
export function noteTextOf(note: string, chosen: readonly NotedService[]): ServerText | null {
  if (!note || chosen.length === 0) return null
  const all = generatedNoteText(chosen, chosen.length)
  if (REPORT_LANGUAGES.some((language) => textIn(language, all) === note)) return all
  const MARK = '\u0000'
  for (const language of REPORT_LANGUAGES) {
    const [before, after] = textIn(language, say('fieldtest.gen.noteSome', { services: chosen.length, of: MARK, list: listText(chosen.map((s) => serviceLabel(s))) })).split(MARK)
    if (after === undefined || !note.startsWith(before) || !note.endsWith(after)) continue
    const of = note.slice(before.length, note.length - after.length)
    if (/^\d{1,4}$/.test(of) && Number(of) > chosen.length) return generatedNoteText(chosen, Number(of))
  }
  return null
}
