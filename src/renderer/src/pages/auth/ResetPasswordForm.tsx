import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../shared/contract'
import type { UserRow } from '../../../../shared/contract/users'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import { NewPasswordInput } from './userFields'

export function ResetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const { t } = useTranslation()
  const reset = useApiMutation('users.resetPassword', { invalidate: ['users.list'] })
  const { form, submit } = useEntityForm<{ newPassword: string }, InputOf<'users.resetPassword'>>({
    initialValues: { newPassword: '' },
    schema: contract['users.resetPassword'].input,
    toInput: (values) => ({ id: user.id, newPassword: values.newPassword }),
    save: async (input) => {
      await reset.mutateAsync(input)
      return t('users.passwordReset', { username: user.username })
    },
    onDone,
    emptyIsRequired: false
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('users.resetHint')}
        </Text>
        <NewPasswordInput label={t('users.newPassword')} data-autofocus {...form.getInputProps('newPassword')} />
        <FormButtons onCancel={onDone} submitLabel={t('users.resetPassword')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
