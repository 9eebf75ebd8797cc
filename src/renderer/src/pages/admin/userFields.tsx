/** The merchant binding and role pickers shared by the create and edit user forms. */
import { MultiSelect, Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoleRow } from '../../../../shared/contract/users'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { roleLabel } from '../../i18n/labels'
import { useCan } from '../../session/currentUser'

/** The form's value for "not bound to a merchant". */
export const PLATFORM = 'platform'

export function merchantIdOf(value: string): number | null {
  return value === PLATFORM ? null : Number(value)
}

interface MerchantSelectProps {
  value?: string
  onChange: (value: string) => void
  error?: ReactNode
  /** The merchant the user is bound to now, so it shows by name before any search. */
  current?: { id: number; name: string } | null
}

/** Platform or one merchant; merchants are searched on the host (there can be many). */
export function MerchantSelect({ value = PLATFORM, onChange, error, current }: MerchantSelectProps) {
  const { t } = useTranslation()
  const canList = useCan(PERMISSIONS.MASTER_DATA_READ)
  const [names, setNames] = useState(() => new Map(current ? [[String(current.id), current.name]] : []))
  const [search, setSearch] = useState('')
  const selectedLabel = value === PLATFORM ? t('common.platform') : names.get(value)
  // The box shows the chosen option's label; that is not a search.
  const [query] = useDebouncedValue(search === selectedLabel ? '' : search.trim(), 250)
  const merchants = useApiQuery(
    'merchants.list',
    { page: 1, pageSize: 50, status: 'active', search: query || undefined },
    { enabled: canList, placeholderData: keepPreviousData }
  )
  const rows = merchants.data?.items ?? []
  const options = [
    { value: PLATFORM, label: t('common.platform') },
    ...rows.map((m) => ({ value: String(m.id), label: m.name })),
    ...(value !== PLATFORM && selectedLabel && !rows.some((m) => String(m.id) === value) ? [{ value, label: selectedLabel }] : [])
  ]
  return (
    <Select
      label={t('users.merchant')}
      description={t('users.merchantHint')}
      data={options}
      value={value}
      onChange={(next, option) => {
        if (!next) return
        if (option) setNames((known) => new Map(known).set(next, option.label))
        onChange(next)
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      allowDeselect={false}
      nothingFoundMessage={t('table.noRecords')}
      error={error}
    />
  )
}

interface RoleMultiSelectProps {
  roles: readonly RoleRow[]
  value?: string[]
  onChange: (value: string[]) => void
  error?: ReactNode
}

export function RoleMultiSelect({ roles, value = [], onChange, error }: RoleMultiSelectProps) {
  const { t } = useTranslation()
  return (
    <MultiSelect
      label={t('users.roles')}
      data={roles.map((role) => ({ value: String(role.id), label: roleLabel(t, role) }))}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('table.noRecords')}
      error={error}
    />
  )
}
