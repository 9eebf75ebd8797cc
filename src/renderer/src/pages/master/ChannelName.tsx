/**
 * A channel as people read it. A field test's rehearsal copy is stored as "<channel> · rehearsal"
 * (data, in one language): it is shown as the live channel's name with a translated label.
 */
import { Badge, Group, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

export interface NamedChannel {
  name: string
  /** The live channel this one is the rehearsal copy of, by name; null or absent for any other. */
  rehearsalOf?: { name: string } | string | null
}

const liveName = (c: NamedChannel): string | null => (c.rehearsalOf ? (typeof c.rehearsalOf === 'string' ? c.rehearsalOf : c.rehearsalOf.name) : null)

/** Plain text, for a select's option or a title: "Alipay CNY (rehearsal copy)". */
export function channelLabel(t: TFunction, channel: NamedChannel): string {
  const live = liveName(channel)
  return live === null ? channel.name : t('channels.rehearsalName', { name: live })
}

/** In a table or a detail: the name, and a rehearsal copy's label as a badge. */
export function ChannelName({ channel }: { channel: NamedChannel }) {
  const { t } = useTranslation()
  const live = liveName(channel)
  if (live === null) return <>{channel.name}</>
  return (
    <Group gap={6} wrap="nowrap" data-testid="rehearsal-copy">
      <Text span inherit>
        {live}
      </Text>
      <Badge variant="light" color="gray" tt="none">
        {t('channels.rehearsalBadge')}
      </Badge>
    </Group>
  )
}
