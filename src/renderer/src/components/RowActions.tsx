/** The buttons of a master-data row: details for everyone, edit and enable/disable for writers. */
import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InputOf, ProcedureName } from '../../../shared/contract'
import { useApiMutation } from '../api/hooks'
import { notifyError, notifySuccess } from './notify'

type Status = 'active' | 'disabled'

export type SetStatusProcedure = Extract<ProcedureName, `${string}.setStatus`>

/**
 * Enables or disables a row through its `*.setStatus`, then says so by the row's name.
 * `invalidate` lists the reads that show the status (the list, and any read that joins it).
 */
export function useStatusToggle<N extends SetStatusProcedure>(procedure: N, invalidate: readonly ProcedureName[]) {
  const { t } = useTranslation()
  const mutation = useApiMutation(procedure, { invalidate })
  return async (input: Omit<InputOf<N>, 'status'>, current: Status, name: string) => {
    const next: Status = current === 'active' ? 'disabled' : 'active'
    try {
      await mutation.mutateAsync({ ...input, status: next } as InputOf<N>)
      notifySuccess(t(next === 'active' ? 'master.enabledDone' : 'master.disabledDone', { name }))
    } catch (error) {
      notifyError(error)
    }
  }
}

interface RowActionsProps {
  onDetails: () => void
  /** Left out when the user may not write. */
  onEdit?: () => void
  /** Left out when the user may not write. */
  status?: { current: Status; toggle: () => void }
}

export function RowActions({ onDetails, onEdit, status }: RowActionsProps) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="subtle" onClick={onDetails}>
        {t('master.details')}
      </Button>
      {onEdit && (
        <Button size="compact-sm" variant="light" onClick={onEdit}>
          {t('common.edit')}
        </Button>
      )}
      {status && (
        <Button size="compact-sm" variant="light" color={status.current === 'active' ? 'red' : 'green'} onClick={status.toggle}>
          {status.current === 'active' ? t('master.disable') : t('master.enable')}
        </Button>
      )}
    </Group>
  )
}
