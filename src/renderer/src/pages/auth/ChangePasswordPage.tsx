import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { contract } from '../../../../shared/contract'
import { useApiMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'
import { i18n } from '../../i18n'
import { ME_QUERY_KEY, useSignOut } from '../../session/actions'
import { useCurrentUser } from '../../session/currentUser'
import { AuthCard } from './AuthCard'
import { NewPasswordInput } from './userFields'

export function ChangePasswordPage() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const signOut = useSignOut()
  const change = useApiMutation('auth.changePassword')
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => {
      const errors = zodFormErrors(contract['auth.changePassword'].input, {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword
      })
      if (values.confirmPassword !== values.newPassword) errors.confirmPassword = i18n.t('validation.passwordsDiffer')
      return errors
    }
  })

  const submit = form.onSubmit(async (values) => {
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword })
    } catch (error) {
      applyApiError(form, error)
      return
    }
    queryClient.setQueryData(ME_QUERY_KEY, { ...me, mustChangePassword: false })
    notifySuccess(t('changePassword.changed'))
    void navigate('/', { replace: true })
  })

  return (
    <AuthCard title={t('changePassword.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {me.mustChangePassword && <Alert color="yellow">{t('changePassword.mustChange')}</Alert>}
          <PasswordInput
            label={t('changePassword.currentPassword')}
            autoComplete="current-password"
            autoFocus
            {...form.getInputProps('currentPassword')}
          />
          <NewPasswordInput label={t('changePassword.newPassword')} {...form.getInputProps('newPassword')} />
          <PasswordInput label={t('changePassword.confirmPassword')} autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
          <Group justify="space-between">
            {me.mustChangePassword ? (
              <Button variant="default" onClick={() => void signOut()}>
                {t('header.signOut')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => void navigate('/')}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={form.submitting}>
              {t('changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  )
}
