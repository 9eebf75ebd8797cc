/**
 * Each column of the sample's header mapped to a line field (or to none), with the value of the
 * first data row beside it; below, the fields the profile maps to columns this file lacks.
 */
import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { COLUMN_FIELDS, type ColumnField } from '../../../../../shared/contract/recon-profile'
import { reconLabel } from '../labels'
import { fieldOfHeader, missingMappings, unmapField, withColumns, withMappedHeader, type Draft } from './draft'
import type { Preview } from './SamplePanel'

const NONE = 'none'

export function ColumnMapping({ draft, preview, onChange }: { draft: Draft; preview: Preview; onChange: (draft: Draft) => void }) {
  const { t } = useTranslation()
  const header = preview.header
  if (!header) return <Alert color="yellow">{t('recon.mapping.noHeader')}</Alert>
  const firstData = preview.rows.find((r) => preview.headerRow !== null && r.lineNo > preview.headerRow && r.cells.length === header.length)
  const options = [{ value: NONE, label: t('recon.mapping.notMapped') }, ...COLUMN_FIELDS.map((f) => ({ value: f, label: reconLabel(t, 'fields', f) }))]
  const map = (column: string, field: ColumnField | null) => onChange(withMappedHeader(draft, column, field))
  const missing = missingMappings(draft, header)
  return (
    <Stack gap="sm">
      <Table striped withTableBorder data-testid="column-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('recon.mapping.column')}</Table.Th>
            <Table.Th>{t('recon.mapping.sample')}</Table.Th>
            <Table.Th>{t('recon.mapping.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {header.map((column, i) => (
            <Table.Tr key={`${i}:${column}`}>
              <Table.Td>{column}</Table.Td>
              <Table.Td c="dimmed" style={{ whiteSpace: 'pre' }}>
                {firstData?.cells[i] ?? ''}
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t('recon.mapping.fieldFor', { column })}
                  data={options}
                  value={fieldOfHeader(draft.columns, column) ?? NONE}
                  onChange={(value) => map(column, value === null || value === NONE ? null : (value as ColumnField))}
                  allowDeselect={false}
                  searchable
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {missing.length > 0 && (
        <Alert color={missing.some((m) => !m.optional) ? 'orange' : 'gray'} title={missing.some((m) => !m.optional) ? t('recon.mapping.missingTitle') : t('recon.mapping.optionalTitle')} data-testid="missing-mappings">
          <Stack gap={4}>
            {missing.map((m) => (
              <Group key={m.field} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {t(m.optional ? 'recon.mapping.missingOptional' : 'recon.mapping.missingRequired', { field: reconLabel(t, 'fields', m.field), columns: m.texts.join(' / ') })}
                </Text>
                <Button size="compact-xs" variant="light" onClick={() => onChange(withColumns(draft, unmapField(draft.columns, m.field)))}>
                  {t('recon.mapping.unmap')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}
