import { Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate } from 'react-router-dom'
import { contract, type InputOf } from '../../../../shared/contract'
import { call } from '../../api/client'
import { apiQueryKey, useApiQuery } from '../../api/hooks'
import { FullPageError, FullPageLoader } from '../../components/FullPageState'
import { notifyError, notifySuccess } from '../../components/notify'
import { applyApiError, zodFormErrors } from '../../forms/zodForm'
import { i18n } from '../../i18n'
import { ruleText } from '../../i18n/messages'
import { useSignIn } from '../../session/actions'
import { AuthCard } from './AuthCard'
import { NewPasswordInput } from './userFields'

interface SetupValues {
  username: string
  displayName: string
  password: string
  confirmPassword: string
  setupCode: string
}

function toInput(values: SetupValues, codeRequired: boolean): InputOf<'auth.setupAdmin'> {
  return {
    username: values.username,
    displayName: values.displayName,
    password: values.password,
    ...(codeRequired ? { setupCode: values.setupCode } : {})
  }
}

export function SetupPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const signIn = useSignIn()
  const status = useApiQuery('auth.setupStatus', {}, { staleTime: Infinity, meta: { silent: true } })
  const codeRequired = status.data?.setupCodeRequired ?? false
  const form = useForm<SetupValues>({
    initialValues: { username: '', displayName: '', password: '', confirmPassword: '', setupCode: '' },
    validate: (values) => {
      const errors = zodFormErrors(contract['auth.setupAdmin'].input, toInput(values, codeRequired))
      if (codeRequired && values.setupCode.trim() === '') errors.setupCode ??= ruleText('rule.required', i18n.t)
      if (values.confirmPassword !== values.password) errors.confirmPassword = i18n.t('validation.passwordsDiffer')
      return errors
    }
  })

  if (status.isError) return <FullPageError error={status.error} onRetry={() => void status.refetch()} />
  if (status.isPending) return <FullPageLoader />
  if (!status.data.needsSetup) return <Navigate to="/login" replace />

  const submit = form.onSubmit(async (values) => {
    try {
      await call('auth.setupAdmin', toInput(values, codeRequired))
    } catch (error) {
      applyApiError(form, error)
      return
    }
    queryClient.setQueryData(apiQueryKey('auth.setupStatus', {}), { needsSetup: false, setupCodeRequired: false })
    try {
      await signIn({ username: values.username, password: values.password })
      notifySuccess(t('setup.created'))
      void navigate('/', { replace: true })
    } catch (error) {
      // The administrator exists; only the automatic sign-in failed, so the sign-in page takes over.
      notifyError(error)
      void navigate('/login', { replace: true })
    }
  })

  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('setup.username')} autoComplete="username" autoFocus {...form.getInputProps('username')} />
          <TextInput label={t('setup.displayName')} autoComplete="name" {...form.getInputProps('displayName')} />
          <NewPasswordInput label={t('setup.password')} {...form.getInputProps('password')} />
          <PasswordInput label={t('setup.confirmPassword')} autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
          {codeRequired && (
            <TextInput
              label={t('setup.setupCode')}
              description={t('setup.setupCodeHint')}
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('setupCode')}
            />
          )}
          <Button type="submit" loading={form.submitting}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  )
}
