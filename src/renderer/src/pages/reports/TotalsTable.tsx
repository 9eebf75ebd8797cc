/** The totals of a report's whole filtered set, one row per currency (amounts of different currencies never add up). */
import { Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { metricText, metricTitle, type Metric } from './reportColumns'

export function TotalsTable({ metrics, totals }: { metrics: readonly Metric[]; totals: ({ currency: string } & Record<string, unknown>)[] | null | undefined }) {
  const { t } = useTranslation()
  if (!totals) return null
  return (
    <Paper withBorder p="xs" data-testid="report-totals">
      <Text fw={700} size="sm" mb={4}>
        {t('reports.totals')}
      </Text>
      {totals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.totalsNone')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.columns.currency')}</Table.Th>
                {metrics.map((m) => (
                  <Table.Th key={m.key} ta="right">
                    {metricTitle(t, m.key)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.map((row) => (
                <Table.Tr key={row.currency}>
                  <Table.Td>{row.currency}</Table.Td>
                  {metrics.map((m) => (
                    <Table.Td key={m.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {metricText(m, row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  )
}
