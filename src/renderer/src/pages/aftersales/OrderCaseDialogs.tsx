/**
 * The after-sales actions of a paid deposit, from its detail page: refund (REFUND_WRITE), open a
 * dispute (DISPUTE_WRITE) and add a waybill (WAYBILL_WRITE). Each form shows what can still be
 * refunded or disputed, checks with the contract's schema, and the host decides.
 */
import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { OutputOf } from '../../../../shared/contract'
import { DISPUTE_KIND_VALUES, WAYBILL_STATUS_VALUES } from '../../../../shared/contract/aftersales'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { useApiQuery } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { notifySuccess } from '../../components/notify'
import { formatAmount } from '../../format/amount'
import { zoned } from '../../format/time'
import { useServerText } from '../../i18n/serverText'
import { disputePath, refundPath } from './CaseLink'
import { RefusalAlert } from './RefusalAlert'
import { localInputOf, msOfLocalInput, useCaseForm } from './useCaseForm'

export type OrderCaseAction = 'refund' | 'dispute' | 'waybill'

interface DialogProps {
  order: OrderDetail
  onClose: () => void
}

/** Why the order can have no refund or dispute, in the host's words (the page disables both, but a form opened before the quote came says it too). */
function QuoteRefusal({ quote }: { quote: OutputOf<'refunds.quote'> | undefined }) {
  const say = useServerText()
  return <RefusalAlert message={quote?.unavailable ? say(quote.unavailable) : null} />
}

function RefundForm({ order, onClose }: DialogProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const quote = useApiQuery('refunds.quote', { orderId: order.id })
  const { form, submit, refusal, pending } = useCaseForm(
    'refunds.create',
    { amount: '', reason: '' },
    (v) => ({ orderId: order.id, amount: v.amount.trim(), reason: v.reason }),
    (refund) => {
      notifySuccess(t('aftersales.refund.requested', { refundNo: refund.refundNo, status: t(`aftersales.refundStatuses.${refund.status}`) }))
      onClose()
      void navigate(refundPath(refund.id))
    }
  )
  const money = (amount: string) => formatAmount(amount, order.currency)
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <QuoteRefusal quote={quote.data} />
        {quote.data?.refundFee != null && (
          <Text size="sm" data-testid="refund-quote">
            {t('aftersales.refund.intro', { paid: money(quote.data.paid), remaining: money(quote.data.remaining), fee: money(quote.data.refundFee) })}
          </Text>
        )}
        <TextInput label={t('aftersales.amount')} withAsterisk inputMode="decimal" rightSection={<Text size="xs">{order.currency}</Text>} data-autofocus {...form.getInputProps('amount')} />
        <Textarea label={t('aftersales.reason')} description={t('aftersales.reasonHint')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
        <RefusalAlert message={refusal} />
        <FormButtons onCancel={onClose} submitLabel={t('aftersales.refund.submit')} loading={pending} />
      </Stack>
    </form>
  )
}

function DisputeForm({ order, onClose }: DialogProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const quote = useApiQuery('refunds.quote', { orderId: order.id })
  const { form, submit, refusal, pending } = useCaseForm(
    'disputes.create',
    { kind: 'chargeback', reasonCode: '', amount: '', evidenceDueAt: localInputOf(Date.now() + 7 * 86_400_000), note: '' },
    (v) => ({
      orderId: order.id,
      kind: v.kind as (typeof DISPUTE_KIND_VALUES)[number],
      reasonCode: v.reasonCode,
      amount: v.amount.trim(),
      evidenceDueAt: msOfLocalInput(v.evidenceDueAt) as number,
      note: v.note.trim() || undefined
    }),
    (dispute) => {
      notifySuccess(t('aftersales.dispute.opened', { disputeNo: dispute.disputeNo }))
      onClose()
      void navigate(disputePath(dispute.id))
    }
  )
  const money = (amount: string) => formatAmount(amount, order.currency)
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <QuoteRefusal quote={quote.data} />
        {quote.data?.disputeFee != null && (
          <Text size="sm" data-testid="dispute-quote">
            {t('aftersales.dispute.intro', { remaining: money(quote.data.remaining), fee: money(quote.data.disputeFee) })}
          </Text>
        )}
        <Select
          label={t('aftersales.dispute.kind')}
          // What the host does with each kind when the merchant is short (disputes.ts, IMPOSED_KINDS): no balance is checked here.
          description={t(`aftersales.dispute.kindNotes.${form.values.kind as (typeof DISPUTE_KIND_VALUES)[number]}`)}
          data={DISPUTE_KIND_VALUES.map((k) => ({ value: k, label: t(`aftersales.disputeKinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('aftersales.dispute.reasonCode')} withAsterisk {...form.getInputProps('reasonCode')} />
        <TextInput label={t('aftersales.amount')} withAsterisk inputMode="decimal" rightSection={<Text size="xs">{order.currency}</Text>} {...form.getInputProps('amount')} />
        <TextInput type="datetime-local" label={zoned(t('aftersales.dispute.dueAt'))} withAsterisk {...form.getInputProps('evidenceDueAt')} />
        <Textarea label={t('aftersales.dispute.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <RefusalAlert message={refusal} />
        <FormButtons onCancel={onClose} submitLabel={t('aftersales.dispute.submit')} loading={pending} />
      </Stack>
    </form>
  )
}

function WaybillForm({ order, onClose }: DialogProps) {
  const { t } = useTranslation()
  const { form, submit, refusal, pending } = useCaseForm(
    'waybills.create',
    { carrier: '', trackingNo: '', shippedAt: localInputOf(Date.now()), status: 'in_transit' },
    (v) => ({ orderId: order.id, carrier: v.carrier, trackingNo: v.trackingNo.trim(), shippedAt: msOfLocalInput(v.shippedAt) as number, status: v.status as (typeof WAYBILL_STATUS_VALUES)[number] }),
    (waybill) => {
      notifySuccess(t('aftersales.waybill.added', { trackingNo: waybill.trackingNo }))
      onClose()
    }
  )
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('aftersales.waybill.carrier')} withAsterisk data-autofocus {...form.getInputProps('carrier')} />
        <TextInput label={t('aftersales.waybill.trackingNo')} withAsterisk {...form.getInputProps('trackingNo')} />
        <TextInput type="datetime-local" label={zoned(t('aftersales.waybill.shippedAt'))} withAsterisk {...form.getInputProps('shippedAt')} />
        <Select label={t('common.status')} data={WAYBILL_STATUS_VALUES.map((s) => ({ value: s, label: t(`aftersales.waybillStatuses.${s}`) }))} allowDeselect={false} {...form.getInputProps('status')} />
        <RefusalAlert message={refusal} />
        <FormButtons onCancel={onClose} submitLabel={t('aftersales.waybill.submit')} loading={pending} />
      </Stack>
    </form>
  )
}

export function OrderCaseDialog({ action, ...props }: DialogProps & { action: OrderCaseAction }) {
  if (action === 'refund') return <RefundForm {...props} />
  if (action === 'dispute') return <DisputeForm {...props} />
  return <WaybillForm {...props} />
}
