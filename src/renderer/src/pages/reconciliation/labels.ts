/**
 * Reconciliation's codes as people read them: break types and statuses, decisions, the likely
 * causes a run groups breaks by (RECONCILIATION.md §6: one reason clears a group), line kinds and
 * the fields a profile maps. A code the catalog does not know is shown as it came.
 */
import type { TFunction } from 'i18next'
import type { BreakType } from '../../../../shared/contract/reconciliation'
import type { ServerText } from '../../../../shared/server-text'
import { causeParts, ppmAsPercent } from '../../../../shared/recon-labels'
import { enRecon } from '../../i18n/en.recon'

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key)

type Group = 'breakTypes' | 'breakStatuses' | 'resolutions' | 'actions' | 'events' | 'lineKinds' | 'lineStatuses' | 'fields' | 'jobStates'

/** A code of one of the catalog's groups (`recon.breakTypes.duplicate`), or the code itself. */
export function reconLabel(t: TFunction, group: Group, code: string | null | undefined): string {
  if (code === null || code === undefined) return ''
  const labels = enRecon.recon[group] as Record<string, string>
  return has(labels, code) ? t(`recon.${group}.${code}` as never) : code
}

export const breakTypeLabel = (t: TFunction, type: BreakType | string) => reconLabel(t, 'breakTypes', type)

/** Which request a break waits on: a write-off or an ignore over the four-eyes threshold (recon.closeRequested), else accepting theirs. */
function closeRequested(text: ServerText | null | undefined): 'write_off' | 'ignore' | null {
  if (text?.code !== 'recon.closeRequested') return null
  const what = (text.params as { what?: ServerText } | undefined)?.what
  return what?.code === 'fourEyes.what.reconIgnore' ? 'ignore' : 'write_off'
}

/** A history entry's decision: a write-off or ignore waiting for a second user is named as such, not "Accept theirs requested". */
export function historyEventLabel(t: TFunction, entry: { action: string; text: ServerText | null }): string {
  const close = entry.action === 'requested' ? closeRequested(entry.text) : null
  return reconLabel(t, 'events', close === null ? entry.action : close === 'ignore' ? 'ignoreRequested' : 'writeOffRequested')
}

/** What a decision that waits for a second user asked, for the notice after it: accepting theirs, a write-off or an ignore. */
export function awaitingNotice(t: TFunction, id: number, action: string): string {
  if (action === 'write_off') return t('recon.resolve.awaitingWriteOff', { id })
  if (action === 'ignore') return t('recon.resolve.awaitingIgnore', { id })
  return t('recon.resolve.awaiting', { id })
}

export { ppmAsPercent } from '../../../../shared/recon-labels'

/**
 * A cause key as a sentence (shared/recon-labels.ts causeText is the export's): the fixed ones from the catalog, `rate:<ratio>` and `fee_rate:<ppm>`
 * with their value, a break type by its name; anything else as it came.
 */
export function causeLabel(t: TFunction, causeKey: string): string {
  const [kind, value] = causeParts(causeKey)
  if (kind === 'rate') return t('recon.causes.rate', { rate: value })
  if (kind === 'fee_rate') return t('recon.causes.feeRate', { rate: ppmAsPercent(value) })
  if (!value && has(enRecon.recon.causes, kind)) return t(`recon.causes.${kind as keyof typeof enRecon.recon.causes}`)
  if (!value && has(enRecon.recon.breakTypes, kind)) return breakTypeLabel(t, kind)
  return causeKey
}

/** The built-in profiles' control names (and the bank formats' defaults), as catalog keys. */
const CONTROL_NAMES: Record<string, keyof typeof enRecon.recon.controls.names> = {
  'alipay.trades': 'alipayTrades',
  'alipay.refunds': 'alipayRefunds',
  'wechat.summary': 'wechatSummary',
  'simulator.totals': 'simulatorTotals',
  camt: 'camt',
  mt940: 'mt940'
}

/** The figures a reader appends to a control's name: a count, a line field's sum, a bank statement's totals and balances. */
const CONTROL_FIGURES: Record<string, keyof typeof enRecon.recon.controls.figures> = {
  count: 'count',
  received: 'received',
  gross: 'gross',
  fee: 'fee',
  net: 'net',
  'TtlNtries.NbOfNtries': 'entriesCount',
  'TtlNtries.Sum': 'entriesSum',
  'TtlNtries.TtlNetNtryAmt': 'entriesNet',
  'TtlCdtNtries.NbOfNtries': 'creditsCount',
  'TtlCdtNtries.Sum': 'creditsSum',
  'TtlDbtNtries.NbOfNtries': 'debitsCount',
  'TtlDbtNtries.Sum': 'debitsSum',
  'OPBD+entries=CLBD': 'balances',
  '60F+61=62F': 'balances'
}

/**
 * A control total's name as people read it (`simulator.totals.gross` → "Simulator totals · gross
 * amount"): the built-in names and the figures the reader appends from the catalog, a bank
 * statement's id between them; a name the profile's author chose and a summary header the file
 * writes (WeChat's 应结订单总金额) are the file's own words and stay as they are.
 */
export function controlLabel(t: TFunction, name: string): string {
  const builtIn = Object.keys(CONTROL_NAMES)
    .filter((code) => name === code || name.startsWith(`${code}.`))
    .sort((a, b) => b.length - a.length)[0]
  const head = builtIn ?? null
  let rest = head === null ? name : name.slice(head.length + 1)
  const figure = Object.keys(CONTROL_FIGURES)
    .filter((code) => rest === code || rest.endsWith(`.${code}`))
    .sort((a, b) => b.length - a.length)[0]
  if (head === null && figure === undefined) return name
  const parts: string[] = []
  if (head !== null) parts.push(t(`recon.controls.names.${CONTROL_NAMES[head]}`))
  if (figure !== undefined) rest = rest.slice(0, rest.length - figure.length).replace(/\.$/, '')
  if (rest !== '') parts.push(rest)
  if (figure !== undefined) parts.push(t(`recon.controls.figures.${CONTROL_FIGURES[figure]}`))
  return parts.join(' · ')
}
