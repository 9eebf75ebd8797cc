/**
 * Settings: where the provider callback listener listens (address and port) and the URL providers
 * are given, with where it listens now. Saving restarts the listener on the new address.
 */
import { Group, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf, OutputOf } from '../../../../shared/contract'
import { useApiQuery } from '../../api/hooks'
import { SaveButton, SettingsSection, useSettingsForm } from '../system/SettingsSection'

type CallbackSettingsView = OutputOf<'callbacks.settings'>

interface Values {
  host: string
  port: number | string
  publicUrl: string
}

// NumberInput reports an empty box as ''; the contract then says "must be a port number".
const toInput = (values: Values) =>
  ({ host: values.host, port: values.port === '' ? undefined : Number(values.port), publicUrl: values.publicUrl.trim() }) as InputOf<'callbacks.updateSettings'>

function CallbackForm({ settings }: { settings: CallbackSettingsView }) {
  const { t } = useTranslation()
  const { form, submit } = useSettingsForm({
    update: 'callbacks.updateSettings',
    read: 'callbacks.settings',
    initialValues: { host: settings.host, port: settings.port, publicUrl: settings.publicUrl } as Values,
    toInput,
    savedMessage: t('callbackListener.saved')
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <TextInput label={t('callbackListener.host')} {...form.getInputProps('host')} />
          <NumberInput label={t('callbackListener.port')} description={t('callbackListener.portHint')} min={0} max={65535} allowDecimal={false} {...form.getInputProps('port')} />
        </Group>
        <TextInput label={t('callbackListener.publicUrl')} description={t('callbackListener.publicUrlHint')} {...form.getInputProps('publicUrl')} />
        <SaveButton loading={form.submitting} />
      </Stack>
    </form>
  )
}

export function CallbackSettings() {
  const { t } = useTranslation()
  const query = useApiQuery('callbacks.settings', {}, { meta: { silent: true } })
  return (
    <SettingsSection<'callbacks.settings'> title={t('callbackListener.title')} hint={t('callbackListener.hint')} query={query}>
      {(settings) => (
        <>
          <Text size="sm" fw={500} c={settings.listeningAt ? 'green' : 'dimmed'} data-testid="callback-listening">
            {settings.listeningAt ? t('callbackListener.listeningAt', { url: settings.listeningAt }) : t('callbackListener.notListening')}
          </Text>
          <CallbackForm key={JSON.stringify(settings)} settings={settings} />
        </>
      )}
    </SettingsSection>
  )
}
