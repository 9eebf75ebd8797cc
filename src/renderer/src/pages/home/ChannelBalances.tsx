/** Each active channel's balance at its provider, low ones flagged (the rule is stated under the table). */
import { Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ChannelBalance } from '../../../../shared/contract/home'
import { BalanceText } from '../../components/BalanceText'
import { formatAmount } from '../../format/amount'

export function ChannelBalances({ balances }: { balances: ChannelBalance[] }) {
  const { t } = useTranslation()
  if (balances.length === 0) return <Text c="dimmed">{t('dashboard.noBalances')}</Text>
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder data-testid="home-balances">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.channel')}</Table.Th>
              <Table.Th>{t('dashboard.currency')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.balance')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.available')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.lowBelow')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {balances.map((b) => (
              <Table.Tr key={`${b.channelId}:${b.currency}`} data-testid={`balance-${b.channelId}-${b.currency}`}>
                <Table.Td>{b.channelName}</Table.Td>
                <Table.Td>{b.currency}</Table.Td>
                <Table.Td ta="right">
                  <BalanceText amount={b.balance} currency={b.currency} owner="channel" />
                </Table.Td>
                <Table.Td ta="right" c={b.low ? 'red' : undefined}>
                  <BalanceText amount={b.available} currency={b.currency} owner="channel" />
                </Table.Td>
                <Table.Td ta="right">{b.lowBelow !== null ? formatAmount(b.lowBelow, b.currency) : b.payout ? t('dashboard.noPayoutLimit') : t('dashboard.depositOnly')}</Table.Td>
                <Table.Td>
                  <Badge color={b.low ? 'red' : 'green'} variant="light">
                    {b.low ? t('dashboard.low') : t('dashboard.enough')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('dashboard.lowRule')}
      </Text>
    </>
  )
}
