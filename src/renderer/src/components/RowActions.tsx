/** The buttons of a master-data row: details for everyone, edit and enable/disable for writers. */
import { Button, Group, Popover, Stack, Text } from '@mantine/core'
import { useState } from 'react'
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
  /** Left out when the user may not write. `name` is what the confirmation names. */
  status?: { current: Status; toggle: () => void; name?: string }
  /** Why the row is not changed here (shown instead of the write buttons). */
  note?: string | null
}

/**
 * Disabling takes a second click on a confirmation that names the row: one slip on a busy list
 * stopped a live channel (or a merchant, a contract) at once. Enabling again is one click.
 */
function DisableButton({ name, onConfirm }: { name?: string; onConfirm: () => void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="light" color="red" onClick={() => setOpen((o) => !o)}>
          {t('master.disable')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={280}>
          <Text size="sm">{name ? t('master.disableConfirm', { name }) : t('master.disableConfirmThis')}</Text>
          <Group gap="xs" justify="flex-end">
            <Button size="compact-sm" variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="compact-sm"
              color="red"
              onClick={() => {
                setOpen(false)
                onConfirm()
              }}
            >
              {t('master.disableConfirmButton')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}

export function RowActions({ onDetails, onEdit, status, note }: RowActionsProps) {
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
      {status &&
        (status.current === 'active' ? (
          <DisableButton name={status.name} onConfirm={status.toggle} />
        ) : (
          <Button size="compact-sm" variant="light" color="green" onClick={status.toggle}>
            {t('master.enable')}
          </Button>
        ))}
      {note && (
        <Text size="xs" c="dimmed" data-testid="row-kept-by">
          {note}
        </Text>
      )}
    </Group>
  )
}
