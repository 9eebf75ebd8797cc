/** The break list's filters: type, status, cause, merchant, assigned to me, and a search over the numbers. */
import { Switch, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../../shared/contract'
import { BREAK_STATUS_VALUES, BREAK_TYPE_VALUES } from '../../../../../shared/contract/reconciliation'
import { FilterSelect, MerchantFilter } from '../../../components/list/filters'
import { breakTypeLabel, causeLabel, reconLabel } from '../labels'

/** What `recon.breaks.list` filters on, its paging aside. */
export type BreakFilter = Omit<InputOf<'recon.breaks.list'>, 'page' | 'pageSize'>

interface BreakFiltersProps {
  filter: BreakFilter
  search: string
  onSearch: (text: string) => void
  onChange: (patch: Partial<BreakFilter>) => void
  causeKeys: string[]
}

export function BreakFilters({ filter, search, onSearch, onChange, causeKeys }: BreakFiltersProps) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput label={t('recon.breaks.search')} placeholder={t('recon.breaks.searchHint')} value={search} onChange={(e) => onSearch(e.currentTarget.value)} />
      <FilterSelect label={t('recon.breaks.type')} value={filter.type} onChange={(type) => onChange({ type })} options={BREAK_TYPE_VALUES.map((v) => ({ value: v, label: breakTypeLabel(t, v) }))} />
      <FilterSelect label={t('common.status')} value={filter.status} onChange={(status) => onChange({ status })} options={BREAK_STATUS_VALUES.map((v) => ({ value: v, label: reconLabel(t, 'breakStatuses', v) }))} />
      <FilterSelect label={t('recon.causeGroups.cause')} value={filter.causeKey} onChange={(causeKey) => onChange({ causeKey })} options={causeKeys.map((key) => ({ value: key, label: causeLabel(t, key) }))} />
      <MerchantFilter value={filter.merchantId} onChange={(merchantId) => onChange({ merchantId })} />
      <Switch mb={8} label={t('recon.breaks.assignedToMe')} checked={filter.assignedToMe === true} onChange={(e) => onChange({ assignedToMe: e.currentTarget.checked || undefined })} />
    </>
  )
}
