/**
 * The dialogs of a master-data list: a modal to create or edit a row, and a drawer with its
 * details. One of them at a time, driven by `useEntityDialogs`.
 */
import { Modal } from '@mantine/core'
import { useState, type ReactNode } from 'react'

export type EntityDialog<R> = { kind: 'create' } | { kind: 'edit'; row: R } | { kind: 'details'; row: R } | null

export function useEntityDialogs<R>() {
  const [dialog, setDialog] = useState<EntityDialog<R>>(null)
  return {
    dialog,
    create: () => setDialog({ kind: 'create' }),
    edit: (row: R) => setDialog({ kind: 'edit', row }),
    details: (row: R) => setDialog({ kind: 'details', row }),
    close: () => setDialog(null)
  }
}

interface EntityDialogsProps<R> {
  dialogs: ReturnType<typeof useEntityDialogs<R>>
  createTitle: string
  editTitle: (row: R) => string
  /** The create form without a row, the edit form with one; `done` closes the dialog. */
  form: (row: R | undefined, done: () => void) => ReactNode
  /** The details drawer of a row (it closes through `close`); none for a list without one. */
  details?: (row: R, close: () => void) => ReactNode
}

export function EntityDialogs<R>({ dialogs, createTitle, editTitle, form, details }: EntityDialogsProps<R>) {
  const { dialog, close } = dialogs
  return (
    <>
      <Modal opened={dialog?.kind === 'create' || dialog?.kind === 'edit'} onClose={close} title={dialog?.kind === 'edit' ? editTitle(dialog.row) : createTitle}>
        {dialog?.kind === 'create' && form(undefined, close)}
        {dialog?.kind === 'edit' && form(dialog.row, close)}
      </Modal>
      {dialog?.kind === 'details' && details?.(dialog.row, close)}
    </>
  )
}
