/**
 * The forms of the after-sales dialogs: values checked with the procedure's own zod schema, sent,
 * the cached reads refreshed, the host's refusal put under its field or shown in the dialog.
 */
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { contract, type InputOf, type OutputOf, type ProcedureName } from '../../../../shared/contract'
import { call } from '../../api/client'
import { invalidateAfter } from '../../api/stales'
import { ApiError } from '../../api/error'
import { apiErrorMessage } from '../../components/notify'
import { displayDateTime, formatDateTime } from '../../format/time'
import { zodFormErrors } from '../../forms/zodForm'
import { i18n } from '../../i18n'
import { fieldErrorMessage } from '../../i18n/messages'

/** Reads an after-sales write can change. */
export const AFTERSALES_READS: readonly ProcedureName[] = ['refunds.list', 'refunds.get', 'refunds.quote', 'disputes.list', 'disputes.get', 'waybills.list', 'waybills.get', 'orders.get', 'orders.list', 'merchants.get', 'ledger.balances']

export function useCaseForm<N extends ProcedureName, V extends Record<string, unknown>>(name: N, initialValues: V, toInput: (values: V) => InputOf<N>, onDone: (result: OutputOf<N>) => void) {
  const queryClient = useQueryClient()
  const [refusal, setRefusal] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const form = useForm<V>({ initialValues, validate: (values) => zodFormErrors(contract[name].input, toInput(values)) })
  const submit = form.onSubmit(async (values) => {
    setRefusal(null)
    setPending(true)
    try {
      const result = await call(name, toInput(values))
      await invalidateAfter(queryClient, name, AFTERSALES_READS)
      onDone(result)
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined
      if (field && Object.prototype.hasOwnProperty.call(values, field)) form.setFieldError(field, fieldErrorMessage(error as ApiError, i18n.t))
      else setRefusal(apiErrorMessage(error))
    } finally {
      setPending(false)
    }
  })
  return { form, submit, refusal, pending }
}

/** `datetime-local` text, on the clock of the user's display zone (as every time on screen) ↔ milliseconds. */
export function localInputOf(ms: number): string {
  return formatDateTime(ms).slice(0, 16).replace(' ', 'T')
}

export function msOfLocalInput(text: string): number | undefined {
  if (!text) return undefined
  return displayDateTime(text)
}
