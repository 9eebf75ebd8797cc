/**
 * A filter on a code of the audit log (a procedure, a target type), chosen by its name in the
 * user's language and searched by name or code; the code is what the host is sent.
 */
import { Select, Stack, Text, type ComboboxItem } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface AuditCodeSelectProps {
  label: string
  codes: readonly string[]
  nameOf: (code: string) => string
  value: string
  onChange: (code: string) => void
}

export function AuditCodeSelect({ label, codes, nameOf, value, onChange }: AuditCodeSelectProps) {
  const { t } = useTranslation()
  // A code from a saved view that this screen does not list still shows, as it is.
  const all = value && !codes.includes(value) ? [...codes, value] : codes
  const data: ComboboxItem[] = all.map((code) => ({ value: code, label: nameOf(code) })).sort((a, b) => a.label.localeCompare(b.label))
  return (
    <Select
      label={label}
      placeholder={t('common.all')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={t('table.noRecords')}
      filter={({ options, search }) => {
        const needle = search.trim().toLowerCase()
        return (options as ComboboxItem[]).filter((option) => !needle || option.label.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle))
      }}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {option.value}
          </Text>
        </Stack>
      )}
      w={240}
    />
  )
}
