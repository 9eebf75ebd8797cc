/** What the main process found in the sample: how it was read (sampleFacts), its anchors, and its first rows as decoded. */
import { Alert, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../../../shared/contract'
import { useServerText } from '../../../i18n/serverText'
import { Fact } from '../Fact'
import { sampleFacts } from './sampleFacts'

export type Preview = OutputOf<'recon.uploads.preview'>

export function SamplePanel({ preview }: { preview: Preview }) {
  const { t } = useTranslation()
  const text = useServerText()
  const width = Math.max(1, ...preview.rows.map((r) => r.cells.length))
  return (
    <Stack gap="sm" data-testid="sample-panel">
      <Group gap="xl" align="flex-start">
        {sampleFacts(t, preview).map((fact) => (
          <Fact key={fact.testId} label={fact.label} value={fact.value} testId={fact.testId} />
        ))}
      </Group>
      {preview.replacedCharacters && <Alert color="orange">{t('recon.sample.replaced')}</Alert>}
      {/* Not even opened as its format (an XLSX read as CSV, a zip entry that climbs out): why. */}
      {preview.rows.length === 0 && preview.error && (
        <Alert color="red" title={t('recon.preview.unreadable')} data-testid="sample-error">
          {text(preview.error.text, preview.error.message)}
        </Alert>
      )}
      {(preview.anchorsFound.length > 0 || preview.anchorsMissing.length > 0) && (
        <Group gap={4} data-testid="sample-anchors">
          <Text size="sm">{t('recon.sample.anchors')}</Text>
          {preview.anchorsFound.map((a) => (
            <Badge key={a} color="green" variant="light" tt="none" title={t('recon.sample.anchorFound')}>
              ✓ {a}
            </Badge>
          ))}
          {preview.anchorsMissing.map((a) => (
            <Badge key={a} color="red" variant="light" tt="none" title={t('recon.sample.anchorMissing')}>
              ✗ {a}
            </Badge>
          ))}
        </Group>
      )}
      <ScrollArea type="auto" mah={320}>
        <Table striped withTableBorder withColumnBorders fz="xs" data-testid="sample-rows">
          <Table.Tbody>
            {preview.rows.map((row) => {
              const header = row.lineNo === preview.headerRow
              return (
                <Table.Tr key={row.lineNo} fw={header ? 700 : undefined} bg={header ? 'var(--mantine-color-blue-light)' : undefined} data-header={header || undefined}>
                  <Table.Td c="dimmed">{row.lineNo}</Table.Td>
                  {Array.from({ length: width }, (_, i) => (
                    <Table.Td key={i} style={{ whiteSpace: 'pre' }}>
                      {row.cells[i] ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  )
}
