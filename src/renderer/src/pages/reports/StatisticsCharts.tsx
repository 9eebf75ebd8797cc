/**
 * The statistics charts: amounts per day for one currency at a time (amounts of different
 * currencies never share an axis) and, for transactions, the success rate per day by currency.
 * They plot the whole filtered set, aggregated by the host per business day and currency
 * (reports.transactionChart / reports.settlementChart), never the page on screen. The amounts
 * arrive as exact decimal text; they become numbers here only to be drawn.
 */
import { LineChart } from '@mantine/charts'
import { Alert, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import { minorUnitsOf } from '../../../../shared/money'
import { useApiQuery } from '../../api/hooks'
import { apiErrorMessage } from '../../components/notify'

type Point = { date: string; currency: string } & Record<string, string | number>

const AMOUNT_SERIES = {
  'reports.transactionChart': ['transactionAmount', 'settleAmount'],
  'reports.settlementChart': ['orderPay', 'net']
} as const

const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7']

/** Plotting only: the decimal text as a number (the table and totals keep the exact text). */
const plotted = (amount: string | number) => Number(amount)

export function StatisticsCharts({ procedure, input }: { procedure: keyof typeof AMOUNT_SERIES; input: Record<string, unknown> }) {
  const { t, i18n } = useTranslation()
  const chart = useApiQuery(procedure, input as InputOf<typeof procedure>)
  const points = (chart.data?.points ?? []) as Point[]
  const currencies = [...new Set(points.map((p) => p.currency))].sort()
  const [chosen, setChosen] = useState<string | null>(null)
  const currency = chosen && currencies.includes(chosen) ? chosen : (currencies[0] ?? null)

  if (chart.error) return <Alert color="red">{apiErrorMessage(chart.error)}</Alert>
  if (!chart.data) return null
  if (points.length === 0) return <Text c="dimmed" size="sm">{t('reports.charts.empty')}</Text>

  const digits = currency ? minorUnitsOf(currency) : 0
  const formatAmount = (value: number) => `${value.toLocaleString(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`
  const series = AMOUNT_SERIES[procedure].map((key, i) => ({ name: key, label: t(`reports.charts.series.${key}`), color: COLORS[i] }))
  const amounts = points.filter((p) => p.currency === currency).map((p) => ({ date: p.date, ...Object.fromEntries(AMOUNT_SERIES[procedure].map((key) => [key, plotted(p[key])])) }))

  // Success rate: one line per currency, each day the share of the day's orders that succeeded.
  const days = [...new Set(points.map((p) => p.date))]
  const rates = days.map((date) => ({
    date,
    ...Object.fromEntries(points.filter((p) => p.date === date && Number(p.totalCount) > 0).map((p) => [p.currency, Math.round((Number(p.successCount) / Number(p.totalCount)) * 1000) / 10]))
  }))

  return (
    <Stack gap="xs" data-testid="report-charts">
      {chart.data.truncated && <Text size="sm" c="dimmed">{t('reports.charts.truncated')}</Text>}
      <SimpleGrid cols={{ base: 1, lg: procedure === 'reports.transactionChart' ? 2 : 1 }}>
        <Paper withBorder p="sm" data-testid="report-chart-amounts" aria-label={t('reports.charts.amounts', { currency })}>
          <Group justify="space-between" mb="xs">
            <Text fw={500} size="sm">
              {t('reports.charts.amounts', { currency })}
            </Text>
            {currencies.length > 1 && (
              <SegmentedControl size="xs" value={currency ?? undefined} onChange={setChosen} data={currencies} aria-label={t('reports.charts.currency')} />
            )}
          </Group>
          <LineChart h={220} data={amounts} dataKey="date" series={series} withLegend valueFormatter={formatAmount} curveType="linear" yAxisProps={{ width: 90 }} />
        </Paper>
        {procedure === 'reports.transactionChart' && (
          <Paper withBorder p="sm" data-testid="report-chart-success" aria-label={t('reports.charts.successRate')}>
            <Text fw={500} size="sm" mb="xs">
              {t('reports.charts.successRate')}
            </Text>
            <LineChart
              h={220}
              data={rates}
              dataKey="date"
              series={currencies.map((c, i) => ({ name: c, color: COLORS[i % COLORS.length] }))}
              withLegend
              unit="%"
              curveType="linear"
              connectNulls={false}
              yAxisProps={{ domain: [0, 100], width: 50 }}
            />
          </Paper>
        )}
      </SimpleGrid>
    </Stack>
  )
}
