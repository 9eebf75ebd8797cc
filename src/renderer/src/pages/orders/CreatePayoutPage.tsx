/**
 * Create Payout Order (the seed's CreatePayout): the shared order form with the recipient fields,
 * the merchant's available balance and the fee note; a confirmation says that the payout really
 * holds the balance and goes upstream (the seed's WARNING). After submit, the order and its status.
 */
import { Alert, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { useApiMutation } from '../../api/hooks'
import { FieldGrid } from '../../components/DetailDrawer'
import { FormButtons } from '../../components/form/FormButtons'
import { PageHeader } from '../../components/PageHeader'
import { formatBalance, isBelowZero } from '../../format/amount'
import { useReferenceLabels } from '../../i18n/reference'
import { CreatedOrder } from './CreatedOrder'
import { OrderForm } from './form/OrderForm'
import { useOrderForm, type CreateOrderInput, type OrderFormState } from './form/useOrderForm'
import { bookedAmount, waitsForSecondUser } from './amountRange'

/** Whether the Settings four-eyes rule holds a payout of this amount for a second user (the threshold comes from the host). */
function heldForApproval(state: OrderFormState, amount: string): boolean {
  return state.service ? waitsForSecondUser(amount, state.service.currency, state.service.approvalFrom) : false
}

function PayoutFunds({ state }: { state: OrderFormState }) {
  const { t } = useTranslation()
  const currency = state.service?.currency
  const available = currency ? state.options.data?.merchantAvailable[currency] : undefined
  const held = heldForApproval(state, state.form.values.amount)
  return (
    <Stack gap="xs">
      {held && state.service?.approvalFrom && (
        <Alert variant="light" color="yellow" data-testid="payout-held-notice">
          {t('orderForm.heldNotice', { threshold: bookedAmount(state.service.approvalFrom, state.service.currency) })}
        </Alert>
      )}
      {currency && available !== undefined && (
        <Text size="sm" c={isBelowZero(available) ? 'red' : undefined} data-testid="merchant-available">
          {t('orderForm.merchantAvailable', { amount: formatBalance(available, currency, 'merchant', t) })}
        </Text>
      )}
      <Alert variant="light" color="blue">
        {t('orderForm.feeNote')}
      </Alert>
    </Stack>
  )
}

export function CreatePayoutPage() {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const state = useOrderForm('payout')
  const create = useApiMutation('orders.createPayout')
  const [confirming, setConfirming] = useState<CreateOrderInput | null>(null)
  const [created, setCreated] = useState<OrderDetail | null>(null)
  const { service, channel } = state
  const held = confirming !== null && heldForApproval(state, confirming.amount)

  const send = async () => {
    if (!confirming) return
    try {
      setCreated(await create.mutateAsync(confirming))
      // A merchant order number belongs to one order; the next one needs its own.
      state.form.setFieldValue('merchantOrderNo', '')
    } catch (error) {
      state.applyHostError(error)
    } finally {
      setConfirming(null)
    }
  }

  return (
    <Stack maw={760}>
      <PageHeader title={t('nav.items.createPayout')} />
      {created && <CreatedOrder key={created.id} order={created} />}
      <OrderForm state={state} submitLabel={t('orderForm.submitPayout')} submitting={create.isPending} onSubmit={setConfirming}>
        <PayoutFunds state={state} />
      </OrderForm>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('orderForm.confirmTitle')}>
        {confirming && service && (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              void send()
            }}
          >
            <Stack>
              <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
                {held ? t('orderForm.confirmHeldWarning') : t('orderForm.confirmWarning')}
              </Alert>
              <FieldGrid
                fields={[
                  { label: t('orders.amount'), value: bookedAmount(confirming.amount, service.currency) },
                  { label: t('orders.service'), value: labels.serviceType(service.serviceType) },
                  { label: t('orders.channel'), value: channel?.channelName },
                  { label: t('orderForm.recipient'), value: confirming.fields?.recipientName }
                ]}
              />
              <FormButtons onCancel={() => setConfirming(null)} submitLabel={held ? t('orderForm.confirmSubmitHeld') : t('orderForm.confirmSubmit')} loading={create.isPending} />
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  )
}
