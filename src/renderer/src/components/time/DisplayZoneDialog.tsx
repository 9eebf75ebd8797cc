/**
 * The user's display time zone, chosen from the user menu: every time on screens and in exports
 * is shown in it. Saved in the user's settings (it follows them to any computer); "business time
 * zone" (stored as none) follows the tenant's zone if an administrator changes it.
 */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { zoneLabel } from '../../../../shared/time-zone'
import { apiQueryKey, useApiMutation, useApiQuery } from '../../api/hooks'
import { computerTimeZone } from '../../format/time'
import { apiErrorMessage, notifySuccess } from '../notify'
import { zoneOptions } from './zoneOptions'

const BUSINESS = 'business'

export function DisplayZoneDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const info = useApiQuery('system.info', {}, { staleTime: Infinity })
  const preferences = useApiQuery('me.preferences', {}, { staleTime: Infinity, meta: { silent: true } })
  const business = info.data?.timeZone ?? '+08:00'
  const [choice, setChoice] = useState<string | null>(null)
  const current = choice ?? preferences.data?.timeZone ?? BUSINESS
  const mutation = useApiMutation('me.updatePreferences')
  const computer = computerTimeZone()
  const data = [
    { value: BUSINESS, label: t('timeZones.business', { zone: zoneLabel(business) }) },
    { value: computer, label: t('timeZones.computer', { zone: zoneLabel(computer) }) },
    ...zoneOptions([preferences.data?.timeZone]).filter((o) => o.value !== computer)
  ]
  const save = async () => {
    const next = await mutation.mutateAsync({ timeZone: current === BUSINESS ? null : current })
    queryClient.setQueryData(apiQueryKey('me.preferences', {}), next)
    notifySuccess(t('timeZones.saved', { zone: zoneLabel(next.displayZone) }))
    setChoice(null)
    onClose()
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('timeZones.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('timeZones.hint', { business: zoneLabel(business) })}
        </Text>
        <Select label={t('timeZones.label')} data={data} value={current} onChange={(value) => setChoice(value)} searchable allowDeselect={false} error={mutation.error ? apiErrorMessage(mutation.error) : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={mutation.isPending} onClick={() => void save().catch(() => {})}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
