import { Button, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import type { Settings } from '../../../../shared/contract/system'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { PageError } from '../../components/FullPageState'
import { notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'

interface Values {
  sessionIdleMinutes: number | string
  sessionAbsoluteMinutes: number | string
}

// NumberInput reports an empty box as ''; the contract then says "must be a number".
const toInput = (values: Values) => ({
  sessionIdleMinutes: values.sessionIdleMinutes === '' ? undefined : Number(values.sessionIdleMinutes),
  sessionAbsoluteMinutes: values.sessionAbsoluteMinutes === '' ? undefined : Number(values.sessionAbsoluteMinutes)
})

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation()
  const update = useApiMutation('settings.update', { invalidate: ['settings.get'] })
  const form = useForm<Values>({
    initialValues: settings,
    validate: (values) => zodFormErrors(contract['settings.update'].input, toInput(values))
  })

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(toInput(values) as Settings)
      form.resetDirty(saved)
      notifySuccess(t('settings.saved'))
    } catch (error) {
      applyApiError(form, error)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NumberInput label={t('settings.idle')} min={1} allowDecimal={false} {...form.getInputProps('sessionIdleMinutes')} />
        <NumberInput label={t('settings.absolute')} min={5} allowDecimal={false} {...form.getInputProps('sessionAbsoluteMinutes')} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function SettingsPage() {
  const { t } = useTranslation()
  const settings = useApiQuery('settings.get', {}, { meta: { silent: true } })
  return (
    <Stack maw={560}>
      <PageHeader title={t('settings.title')} />
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t('settings.sessions')}</Title>
          <Text size="sm" c="dimmed">
            {t('settings.sessionsHint')}
          </Text>
          {settings.isPending && <Loader aria-label={t('app.loading')} />}
          {settings.isError && <PageError error={settings.error} onRetry={() => void settings.refetch()} />}
          {settings.data && <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />}
        </Stack>
      </Paper>
    </Stack>
  )
}
