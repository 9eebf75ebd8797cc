/** The filter bar of a report: merchant (platform staff), contract, currency, the date range, test orders; the entry list adds type, transaction and remark. */
import { Group, Switch, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ENTRY_TYPES } from '../../../../shared/ledger'
import { zoneLabel } from '../../../../shared/time-zone'
import { useApiQuery } from '../../api/hooks'
import { displayTimeZone } from '../../format/time'
import { FilterSelect, MerchantFilter } from '../../components/list/filters'
import { useReferenceLabels } from '../../i18n/reference'
import { DayPicker } from './DayPicker'
import { filterProblems, type ReportFilters } from './reportFilters'

interface ReportFilterBarProps {
  filters: ReportFilters
  onChange: (patch: Partial<ReportFilters>) => void
  /** The entry list's type, transaction and remark filters. */
  entries: boolean
}

export function ReportFilterBar({ filters, onChange, entries }: ReportFilterBarProps) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const businessZone = useApiQuery('system.info', {}, { staleTime: Infinity }).data?.timeZone ?? '+08:00'
  const problems = filterProblems(filters)
  const problem = (key: keyof typeof problems) => {
    const found = problems[key]
    return found && t(`reports.filters.${found}`)
  }
  const text = (key: 'contractId' | 'dateStart' | 'dateEnd' | 'txnId' | 'remark', width: number, error?: string) => (
    <TextInput
      label={t(`reports.filters.${key}`)}
      placeholder={key.startsWith('date') ? t('reports.filters.dateHint') : undefined}
      w={width}
      value={filters[key]}
      error={error}
      onChange={(event) => onChange({ [key]: event.currentTarget.value })}
      rightSection={
        key === 'dateStart' || key === 'dateEnd' ? (
          <DayPicker value={filters[key]} bound={key === 'dateStart' ? 'start' : 'end'} label={t('reports.filters.pickDay', { field: t(`reports.filters.${key}`) })} onPick={(picked) => onChange({ [key]: picked })} />
        ) : undefined
      }
    />
  )
  return (
    <Group align="flex-start" wrap="wrap" data-testid="report-filters">
      <MerchantFilter value={filters.merchantId ? Number(filters.merchantId) : undefined} onChange={(v) => onChange({ merchantId: v === undefined ? '' : String(v) })} />
      {text('contractId', 120, problem('contractId'))}
      <FilterSelect
        label={t('reports.filters.currency')}
        value={filters.currency || undefined}
        onChange={(v) => onChange({ currency: v ?? '' })}
        options={labels.currencyOptions()}
      />
      {text('dateStart', 190, problem('dateStart'))}
      {text('dateEnd', 190, problem('dateEnd'))}
      {entries && (
        <>
          <FilterSelect
            label={t('reports.filters.type')}
            value={filters.type || undefined}
            onChange={(v) => onChange({ type: v ?? '' })}
            options={Object.entries(ENTRY_TYPES).map(([name, code]) => ({
              value: String(code),
              label: `${code} · ${t(`orders.entryTypes.${name as keyof typeof ENTRY_TYPES}`)}`
            }))}
          />
          {text('txnId', 140, problem('txnId'))}
          {text('remark', 160)}
        </>
      )}
      <Switch
        style={{ alignSelf: 'flex-end' }}
        mb={8}
        label={t('reports.filters.includeTest')}
        checked={filters.includeTest}
        onChange={(event) => onChange({ includeTest: event.currentTarget.checked })}
      />
      <Text size="xs" c="dimmed" w="100%" data-testid="report-zone-note">
        {t('reports.filters.zoneNote', { business: zoneLabel(businessZone), display: displayTimeZone() })}
      </Text>
    </Group>
  )
}
