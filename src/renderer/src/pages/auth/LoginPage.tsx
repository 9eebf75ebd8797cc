import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router-dom'
import { contract } from '../../../../shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FullPageLoader } from '../../components/FullPageState'
import { apiErrorMessage } from '../../components/notify'
import { zodFormErrors } from '../../forms/zodForm'
import { useSignIn } from '../../session/actions'
import { CHANGE_PASSWORD_PATH } from '../../session/SessionGate'
import { AuthCard } from './AuthCard'

export function LoginPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const signIn = useSignIn()
  const [failure, setFailure] = useState<string | null>(null)
  const setup = useApiQuery('auth.setupStatus', {}, { staleTime: Infinity })
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: (values) => zodFormErrors(contract['auth.login'].input, values)
  })

  if (setup.isPending) return <FullPageLoader />
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />

  const from = (location.state as { from?: string } | null)?.from
  const submit = form.onSubmit(async (values) => {
    setFailure(null)
    try {
      const me = await signIn(values)
      const target = me.mustChangePassword ? CHANGE_PASSWORD_PATH : from && from !== '/login' ? from : '/'
      void navigate(target, { replace: true })
    } catch (error) {
      setFailure(apiErrorMessage(error))
    }
  })

  return (
    <AuthCard title={t('login.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput label={t('login.username')} autoComplete="username" autoFocus {...form.getInputProps('username')} />
          <PasswordInput label={t('login.password')} autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={form.submitting}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  )
}
