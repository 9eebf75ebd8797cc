import { NumberInput, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { Settings } from '../../../../shared/contract/system'
import { useApiQuery } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { CallbackSettings } from '../orders/CallbackSettings'
import { SaveButton, SettingsSection, useSettingsForm } from './SettingsSection'

interface Values {
  sessionIdleMinutes: number | string
  sessionAbsoluteMinutes: number | string
}

// NumberInput reports an empty box as ''; the contract then says "must be a number".
const toInput = (values: Values) =>
  ({
    sessionIdleMinutes: values.sessionIdleMinutes === '' ? undefined : Number(values.sessionIdleMinutes),
    sessionAbsoluteMinutes: values.sessionAbsoluteMinutes === '' ? undefined : Number(values.sessionAbsoluteMinutes)
  }) as InputOf<'settings.update'>

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation()
  const { form, submit } = useSettingsForm({ update: 'settings.update', read: 'settings.get', initialValues: settings as Values, toInput, savedMessage: t('settings.saved') })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NumberInput label={t('settings.idle')} min={1} allowDecimal={false} {...form.getInputProps('sessionIdleMinutes')} />
        <NumberInput label={t('settings.absolute')} min={5} allowDecimal={false} {...form.getInputProps('sessionAbsoluteMinutes')} />
        <SaveButton loading={form.submitting} />
      </Stack>
    </form>
  )
}

export function SettingsPage() {
  const { t } = useTranslation()
  const query = useApiQuery('settings.get', {}, { meta: { silent: true } })
  return (
    <Stack maw={560}>
      <PageHeader title={t('settings.title')} />
      <SettingsSection<'settings.get'> title={t('settings.sessions')} hint={t('settings.sessionsHint')} query={query}>
        {(settings) => <SettingsForm key={JSON.stringify(settings)} settings={settings} />}
      </SettingsSection>
      <CallbackSettings />
    </Stack>
  )
}
