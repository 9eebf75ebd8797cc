/**
 * The provider connection section of a channel's page: where it points, its settings editor
 * (a wide dialog) and the connection test of the stored settings.
 */
import { Button, Group, Modal, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelRow } from '../../../../shared/contract/channels'
import type { ConnectionTest } from '../../../../shared/contract/fieldtest-connect'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation } from '../../api/hooks'
import { DetailSection } from '../../components/DetailDrawer'
import { notifyError } from '../../components/notify'
import { useCan } from '../../session/currentUser'
import { ChannelConnectionForm } from './ChannelConnectionForm'
import { channelLabel } from './ChannelName'
import { ConnectionTestView } from './ChannelConnectionTest'

export function ChannelConnection({ channel }: { channel: ChannelRow }) {
  const { t } = useTranslation()
  // A rehearsal copy's settings are the simulator's, set by every rehearsal.
  const canEdit = useCan(PERMISSIONS.CHANNEL_WRITE) && !channel.rehearsalOf
  const canTest = useCan(PERMISSIONS.FIELD_TEST_RUN, PERMISSIONS.CHANNEL_WRITE)
  const test = useApiMutation('channels.testConnection')
  const [editing, setEditing] = useState(false)
  const [result, setResult] = useState<ConnectionTest | null>(null)
  const baseUrl = typeof channel.adapterConfig?.baseUrl === 'string' ? channel.adapterConfig.baseUrl : null

  const runTest = async () => {
    try {
      setResult(await test.mutateAsync({ id: channel.id }))
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <DetailSection title={t('fieldtest.connect.section')}>
      <Text size="sm" data-testid="channel-connection" c={baseUrl ? undefined : 'orange'}>
        {baseUrl ? t('fieldtest.connect.connectedTo', { url: baseUrl }) : t('fieldtest.connect.notConnected')}
      </Text>
      <Group gap="xs">
        {canEdit && (
          <Button variant="light" w="fit-content" onClick={() => setEditing(true)}>
            {baseUrl ? t('fieldtest.connect.edit') : t('fieldtest.connect.setUp')}
          </Button>
        )}
        {canTest && baseUrl && (
          <Button variant="light" w="fit-content" loading={test.isPending} onClick={runTest}>
            {t('fieldtest.connect.test')}
          </Button>
        )}
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('fieldtest.connect.editTitle', { name: channel.name })} size="xl">
        {editing && <ChannelConnectionForm channel={channel} onDone={() => setEditing(false)} />}
      </Modal>
      <Modal opened={result !== null} onClose={() => setResult(null)} title={t('fieldtest.connect.testTitle', { name: channelLabel(t, channel) })} size="xl">
        {result && <ConnectionTestView result={result} />}
      </Modal>
    </DetailSection>
  )
}
