/**
 * The manual operations on an order (SPEC §6), each shown only to holders of its code: close
 * (1031), re-query upstream (1032), mark succeeded or failed (1033, a deposit with an optional
 * paid amount) or a paid payout returned by the bank (1033), resend the merchant notification (1034). Each asks for a reason. One the order's
 * state does not allow is disabled with why (shared/order-actions.ts, the rule the host enforces);
 * the host may still refuse on what only it sees (a late payment already parked), and says why.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { manualActionRefusal, type ManualAction } from '../../../../shared/order-actions'
import { PERMISSIONS, type PermissionCode } from '../../../../shared/permissions'
import { call } from '../../api/client'
import { ApiError } from '../../api/error'
import { invalidateAfter } from '../../api/stales'
import { FormButtons } from '../../components/form/FormButtons'
import { apiErrorMessage, notifySuccess } from '../../components/notify'
import { zodFormErrors } from '../../forms/zodForm'
import { fieldErrorMessage } from '../../i18n/messages'
import { holdsAny, useCurrentUser } from '../../session/currentUser'
import { useServerText } from '../../i18n/serverText'
import { manualDoneNotice } from './manualDone'

const ACTIONS: readonly { key: ManualAction; code: PermissionCode; color?: string }[] = [
  { key: 'requery', code: PERMISSIONS.MANUAL_REQUERY_ORDER },
  { key: 'markSucceeded', code: PERMISSIONS.MANUAL_MARK_RESULT, color: 'green' },
  { key: 'markFailed', code: PERMISSIONS.MANUAL_MARK_RESULT, color: 'orange' },
  { key: 'markReturned', code: PERMISSIONS.MANUAL_MARK_RESULT, color: 'grape' },
  { key: 'resend', code: PERMISSIONS.MANUAL_RESEND_NOTIFICATION },
  { key: 'close', code: PERMISSIONS.MANUAL_CLOSE_ORDER, color: 'red' }
]

interface Values {
  reason: string
  paidAmount: string
}

/** The procedure and its input for an action. */
function request(action: ManualAction, id: number, values: Values) {
  const reason = values.reason
  switch (action) {
    case 'close':
      return { name: 'orders.close' as const, input: { id, reason } }
    case 'requery':
      return { name: 'orders.requery' as const, input: { id, reason } }
    case 'resend':
      return { name: 'orders.resendNotification' as const, input: { id, reason } }
    default: {
      const paidAmount = action === 'markSucceeded' && values.paidAmount.trim() ? values.paidAmount.trim() : undefined
      const result = action === 'markSucceeded' ? ('succeeded' as const) : action === 'markReturned' ? ('returned' as const) : ('failed' as const)
      return { name: 'orders.markResult' as const, input: { id, reason, result, paidAmount } }
    }
  }
}

function send(action: ManualAction, id: number, values: Values): Promise<OrderDetail> {
  const r = request(action, id, values)
  return r.name === 'orders.markResult' ? call(r.name, r.input) : call(r.name, r.input)
}

function ManualActionDialog({ order, action, onClose }: { order: OrderDetail; action: ManualAction; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [refusal, setRefusal] = useState<string | null>(null)
  const form = useForm<Values>({
    initialValues: { reason: '', paidAmount: '' },
    validate: (values) => {
      const { name, input } = request(action, order.id, values)
      return zodFormErrors(contract[name].input, input)
    }
  })
  const mutation = useMutation<OrderDetail, ApiError, Values>({
    mutationFn: (values) => send(action, order.id, values),
    onSuccess: () => invalidateAfter(queryClient, request(action, order.id, { reason: '', paidAmount: '' }).name)
  })
  const submit = form.onSubmit(async (values) => {
    setRefusal(null)
    try {
      const after = await mutation.mutateAsync(values)
      notifySuccess(manualDoneNotice(t, action, order, after))
      onClose()
    } catch (error) {
      if (error instanceof ApiError && (error.field === 'reason' || error.field === 'paidAmount')) form.setFieldError(error.field, fieldErrorMessage(error, t))
      else setRefusal(apiErrorMessage(error))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t(`manual.warnings.${action}`)}</Text>
        <Textarea label={t('manual.reason')} description={t('manual.reasonHint')} withAsterisk autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        {action === 'markSucceeded' && order.direction === 'deposit' && (
          <TextInput
            label={t('manual.paidAmount')}
            description={t('manual.paidAmountHint', { currency: order.currency })}
            inputMode="decimal"
            {...form.getInputProps('paidAmount')}
          />
        )}
        {refusal && (
          <Alert color="red" title={t('manual.refused')} data-testid="manual-refusal">
            {refusal}
          </Alert>
        )}
        <FormButtons onCancel={onClose} submitLabel={t('manual.confirm')} loading={mutation.isPending} />
      </Stack>
    </form>
  )
}

export function ManualActions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const say = useServerText()
  const me = useCurrentUser()
  const [open, setOpen] = useState<ManualAction | null>(null)
  // Returned is a payout's alone: a deposit's money goes back by a refund.
  const allowed = ACTIONS.filter((a) => holdsAny(me, [a.code]) && (a.key !== 'markReturned' || order.direction === 'payout'))
  if (allowed.length === 0) return null
  return (
    <>
      <Group gap="xs" data-testid="manual-actions">
        {allowed.map((a) => {
          // What the order's state does not allow is shown disabled with why (the host refuses it by the same rule).
          const refusal = manualActionRefusal(order, a.key)
          const button = (
            <Button key={a.key} size="xs" variant="light" color={a.color} disabled={refusal !== null} onClick={() => setOpen(a.key)} data-action={a.key}>
              {t(`manual.${a.key}`)}
            </Button>
          )
          if (!refusal) return button
          const why = say(refusal.text)
          return (
            <Tooltip key={a.key} label={why} multiline maw={320}>
              <span aria-label={`${t(`manual.${a.key}`)}: ${why}`} data-testid={`manual-unavailable-${a.key}`}>
                {button}
              </span>
            </Tooltip>
          )
        })}
      </Group>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? t(`manual.titles.${open}`, { orderNo: order.orderNo }) : ''}>
        {open && <ManualActionDialog key={open} order={order} action={open} onClose={() => setOpen(null)} />}
      </Modal>
    </>
  )
}
