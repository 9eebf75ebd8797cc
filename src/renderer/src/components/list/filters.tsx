/** The filters the lists share: a choice with "All", and the common ones bound to a list's state. */
import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useReferenceLabels } from '../../i18n/reference'
import { useCurrentUser } from '../../session/currentUser'
import { RemoteSelect } from '../RemoteSelect'

const ALL = 'all'

interface FilterSelectProps<V extends string> {
  label: string
  value: V | undefined
  onChange: (value: V | undefined) => void
  options: readonly { value: V; label: string }[]
}

/** A select whose first option, "All", means no filter (undefined). */
export function FilterSelect<V extends string>({ label, value, onChange, options }: FilterSelectProps<V>) {
  const { t } = useTranslation()
  return (
    <Select
      label={label}
      value={value ?? ALL}
      onChange={(next) => onChange(next === null || next === ALL ? undefined : (next as V))}
      data={[{ value: ALL, label: t('common.all') }, ...options]}
      searchable={options.length > 8}
    />
  )
}

/** Platform staff pick a merchant (searched on the host); a merchant-bound user gets no filter: the host scopes it. */
export function MerchantFilter({ value, onChange }: { value: number | undefined; onChange: (value: number | undefined) => void }) {
  const { t } = useTranslation()
  const me = useCurrentUser()
  if (me.merchantId !== null) return null
  return (
    <RemoteSelect
      procedure="merchants.list"
      toOption={(m) => ({ value: String(m.id), label: m.name })}
      label={t('master.merchant')}
      placeholder={t('common.all')}
      clearable
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
    />
  )
}

interface CommonFilterValues {
  merchantId?: number
  status?: 'active' | 'disabled'
  serviceType?: string
  direction?: 'deposit' | 'payout'
  currency?: string
}
export type CommonFilter = keyof CommonFilterValues

interface CommonFiltersProps {
  /** A list's state (`useListState`) whose filters include the ones shown. */
  list: { filters: object; setFilter: (key: never, value: never) => void }
  show: readonly CommonFilter[]
}

/** The filters most lists share, in one order, bound to the list's state. */
export function CommonFilters({ list, show }: CommonFiltersProps) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const values = list.filters as CommonFilterValues
  const set = list.setFilter as (key: CommonFilter, value: unknown) => void
  const choices: Record<Exclude<CommonFilter, 'merchantId'>, { label: string; options: { value: string; label: string }[] }> = {
    status: {
      label: t('common.status'),
      options: (['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`common.${s}`) }))
    },
    serviceType: { label: t('master.serviceType'), options: labels.serviceTypeOptions() },
    direction: {
      label: t('master.direction'),
      options: (['deposit', 'payout'] as const).map((d) => ({ value: d, label: t(`master.directions.${d}`) }))
    },
    currency: { label: t('master.currency'), options: labels.currencyOptions() }
  }
  return (
    <>
      {show.map((key) =>
        key === 'merchantId' ? (
          <MerchantFilter key={key} value={values.merchantId} onChange={(v) => set(key, v)} />
        ) : (
          <FilterSelect key={key} label={choices[key].label} value={values[key]} onChange={(v) => set(key, v)} options={choices[key].options} />
        )
      )}
    </>
  )
}
