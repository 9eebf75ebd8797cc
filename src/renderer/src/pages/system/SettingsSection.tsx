/**
 * One section of the Settings page: a titled panel that reads its settings, shows them in a form
 * validated by the update procedure's own schema, and saves them; a refusal lands under its field.
 */
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf, type OutputOf } from '../../../../shared/contract'
import type { ApiError } from '../../api/error'
import { useApiMutation } from '../../api/hooks'
import { PageError } from '../../components/FullPageState'
import { notifySuccess } from '../../components/notify'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'

type UpdateProcedure = 'settings.update' | 'callbacks.updateSettings' | 'backups.updateSettings' | 'fourEyes.updateSettings'
type ReadProcedure = 'settings.get' | 'callbacks.settings' | 'backups.settings' | 'fourEyes.settings'

interface SettingsFormOptions<N extends UpdateProcedure, V extends object> {
  update: N
  /** The read the saved values refresh. */
  read: ReadProcedure
  initialValues: V
  toInput: (values: V) => InputOf<N>
  savedMessage: string
}

export function useSettingsForm<N extends UpdateProcedure, V extends object>({ update, read, initialValues, toInput, savedMessage }: SettingsFormOptions<N, V>) {
  const mutation = useApiMutation(update, { invalidate: [read] })
  const form = useForm<V>({ initialValues, validate: (values) => zodFormErrors(contract[update].input, toInput(values)) })
  const submit = form.onSubmit(async (values) => {
    try {
      await mutation.mutateAsync(toInput(values))
      notifySuccess(savedMessage)
    } catch (error) {
      applyApiError(form, error)
    }
  })
  return { form, submit }
}

export function SaveButton({ loading }: { loading: boolean }) {
  const { t } = useTranslation()
  return (
    <Group>
      <Button type="submit" loading={loading}>
        {t('common.save')}
      </Button>
    </Group>
  )
}

interface SettingsSectionProps<N extends ReadProcedure> {
  title: string
  hint: string
  query: UseQueryResult<OutputOf<N>, ApiError>
  /** The form over the settings read (keyed by them, so a save that changes them starts it afresh). */
  children: (settings: OutputOf<N>) => ReactNode
}

export function SettingsSection<N extends ReadProcedure>({ title, hint, query, children }: SettingsSectionProps<N>) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{title}</Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {query.isPending && <Loader aria-label={t('app.loading')} />}
        {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && children(query.data)}
      </Stack>
    </Paper>
  )
}
