/**
 * What the file's values mean: the kind column's values as kinds of line, the status column's as
 * statuses (values seen in the sample and not yet mapped are offered), and the fields whose values
 * identify a line across imports.
 */
import { ActionIcon, Badge, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LINE_KINDS, LINE_STATUSES, ROW_KEY_FIELDS, type ColumnRef } from '../../../../../shared/contract/recon-profile'
import { reconLabel } from '../labels'
import { columnValues, mapRows, normalizeHeader, rowsMap, type Draft } from './draft'
import type { DraftEditorProps } from './ReadingFields'
import type { Preview } from './SamplePanel'

interface MapEditorProps<V extends string> {
  title: string
  testId: string
  map: Record<string, V>
  targets: readonly V[]
  group: 'lineKinds' | 'lineStatuses'
  /** Values of the mapped column in the sample. */
  seen: string[]
  onChange: (map: Record<string, V>) => void
  error?: string
}

function ValueMapEditor<V extends string>({ title, testId, map, targets, group, seen, onChange, error }: MapEditorProps<V>) {
  const { t } = useTranslation()
  // Rows are kept here (a value being typed may be empty for a moment); a map changed from outside (another start, a version loaded) replaces them.
  const key = JSON.stringify(map)
  const [local, setLocal] = useState({ key, rows: mapRows(map) })
  let rows = local.rows
  if (local.key !== key) {
    rows = JSON.stringify(rowsMap(local.rows)) === key ? local.rows : mapRows(map)
    setLocal({ key, rows })
  }
  const options = targets.map((v) => ({ value: v, label: reconLabel(t, group, v) }))
  const known = new Set(rows.map((r) => normalizeHeader(r.value)))
  const unmapped = seen.filter((v) => !known.has(v))
  const set = (next: { value: string; to: V }[]) => {
    setLocal({ key: JSON.stringify(rowsMap(next)), rows: next })
    onChange(rowsMap(next))
  }
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {rows.map((row, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput size="xs" aria-label={t('recon.values.fileValue')} value={row.value} onChange={(e) => set(rows.map((r, j) => (j === i ? { ...r, value: e.currentTarget.value } : r)))} />
          <Text size="xs">→</Text>
          <Select size="xs" aria-label={t('recon.values.meaning', { value: row.value })} data={options} value={row.to} allowDeselect={false} onChange={(to) => to && set(rows.map((r, j) => (j === i ? { ...r, to: to as V } : r)))} />
          <ActionIcon variant="subtle" color="red" aria-label={t('recon.values.remove', { value: row.value })} onClick={() => set(rows.filter((_, j) => j !== i))}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      {unmapped.length > 0 && (
        <Group gap={4}>
          <Text size="xs" c="orange">
            {t('recon.values.unmappedSeen')}
          </Text>
          {unmapped.map((value) => (
            <Badge key={value} component="button" type="button" variant="light" color="orange" tt="none" style={{ cursor: 'pointer' }} onClick={() => set([...rows, { value, to: targets[0] }])}>
              + {value}
            </Badge>
          ))}
        </Group>
      )}
      <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => set([...rows, { value: '', to: targets[0] }])}>
        {t('recon.values.add')}
      </Button>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  )
}

export function ValueMaps({ draft, onChange, errors, preview }: DraftEditorProps & { preview: Preview | undefined }) {
  const { t } = useTranslation()
  const seen = (column: ColumnRef | undefined) => (preview ? columnValues(preview.rows, preview.headerRow, preview.header, column) : [])
  return (
    <Stack gap="md">
      <Group grow align="flex-start">
        <ValueMapEditor<Draft['kinds'][string]> title={t('recon.values.kinds')} testId="kinds-map" map={draft.kinds} targets={LINE_KINDS} group="lineKinds" seen={seen(draft.columns.kind)} onChange={(kinds) => onChange({ kinds })} error={errors.kinds} />
        <ValueMapEditor<Draft['statuses'][string]> title={t('recon.values.statuses')} testId="statuses-map" map={draft.statuses} targets={LINE_STATUSES} group="lineStatuses" seen={seen(draft.columns.status)} onChange={(statuses) => onChange({ statuses })} error={errors.statuses} />
      </Group>
      <MultiSelect
        label={t('recon.values.rowKey')}
        description={t('recon.values.rowKeyHint')}
        data={ROW_KEY_FIELDS.map((f) => ({ value: f, label: reconLabel(t, 'fields', f) }))}
        value={draft.rowKey}
        onChange={(rowKey) => onChange({ rowKey: rowKey as Draft['rowKey'] })}
        error={errors.rowKey}
      />
    </Stack>
  )
}
