/** The work waiting for the user: one line per kind (per run for reconciliation), each opening the list that shows exactly it. */
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { AttentionItem } from '../../../../shared/contract/home'
import { displayTimeZone, formatDateTime } from '../../format/time'

function ItemFacts({ item, now }: { item: AttentionItem; now: number }) {
  const { t } = useTranslation()
  const time = (ms: number) => `${formatDateTime(ms)} (${displayTimeZone()})`
  return (
    <Stack gap={0}>
      {item.deadline !== null && (
        <Text size="sm" c={item.deadline < now ? 'red' : 'orange'} data-testid="attention-deadline">
          {item.deadline < now ? t('dashboard.overdue', { time: time(item.deadline) }) : t('dashboard.deadline', { time: time(item.deadline) })}
        </Text>
      )}
      {item.ages !== null && (
        <Text size="sm" c="dimmed" data-testid="attention-ages">
          {t('dashboard.ages', item.ages)}
        </Text>
      )}
      {item.oldestAt !== null && (
        <Text size="sm" c="dimmed">
          {t('dashboard.oldest', { time: time(item.oldestAt) })}
        </Text>
      )}
    </Stack>
  )
}

export function AttentionList({ items, asOf }: { items: AttentionItem[]; asOf: number }) {
  const { t } = useTranslation()
  return (
    <Card withBorder data-testid="home-attention">
      <Title order={4} mb="sm">
        {t('dashboard.attentionTitle')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('dashboard.nothingWaiting')}</Text>
      ) : (
        <Stack gap="sm">
          {items.map((item) => (
            <Group key={item.id} justify="space-between" align="flex-start" wrap="nowrap" data-testid={`attention-${item.id}`}>
              <Group align="flex-start" wrap="nowrap">
                <Badge size="lg" variant="filled" color={item.kind === 'disputesEvidenceDue' && item.deadline !== null && item.deadline < asOf ? 'red' : 'orange'} miw={48}>
                  {item.count}
                </Badge>
                <Stack gap={2}>
                  <Anchor component={Link} to={item.link} fw={600}>
                    {t(`dashboard.kinds.${item.kind}`, { runId: item.runId })}
                  </Anchor>
                  <ItemFacts item={item} now={asOf} />
                </Stack>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  )
}
