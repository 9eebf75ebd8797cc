/** Today's and yesterday's orders, success rate and volume, one row per currency or per channel and currency. */
import { Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DayFigures } from '../../../../shared/contract/home'
import { formatAmount } from '../../format/amount'
import { successRate } from './zoneTime'

export interface FiguresRow {
  key: string
  /** The channel as named (ChannelName), for the per-channel table. */
  label?: ReactNode
  currency: string
  today: DayFigures
  yesterday: DayFigures
}

function DayCells({ day, currency }: { day: DayFigures; currency: string }) {
  const { t } = useTranslation()
  return (
    <>
      <Table.Td ta="right">{day.orders}</Table.Td>
      <Table.Td ta="right">{successRate(day.succeeded, day.orders) ?? t('dashboard.noRate')}</Table.Td>
      <Table.Td ta="right">{formatAmount(day.volume, currency)}</Table.Td>
    </>
  )
}

export function DayFiguresTable({ rows, days, labelTitle, testId }: { rows: FiguresRow[]; days: { today: string; yesterday: string }; labelTitle?: string; testId: string }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <Text c="dimmed">{t('dashboard.noOrders')}</Text>
  const dayHeads = (
    <>
      <Table.Th ta="right">{t('dashboard.orders')}</Table.Th>
      <Table.Th ta="right">{t('dashboard.successRate')}</Table.Th>
      <Table.Th ta="right">{t('dashboard.volume')}</Table.Th>
    </>
  )
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {labelTitle && <Table.Th rowSpan={2}>{labelTitle}</Table.Th>}
            <Table.Th rowSpan={2}>{t('dashboard.currency')}</Table.Th>
            <Table.Th colSpan={3} ta="center">
              {t('dashboard.today', { day: days.today })}
            </Table.Th>
            <Table.Th colSpan={3} ta="center">
              {t('dashboard.yesterday', { day: days.yesterday })}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {dayHeads}
            {dayHeads}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {labelTitle && <Table.Td>{row.label}</Table.Td>}
              <Table.Td>{row.currency}</Table.Td>
              <DayCells day={row.today} currency={row.currency} />
              <DayCells day={row.yesterday} currency={row.currency} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
