import { Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../shared/contract'
import type { RoleRow, UserRow } from '../../../../shared/contract/users'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import { MerchantSelect, merchantIdOf, NewPasswordInput, PLATFORM, RoleMultiSelect } from './userFields'

interface Values {
  username: string
  displayName: string
  password: string
  merchantId: string
  roleIds: string[]
}

type Input = InputOf<'users.create'> | InputOf<'users.update'>

interface UserFormProps {
  /** The user being edited; left out, the form creates one. */
  user?: UserRow
  roles: readonly RoleRow[]
  onDone: () => void
}

/**
 * Creates a user (name, initial password, merchant, roles), or edits one when `user` is given: its
 * display name, merchant and roles. The username is fixed once made; the password is reset apart.
 */
export function UserForm({ user, roles, onDone }: UserFormProps) {
  const { t } = useTranslation()
  const create = useApiMutation('users.create', { invalidate: ['users.list', 'roles.list'] })
  const update = useApiMutation('users.update', { invalidate: ['users.list', 'roles.list', 'auth.me'] })
  const { form, submit } = useEntityForm<Values, Input>({
    initialValues: {
      username: '',
      displayName: user?.displayName ?? '',
      password: '',
      merchantId: user && user.merchantId !== null ? String(user.merchantId) : PLATFORM,
      roleIds: user?.roles.map((role) => String(role.id)) ?? []
    },
    schema: user ? contract['users.update'].input : contract['users.create'].input,
    toInput: (values) => {
      const fields = { displayName: values.displayName, merchantId: merchantIdOf(values.merchantId), roleIds: values.roleIds.map(Number) }
      return user ? { id: user.id, ...fields } : { username: values.username, password: values.password, ...fields }
    },
    save: async (input) => {
      if ('id' in input) {
        const saved = await update.mutateAsync(input)
        return t('users.updated', { username: saved.username })
      }
      const created = await create.mutateAsync(input)
      return t('users.created', { username: created.username })
    },
    onDone,
    emptyIsRequired: false
  })

  const current = user && user.merchantId !== null && user.merchantName ? { id: user.merchantId, name: user.merchantName } : null
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!user && <TextInput label={t('users.username')} autoComplete="off" data-autofocus {...form.getInputProps('username')} />}
        <TextInput label={t('users.displayName')} autoComplete="off" data-autofocus={user ? true : undefined} {...form.getInputProps('displayName')} />
        {!user && <NewPasswordInput label={t('users.initialPassword')} description={t('users.initialPasswordHint')} {...form.getInputProps('password')} />}
        <MerchantSelect current={current} {...form.getInputProps('merchantId')} />
        <RoleMultiSelect roles={roles} {...form.getInputProps('roleIds')} />
        <FormButtons onCancel={onDone} submitLabel={user ? t('common.save') : t('users.create')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
