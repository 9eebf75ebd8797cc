/** A channel's details: limits, credential names (never values), balances, and the balance top-up or correction. */
import { Alert, Badge, Button, Group, Modal, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelRow } from '../../../../shared/contract/channels'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { DetailDrawer, lifecycleFields, DetailSection, FieldGrid } from '../../components/DetailDrawer'
import { BalanceText } from '../../components/BalanceText'
import { formatRange } from '../../format/amount'
import { useReferenceLabels } from '../../i18n/reference'
import { useCan, useCurrentUser } from '../../session/currentUser'
import { ChannelBalanceForm } from '../ledger/ChannelBalanceForm'
import { ChannelConnection } from './ChannelConnection'
import { channelLabel, ChannelName } from './ChannelName'
import { CredentialKeys } from './CredentialsEditor'

/** Deposit and payout badges for the directions a channel supports. */
export function DirectionBadges({ channel }: { channel: Pick<ChannelRow, 'supportsDeposit' | 'supportsPayout'> }) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap">
      {channel.supportsDeposit && <Badge variant="light">{t('master.directions.deposit')}</Badge>}
      {channel.supportsPayout && (
        <Badge variant="light" color="grape">
          {t('master.directions.payout')}
        </Badge>
      )}
    </Group>
  )
}

export function ChannelDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const canAdjust = useCan(PERMISSIONS.CHANNEL_BALANCE_WRITE)
  const me = useCurrentUser()
  const channel = useApiQuery('channels.get', { id })
  const [adjusting, setAdjusting] = useState(false)
  const c = channel.data

  return (
    <DetailDrawer opened title={t('channels.detailTitle', { name: c ? channelLabel(t, c) : '' })} onClose={onClose} loading={!c}>
      {c && (
        <>
          {c.rehearsalOf && (
            <Alert color="gray" data-testid="rehearsal-copy-hint">
              {t('channels.rehearsalHint', { name: c.rehearsalOf.name })}
            </Alert>
          )}
          <FieldGrid
            fields={[
              { label: t('master.colId'), value: c.id },
              { label: t('channels.name'), value: <ChannelName channel={c} /> },
              ...(c.rehearsalOf ? [{ label: t('channels.rehearsalOf'), value: `${c.rehearsalOf.name} (#${c.rehearsalOf.id})` }] : []),
              { label: t('channels.provider'), value: c.provider },
              { label: t('master.currency'), value: labels.currency(c.currency) },
              { label: t('channels.directions'), value: <DirectionBadges channel={c} /> },
              ...lifecycleFields(t, c)
            ]}
          />
          <DetailSection title={t('channels.limits')}>
            <FieldGrid
              fields={[
                { label: t('channels.depositLimits'), value: c.supportsDeposit ? formatRange(c.paymentLower, c.paymentUpper, c.currency, t) : t('channels.notSupported') },
                { label: t('channels.payoutLimits'), value: c.supportsPayout ? formatRange(c.payoutLower, c.payoutUpper, c.currency, t) : t('channels.notSupported') }
              ]}
            />
          </DetailSection>
          <DetailSection title={t('channels.credentials')}>
            <Text size="xs" c="dimmed">
              {t('channels.credentialsHint')}
            </Text>
            <CredentialKeys keys={c.credentialKeys} />
          </DetailSection>
          {me.merchantId === null && <ChannelConnection channel={c} />}
          {c.balance && (
          <DetailSection title={t('channels.balance')}>
            <FieldGrid
              fields={[
                { label: t('channels.posted'), value: <BalanceText data-testid="channel-posted" amount={c.balance.posted} currency={c.currency} owner="channel" /> },
                { label: t('ledger.available'), value: <BalanceText amount={c.balance.available} currency={c.currency} owner="channel" /> }
              ]}
            />
            {canAdjust && !c.rehearsalOf && (
              <Button variant="light" w="fit-content" onClick={() => setAdjusting(true)}>
                {t('channelBalance.open')}
              </Button>
            )}
          </DetailSection>
          )}
          <Modal opened={adjusting} onClose={() => setAdjusting(false)} title={t('channelBalance.title', { name: channelLabel(t, c) })}>
            {adjusting && <ChannelBalanceForm channel={c} onDone={() => setAdjusting(false)} />}
          </Modal>
        </>
      )}
    </DetailDrawer>
  )
}
