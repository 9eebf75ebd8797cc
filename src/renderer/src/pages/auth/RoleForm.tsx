import { Stack, TextInput, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../shared/contract'
import type { RoleRow } from '../../../../shared/contract/users'
import { withNeeds } from '../../../../shared/permissions'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import { PermissionChecklist } from './PermissionChecklist'

interface Values {
  name: string
  description: string
  permissions: string[]
}

/** Creates a custom role, or edits one when `role` is given. */
export function RoleForm({ role, onDone }: { role?: RoleRow; onDone: () => void }) {
  const { t } = useTranslation()
  const invalidate = ['roles.list', 'users.list', 'auth.me'] as const
  const create = useApiMutation('roles.create', { invalidate })
  const update = useApiMutation('roles.update', { invalidate })
  const { form, submit } = useEntityForm<Values, InputOf<'roles.create'> | InputOf<'roles.update'>>({
    initialValues: {
      name: role?.name ?? '',
      description: role?.description ?? '',
      // A role saved before it had to hold what its codes need opens with those ticked, to be saved.
      permissions: role ? withNeeds(role.permissions).map(String) : []
    },
    schema: role ? contract['roles.update'].input : contract['roles.create'].input,
    toInput: (values) => {
      const fields = { name: values.name, description: values.description, permissions: values.permissions.map(Number) }
      return role ? { id: role.id, ...fields } : fields
    },
    save: async (input) => {
      const saved = 'id' in input ? await update.mutateAsync(input) : await create.mutateAsync(input)
      return t(role ? 'roles.updated' : 'roles.created', { name: saved.name })
    },
    onDone,
    emptyIsRequired: false
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('roles.name')} autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('roles.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <PermissionChecklist {...form.getInputProps('permissions')} />
        <FormButtons onCancel={onDone} submitLabel={role ? t('common.save') : t('roles.create')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
