import { Select, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract as api, type InputOf } from '../../../../shared/contract'
import type { TerminalRow } from '../../../../shared/contract/terminals'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { MerchantField, useDefaultMerchant } from '../../components/form/MerchantField'
import { useEntityForm } from '../../components/form/useEntityForm'

export const TERMINAL_TYPES = ['pos', 'web', 'app', 'api'] as const
type TerminalType = (typeof TERMINAL_TYPES)[number]

interface Values {
  merchantId: string
  type: TerminalType
  identifier: string
  name: string
}

/** Creates a terminal, or edits one (its merchant is fixed). */
export function TerminalForm({ terminal, onDone }: { terminal?: TerminalRow; onDone: () => void }) {
  const { t } = useTranslation()
  const defaultMerchant = useDefaultMerchant()
  const create = useApiMutation('terminals.create', { invalidate: ['terminals.list'] })
  const update = useApiMutation('terminals.update', { invalidate: ['terminals.list', 'terminals.get'] })
  const { form, submit } = useEntityForm<Values, InputOf<'terminals.create'> | InputOf<'terminals.update'>>({
    initialValues: {
      merchantId: terminal ? String(terminal.merchantId) : defaultMerchant,
      type: terminal?.type ?? 'pos',
      identifier: terminal?.identifier ?? '',
      name: terminal?.name ?? ''
    },
    schema: terminal ? api['terminals.update'].input : api['terminals.create'].input,
    toInput: ({ merchantId, ...fields }) =>
      terminal ? { id: terminal.id, ...fields } : { merchantId: merchantId ? Number(merchantId) : Number.NaN, ...fields },
    save: async (input) => {
      const saved = 'id' in input ? await update.mutateAsync(input) : await create.mutateAsync(input)
      return t(terminal ? 'terminals.updated' : 'terminals.created', { name: saved.identifier })
    },
    onDone
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {terminal ? (
          <TextInput label={t('master.merchant')} value={terminal.merchantName} readOnly />
        ) : (
          <MerchantField {...form.getInputProps('merchantId')} />
        )}
        <Select
          label={t('terminals.type')}
          data={TERMINAL_TYPES.map((type) => ({ value: type, label: t(`terminals.types.${type}`) }))}
          {...form.getInputProps('type')}
        />
        <TextInput label={t('terminals.identifier')} description={t('terminals.identifierHint')} autoComplete="off" {...form.getInputProps('identifier')} />
        <TextInput label={t('terminals.name')} autoComplete="off" {...form.getInputProps('name')} />
        <FormButtons onCancel={onDone} submitLabel={terminal ? t('common.save') : t('terminals.create')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
