import { SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../shared/contract'
import type { MerchantRow } from '../../../../shared/contract/merchants'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import type { ShownSecret } from './SigningSecretModal'

interface Values {
  name: string
  contactName: string
  contactEmail: string
  contactPhone: string
  notifyUrl: string
}

interface MerchantFormProps {
  merchant?: MerchantRow
  onDone: () => void
  /** A new merchant's signing secret, to be shown once. */
  onSecret: (secret: ShownSecret) => void
}

/** Creates a merchant (its status is changed with Enable/Disable), or edits one when `merchant` is given. */
export function MerchantForm({ merchant, onDone, onSecret }: MerchantFormProps) {
  const { t } = useTranslation()
  const create = useApiMutation('merchants.create', { invalidate: ['merchants.list', 'users.list'] })
  const update = useApiMutation('merchants.update', { invalidate: ['merchants.list', 'merchants.get', 'users.list', 'auth.me'] })
  const { form, submit } = useEntityForm<Values, InputOf<'merchants.create'>>({
    initialValues: {
      name: merchant?.name ?? '',
      contactName: merchant?.contactName ?? '',
      contactEmail: merchant?.contactEmail ?? '',
      contactPhone: merchant?.contactPhone ?? '',
      notifyUrl: merchant?.notifyUrl ?? ''
    },
    schema: merchant ? contract['merchants.update'].input : contract['merchants.create'].input,
    toInput: (values) => (merchant ? { id: merchant.id, status: merchant.status, ...values } : values),
    save: async (input) => {
      if (merchant) {
        const saved = await update.mutateAsync({ ...input, id: merchant.id, status: merchant.status })
        return t('merchants.updated', { name: saved.name })
      }
      const created = await create.mutateAsync(input)
      onSecret({ merchantName: created.name, secret: created.signingSecret })
      return t('merchants.created', { name: created.name })
    },
    onDone
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('merchants.name')} autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('merchants.contactName')} autoComplete="off" {...form.getInputProps('contactName')} />
          <TextInput label={t('merchants.contactPhone')} autoComplete="off" {...form.getInputProps('contactPhone')} />
        </SimpleGrid>
        <TextInput label={t('merchants.contactEmail')} type="email" autoComplete="off" {...form.getInputProps('contactEmail')} />
        <TextInput
          label={t('merchants.notifyUrl')}
          description={t('merchants.notifyUrlHint')}
          placeholder="https://merchant.example/notify"
          autoComplete="off"
          {...form.getInputProps('notifyUrl')}
        />
        <FormButtons onCancel={onDone} submitLabel={merchant ? t('common.save') : t('merchants.create')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
