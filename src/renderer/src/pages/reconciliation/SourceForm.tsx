/** Editing a source's own fields (its profile changes by new versions, in the profile editor). */
import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../shared/contract'
import type { SourceRow } from '../../../../shared/contract/reconciliation'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import { SourceFields, sourceInput, sourceValues, type SourceValues } from './SourceFields'

export function SourceForm({ source, onDone }: { source: SourceRow; onDone: () => void }) {
  const { t } = useTranslation()
  const update = useApiMutation('recon.sources.update', { invalidate: ['recon.sources.list'] })
  const { form, submit } = useEntityForm<SourceValues, InputOf<'recon.sources.update'>>({
    initialValues: sourceValues(source),
    schema: contract['recon.sources.update'].input,
    toInput: (v) => ({ ...sourceInput(v), id: source.id, status: v.status }),
    save: async (input) => {
      const saved = await update.mutateAsync(input)
      return t('recon.source.saved', { name: saved.name })
    },
    onDone
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SourceFields form={form} source={source} withStatus />
        <FormButtons onCancel={onDone} submitLabel={t('common.save')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
