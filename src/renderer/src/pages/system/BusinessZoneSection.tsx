/**
 * Settings › Business time zone: the zone business days are cut in (system/business-zone.ts).
 * What a change means is said before it is made, and confirmed: every order and ledger entry
 * moves to its day in the new zone and the stored daily rows are rebuilt, then the ledger check
 * runs; the notice says what moved and what the check found (its details: Settings › Ledger check).
 */
import { Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { zoneLabel } from '../../../../shared/time-zone'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { apiErrorMessage, notifySuccess, notifyWarning } from '../../components/notify'
import { zoneOptions } from '../../components/time/zoneOptions'

export function BusinessZoneSection() {
  const { t } = useTranslation()
  const info = useApiQuery('system.info', {}, { staleTime: Infinity })
  const current = info.data?.timeZone ?? null
  const [choice, setChoice] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const change = useApiMutation('settings.setBusinessZone')
  const apply = async () => {
    if (!choice) return
    try {
      const done = await change.mutateAsync({ timeZone: choice })
      // Said in a notice, not on this panel: the page is drawn afresh in the new zone (the layout's key), this panel with it.
      const changed = t('timeZones.changed', { zone: zoneLabel(done.timeZone), entries: done.entriesMoved, orders: done.ordersMoved })
      if (done.drifts === 0) notifySuccess(`${changed} ${t('timeZones.verifyClean')}`)
      else notifyWarning(`${changed} ${t('timeZones.verifyDrift', { count: done.drifts })}`)
      setChoice(null)
    } finally {
      setConfirming(false)
    }
  }
  return (
    <Paper withBorder p="md" data-testid="business-zone-section">
      <Stack>
        <Title order={4}>{t('timeZones.businessTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('timeZones.businessHint')}
        </Text>
        <Select
          label={t('timeZones.businessLabel')}
          description={t('timeZones.businessDescription')}
          data={zoneOptions([current])}
          value={choice ?? current}
          onChange={setChoice}
          searchable
          error={change.error ? apiErrorMessage(change.error) : undefined}
        />
        <Group>
          <Button disabled={!choice || choice === current} onClick={() => setConfirming(true)}>
            {t('timeZones.businessChange')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('timeZones.confirmTitle', { zone: choice ? zoneLabel(choice) : '' })}>
        <Stack>
          <Text size="sm">{t('timeZones.confirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={change.isPending} onClick={() => void apply().catch(() => {})}>
              {t('timeZones.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
