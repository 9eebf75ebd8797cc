/**
 * Reconciliation's codes as people read them: break types and statuses, decisions, the likely
 * causes a run groups breaks by (RECONCILIATION.md §6: one reason clears a group), line kinds and
 * the fields a profile maps. A code the catalog does not know is shown as it came.
 */
import type { TFunction } from 'i18next'
import type { BreakType } from '../../../../shared/contract/reconciliation'
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

/** ppm of a fee rate as a percentage: 6000 → "0.6". */
export function ppmAsPercent(ppm: string): string {
  const n = Number(ppm)
  if (!Number.isFinite(n)) return ppm
  return String(Math.round(n) / 10_000)
}

/**
 * A cause key as a sentence: the fixed ones from the catalog, `rate:<ratio>` and `fee_rate:<ppm>`
 * with their value, a break type by its name; anything else as it came.
 */
export function causeLabel(t: TFunction, causeKey: string): string {
  const [kind, value] = causeKey.includes(':') ? [causeKey.slice(0, causeKey.indexOf(':')), causeKey.slice(causeKey.indexOf(':') + 1)] : [causeKey, '']
  if (kind === 'rate') return t('recon.causes.rate', { rate: value })
  if (kind === 'fee_rate') return t('recon.causes.feeRate', { rate: ppmAsPercent(value) })
  if (!value && has(enRecon.recon.causes, kind)) return t(`recon.causes.${kind as keyof typeof enRecon.recon.causes}`)
  if (!value && has(enRecon.recon.breakTypes, kind)) return breakTypeLabel(t, kind)
  return causeKey
}
