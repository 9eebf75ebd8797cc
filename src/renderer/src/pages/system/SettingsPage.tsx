import { NumberInput, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { Settings } from '../../../../shared/contract/system'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiQuery } from '../../api/hooks'
import { useCan } from '../../session/currentUser'
import { PageHeader } from '../../components/PageHeader'
import { CallbackSettings } from '../orders/CallbackSettings'
import { BackupSection } from './BackupSection'
import { BusinessZoneSection } from './BusinessZoneSection'
import { LedgerCheckSection } from './LedgerCheckSection'
import { FourEyesSection } from './FourEyesSection'
import { SaveButton, SettingsSection, useSettingsForm } from './SettingsSection'

interface Values {
  tenantName: string
  sessionIdleMinutes: number | string
  sessionAbsoluteMinutes: number | string
}

// NumberInput reports an empty box as ''; the contract then says "must be a number".
const toInput = (values: Values) =>
  ({
    tenantName: values.tenantName,
    sessionIdleMinutes: values.sessionIdleMinutes === '' ? undefined : Number(values.sessionIdleMinutes),
    sessionAbsoluteMinutes: values.sessionAbsoluteMinutes === '' ? undefined : Number(values.sessionAbsoluteMinutes)
  }) as InputOf<'settings.update'>

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation()
  const { form, submit } = useSettingsForm({ update: 'settings.update', read: 'settings.get', initialValues: settings as Values, toInput, savedMessage: t('settings.saved') })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('settings.tenantName')} description={t('settings.tenantNameHint')} withAsterisk {...form.getInputProps('tenantName')} />
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
  const canBackUp = useCan(PERMISSIONS.BACKUP_MANAGE)
  return (
    <Stack maw={560}>
      <PageHeader title={t('settings.title')} />
      <SettingsSection<'settings.get'> title={t('settings.general')} hint={t('settings.sessionsHint')} query={query}>
        {(settings) => <SettingsForm key={JSON.stringify(settings)} settings={settings} />}
      </SettingsSection>
      <BusinessZoneSection />
      <CallbackSettings />
      <FourEyesSection />
      {canBackUp && (
        <>
          <BackupSection />
          <LedgerCheckSection />
        </>
      )}
    </Stack>
  )
}
