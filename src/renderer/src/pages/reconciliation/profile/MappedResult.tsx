/** The draft's result on the sample's first rows: the lines it reads, the rows it cannot, or why the file cannot be read at all. */
import { Alert, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RowProblem } from '../../../../../shared/contract/reconciliation'
import { useServerText } from '../../../i18n/serverText'
import { HeaderDifference, headerDifferenceOf, isHeaderMismatch } from '../HeaderDifference'
import { reconLabel } from '../labels'
import { LineTable } from '../LineTable'
import type { Preview } from './SamplePanel'

export function ProblemTable({ problems, testId }: { problems: RowProblem[]; testId: string }) {
  const { t } = useTranslation()
  const text = useServerText()
  return (
    <Table striped withTableBorder fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('recon.line.lineNo')}</Table.Th>
          <Table.Th>{t('recon.line.field')}</Table.Th>
          <Table.Th>{t('recon.line.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p, i) => (
          <Table.Tr key={`${p.lineNo}:${i}`}>
            <Table.Td>{p.lineNo}</Table.Td>
            <Table.Td>{reconLabel(t, 'fields', p.field)}</Table.Td>
            <Table.Td>{text(p.reason)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function MappedResult({ preview, complete }: { preview: Preview; complete: boolean }) {
  const { t } = useTranslation()
  const text = useServerText()
  const diff = preview.error && isHeaderMismatch(preview.error.code) ? headerDifferenceOf(preview.error) : null
  return (
    <Stack gap="sm" data-testid="mapped-result">
      {!complete && <Text size="sm" c="dimmed">{t('recon.preview.incomplete')}</Text>}
      {diff && <HeaderDifference diff={diff} />}
      {/* A sample that could not be opened at all says so in the sample panel already. */}
      {preview.error && !diff && preview.rows.length > 0 && (
        <Alert color="red" title={t('recon.preview.unreadable')}>
          {text(preview.error.text, preview.error.message)}
        </Alert>
      )}
      {complete && !preview.error && (
        <Text size="sm" data-testid="mapped-summary">
          {t('recon.preview.summary', { lines: preview.lines.length, problems: preview.problems.length })}
        </Text>
      )}
      {preview.problems.length > 0 && <ProblemTable problems={preview.problems} testId="preview-problems" />}
      {preview.lines.length > 0 && <LineTable lines={preview.lines} testId="preview-lines" />}
    </Stack>
  )
}
