/**
 * Home: what is waiting for the user (each item opens its filtered list), today's and yesterday's
 * orders per currency and per channel, and the channels' balances with low ones flagged. The
 * host leaves out what the user may not see; days are business days, times in the user's display zone, and
 * the page says so. Both parts refresh every minute.
 */
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../api/hooks'
import { useCurrentUser } from '../session/currentUser'
import { AttentionList } from './home/AttentionList'
import { ChannelBalances } from './home/ChannelBalances'
import { DayFiguresTable } from './home/DayFiguresTable'
import { LedgerCheckMark } from './home/LedgerCheckMark'
import { WhoAmI } from './home/WhoAmI'
import { ChannelName } from './master/ChannelName'
import { displayTimeZone, formatDateTime } from '../format/time'

const REFRESH_MS = 60_000

export function HomePage() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const summary = useApiQuery('home.summary', {}, { refetchInterval: REFRESH_MS })
  const attention = useApiQuery('home.attention', {}, { refetchInterval: REFRESH_MS })
  const s = summary.data
  const failed = summary.isError || attention.isError
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('home.welcome', { name: me.displayName })}</Title>
      <LedgerCheckMark />
      {s && (
        <Text size="sm" c="dimmed" data-testid="home-zone">
          {t('dashboard.daysInZone', { zone: s.zone, display: displayTimeZone() })} {t('dashboard.asOf', { time: formatDateTime(s.asOf), zone: displayTimeZone() })}
        </Text>
      )}
      {failed && (
        <Alert color="red" title={t('dashboard.loadFailed')}>
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              void summary.refetch()
              void attention.refetch()
            }}
          >
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      {attention.data && <AttentionList items={attention.data.items} asOf={attention.data.asOf} />}
      {s?.currencies && (
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('dashboard.figuresTitle')}
          </Title>
          <Stack gap="md">
            <Stack gap={4}>
              <Text fw={600}>{t('dashboard.byCurrency')}</Text>
              <DayFiguresTable rows={s.currencies.map((c) => ({ ...c, key: c.currency }))} days={s} testId="home-currencies" />
            </Stack>
            {s.channels && (
              <Stack gap={4}>
                <Text fw={600}>{t('dashboard.byChannel')}</Text>
                <DayFiguresTable
                  rows={s.channels.map((c) => ({ ...c, key: `${c.channelId}:${c.currency}`, label: <ChannelName channel={{ name: c.channelName, rehearsalOf: c.rehearsalOf }} /> }))}
                  days={s}
                  labelTitle={t('dashboard.channel')}
                  testId="home-channels"
                />
              </Stack>
            )}
            <Text size="xs" c="dimmed">
              {t('dashboard.figuresNote')}
            </Text>
          </Stack>
        </Card>
      )}
      {s?.balances && (
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('dashboard.balancesTitle')}
          </Title>
          <ChannelBalances balances={s.balances} />
        </Card>
      )}
      <WhoAmI />
    </Stack>
  )
}
