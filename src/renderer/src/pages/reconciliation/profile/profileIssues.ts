/** The draft checked by the profile's own schema (the main process refuses the same), each problem under the setting it names. */
import type { TFunction } from 'i18next'
import { reconProfile } from '../../../../../shared/contract/recon-profile'
import { zodFormErrors } from '../../../forms/zodForm'
import { reconLabel } from '../labels'
import type { Draft } from './draft'

export function profileIssues(draft: Draft): Record<string, string> {
  return zodFormErrors(reconProfile, draft)
}

/** The label of each profile setting a problem can name (exported for the catalogs' test). */
export const SETTING_LABELS: Record<string, string> = {
  format: 'recon.profile.format',
  encoding: 'recon.profile.encoding',
  delimiter: 'recon.profile.delimiter',
  headerAnchors: 'recon.profile.anchors',
  headerRow: 'recon.profile.headerRow',
  skipLinePrefixes: 'recon.profile.skipPrefixes',
  stopAtLinePrefixes: 'recon.profile.stopPrefixes',
  valuePrefix: 'recon.profile.valuePrefix',
  sheet: 'recon.profile.sheet',
  sign: 'recon.profile.signMode',
  negate: 'recon.profile.negate',
  decimalSeparator: 'recon.profile.decimalSeparator',
  thousandsSeparator: 'recon.profile.thousandsSeparator',
  dateFormat: 'recon.profile.dateFormat',
  timeZone: 'recon.profile.timeZone',
  currency: 'recon.profile.currency',
  defaultKind: 'recon.profile.defaultKind',
  defaultStatus: 'recon.profile.defaultStatus',
  kinds: 'recon.values.kinds',
  statuses: 'recon.values.statuses',
  rowKey: 'recon.values.rowKey',
  columns: 'recon.mapping.title',
  controls: 'recon.profile.controls',
  period: 'recon.profile.period'
}

/** `columns.gross` → "Column: Gross amount", `matching.windowMinutes` → its label, a setting by its label; else the path. */
export function fieldLabelOfPath(path: string, t: TFunction): string {
  const [head, rest] = [path.split('.')[0], path.split('.').slice(1).join('.')]
  if (head === 'columns' && rest) return t('recon.mapping.columnOf', { field: reconLabel(t, 'fields', rest) })
  if (head === 'matching' && rest) return t(`recon.matching.${rest}` as never)
  const key = SETTING_LABELS[head]
  return key ? t(key as never) : path
}
