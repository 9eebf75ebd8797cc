import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import type { UserRow } from '../../../../shared/contract/users'
import { useApiMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'

export function ResetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const { t } = useTranslation()
  const reset = useApiMutation('users.resetPassword', { invalidate: ['users.list'] })
  const form = useForm({
    initialValues: { newPassword: '' },
    validate: (values) => zodFormErrors(contract['users.resetPassword'].input, { id: user.id, newPassword: values.newPassword })
  })

  const submit = form.onSubmit(async (values) => {
    try {
      await reset.mutateAsync({ id: user.id, newPassword: values.newPassword })
      notifySuccess(t('users.passwordReset', { username: user.username }))
      onDone()
    } catch (error) {
      applyApiError(form, error)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('users.resetHint')}
        </Text>
        <PasswordInput
          label={t('users.newPassword')}
          description={t('setup.passwordHint')}
          autoComplete="new-password"
          data-autofocus
          {...form.getInputProps('newPassword')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
