/**
 * Settings › Backups: the folder, the schedule and how many are kept; back up now; the backups in
 * the folder with a restore (checked by the ledger check first, applied at the next start).
 */
import { Alert, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf, OutputOf } from '../../../../shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { notifyError, notifySuccess } from '../../components/notify'
import { formatBytes } from '../../format/bytes'
import { formatDateTime, displayTimeZone } from '../../format/time'
import { SaveButton, SettingsSection, useSettingsForm } from './SettingsSection'

interface Values {
  folder: string
  everyHours: number | string
  keep: number | string
}

const toInput = (values: Values) =>
  ({
    folder: values.folder,
    everyHours: values.everyHours === '' ? undefined : Number(values.everyHours),
    keep: values.keep === '' ? undefined : Number(values.keep)
  }) as InputOf<'backups.updateSettings'>

function BackupSettingsForm({ settings }: { settings: OutputOf<'backups.settings'> }) {
  const { t } = useTranslation()
  const { form, submit } = useSettingsForm({ update: 'backups.updateSettings', read: 'backups.settings', initialValues: settings as Values, toInput, savedMessage: t('safety.settingsSaved') })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('safety.folder')} description={t('safety.folderHint', { folder: settings.folderInUse })} placeholder={settings.folderInUse} {...form.getInputProps('folder')} />
        <NumberInput label={t('safety.everyHours')} description={t('safety.everyHoursHint')} min={0} max={168} allowDecimal={false} {...form.getInputProps('everyHours')} />
        <NumberInput label={t('safety.keep')} min={1} max={365} allowDecimal={false} {...form.getInputProps('keep')} />
        <SaveButton loading={form.submitting} />
      </Stack>
    </form>
  )
}

function BackupList() {
  const { t } = useTranslation()
  const list = useApiQuery('backups.list', {})
  const [confirming, setConfirming] = useState<string | null>(null)
  const [staged, setStaged] = useState<OutputOf<'backups.restore'> | null>(null)
  const create = useApiMutation('backups.create', { invalidate: ['backups.list', 'audit.list'] })
  const restore = useApiMutation('backups.restore', { invalidate: ['backups.list', 'ledgerCheck.latest', 'audit.list'] })
  if (!list.data) return null
  if (!list.data.available) return <Alert color="gray">{t('safety.inMemory')}</Alert>

  const backUp = () =>
    create.mutate({}, { onSuccess: (made) => notifySuccess(t('safety.made', { file: made.file.name, size: formatBytes(made.file.bytes) })), onError: notifyError })

  const doRestore = (name: string) =>
    restore.mutate(
      { name },
      {
        onSuccess: (result) => {
          setConfirming(null)
          setStaged(result)
        },
        onError: (error) => {
          setConfirming(null)
          notifyError(error)
        }
      }
    )

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('safety.inFolder', { folder: list.data.folder, zone: displayTimeZone() })}
        </Text>
        <Button onClick={backUp} loading={create.isPending || list.data.running}>
          {t('safety.backUpNow')}
        </Button>
      </Group>
      {list.data.items.length === 0 ? (
        <Text size="sm">{t('safety.none')}</Text>
      ) : (
        <Table striped aria-label={t('safety.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('safety.file')}</Table.Th>
              <Table.Th>{t('safety.madeAt')}</Table.Th>
              <Table.Th>{t('safety.size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((file) => (
              <Table.Tr key={file.name}>
                <Table.Td>{file.name}</Table.Td>
                <Table.Td>{formatDateTime(file.madeAt)}</Table.Td>
                <Table.Td>{formatBytes(file.bytes)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" color="red" onClick={() => setConfirming(file.name)}>
                    {t('safety.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('safety.restoreTitle', { file: confirming ?? '' })}>
        <Stack>
          <Text size="sm">{t('safety.restoreExplain')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={restore.isPending} onClick={() => confirming && doRestore(confirming)}>
              {t('safety.restoreConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={staged !== null} onClose={() => setStaged(null)} title={t('safety.restoreStagedTitle')}>
        {staged && (
          <Stack>
            <Text size="sm">{t('safety.restoreChecked', { entries: staged.check.entries })}</Text>
            <Text size="sm" fw={500}>
              {staged.restartRequired ? t('safety.restartBrowser') : t('safety.restartDesktop')}
            </Text>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}

export function BackupSection() {
  const { t } = useTranslation()
  const query = useApiQuery('backups.settings', {}, { meta: { silent: true } })
  return (
    <>
      <SettingsSection<'backups.settings'> title={t('safety.backups')} hint={t('safety.backupsHint')} query={query}>
        {(settings) => <BackupSettingsForm key={JSON.stringify(settings)} settings={settings} />}
      </SettingsSection>
      {query.data && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>{t('safety.files')}</Title>
            <BackupList />
          </Stack>
        </Paper>
      )}
    </>
  )
}
