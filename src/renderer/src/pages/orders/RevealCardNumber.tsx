/**
 * A card or account number on the order page is masked (first 6, last 4) like everywhere else.
 * Holders of CARD_NUMBER_REVEAL get a button beside it that asks for a reason and shows the full
 * number in the dialog only: the host audits each reveal, and the number is never cached or kept
 * once the dialog closes.
 */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import type { OrderDetail, SealedOrderField } from '../../../../shared/contract/orders'
import { call } from '../../api/client'
import { ApiError } from '../../api/error'
import { FormButtons } from '../../components/form/FormButtons'
import { apiErrorMessage } from '../../components/notify'
import { zodFormErrors } from '../../forms/zodForm'
import { fieldErrorMessage } from '../../i18n/messages'

function RevealDialog({ order, field, label, onClose }: { order: OrderDetail; field: SealedOrderField; label: string; onClose: () => void }) {
  const { t } = useTranslation()
  const [refusal, setRefusal] = useState<string | null>(null)
  const form = useForm({
    initialValues: { reason: '' },
    validate: (values) => zodFormErrors(contract['orders.revealCardNumber'].input, { id: order.id, field, reason: values.reason })
  })
  const reveal = useMutation<{ value: string }, ApiError, string>({ mutationFn: (reason) => call('orders.revealCardNumber', { id: order.id, field, reason }) })
  const submit = form.onSubmit(async ({ reason }) => {
    setRefusal(null)
    try {
      await reveal.mutateAsync(reason)
    } catch (error) {
      if (error instanceof ApiError && error.field === 'reason') form.setFieldError('reason', fieldErrorMessage(error, t))
      else setRefusal(apiErrorMessage(error))
    }
  })
  if (reveal.data) {
    return (
      <Stack>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Code data-testid="revealed-number" style={{ overflowWrap: 'anywhere' }}>
            {reveal.data.value}
          </Code>
          <CopyButton value={reveal.data.value}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="light" color={copied ? 'green' : undefined} onClick={copy}>
                {copied ? t('payment.copied') : t('payment.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    )
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('orderDetail.revealWarning')}</Text>
        <Textarea label={t('manual.reason')} withAsterisk autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        {refusal && (
          <Alert color="red" title={t('manual.refused')}>
            {refusal}
          </Alert>
        )}
        <FormButtons onCancel={onClose} submitLabel={t('orderDetail.reveal')} loading={reveal.isPending} />
      </Stack>
    </form>
  )
}

/** The masked number and, for a holder of the code, the button that reveals it. */
export function RevealableNumber({ order, field, label, masked, canReveal }: { order: OrderDetail; field: SealedOrderField; label: string; masked: string; canReveal: boolean }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <Group gap="xs" wrap="nowrap">
      <span>{masked}</span>
      {canReveal && (
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
          {t('orderDetail.reveal')}
        </Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('orderDetail.revealTitle', { field: label, orderNo: order.orderNo })}>
        {open && <RevealDialog order={order} field={field} label={label} onClose={() => setOpen(false)} />}
      </Modal>
    </Group>
  )
}
