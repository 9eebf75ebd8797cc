/**
 * A select whose options come from a list procedure, searched on the host (there can be many
 * merchants, channels, services, contracts). The chosen option keeps showing by name when a
 * later search no longer lists it.
 */
import { Select, type ComboboxItem } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf, OutputOf } from '../../../shared/contract'
import { useApiQuery } from '../api/hooks'

export type PickerProcedure = 'merchants.list' | 'contracts.list' | 'channels.list' | 'services.list'
export type RowOf<N extends PickerProcedure> = OutputOf<N>['items'][number]

export interface RemoteSelectProps<N extends PickerProcedure> {
  procedure: N
  /** Filters besides the search, e.g. `{ status: 'active' }`. */
  filter?: Partial<InputOf<N>>
  toOption: (row: RowOf<N>) => ComboboxItem
  label: string
  description?: string
  placeholder?: string
  value: string | null
  onChange: (value: string | null, row: RowOf<N> | undefined) => void
  error?: ReactNode
  clearable?: boolean
  disabled?: boolean
  /** Listed before the host's options (e.g. "Platform"). */
  fixedOptions?: readonly ComboboxItem[]
  /** The option chosen before this select opened, so it shows by name at once. */
  current?: ComboboxItem | null
  /** False when the user may not list these rows (then only fixed and current options show). */
  enabled?: boolean
}

export function RemoteSelect<N extends PickerProcedure>(props: RemoteSelectProps<N>) {
  const { procedure, filter, toOption, value, onChange, fixedOptions = [], current, enabled = true, ...rest } = props
  const { t } = useTranslation()
  const [known, setKnown] = useState(() => new Map<string, ComboboxItem>(current ? [[current.value, current]] : []))
  const [search, setSearch] = useState('')
  const selected = value === null ? undefined : (fixedOptions.find((o) => o.value === value) ?? known.get(value))
  // The box shows the chosen option's label; that is not a search.
  const [query] = useDebouncedValue(search === selected?.label ? '' : search.trim(), 250)
  const input = { page: 1, pageSize: 50, search: query || undefined, ...filter } as InputOf<N>
  const result = useApiQuery(procedure, input, { enabled, placeholderData: keepPreviousData })
  const rows = ((result.data as OutputOf<N> | undefined)?.items ?? []) as RowOf<N>[]
  const options = rows.map((row) => ({ option: toOption(row), row }))
  const data: ComboboxItem[] = [
    ...fixedOptions,
    ...options.map((o) => o.option),
    ...(selected && !fixedOptions.includes(selected) && !options.some((o) => o.option.value === value) ? [selected] : [])
  ]
  return (
    <Select
      {...rest}
      data={data}
      value={value}
      onChange={(next, option) => {
        if (next && option) setKnown((map) => new Map(map).set(next, option))
        onChange(next, options.find((o) => o.option.value === next)?.row)
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('table.noRecords')}
    />
  )
}
