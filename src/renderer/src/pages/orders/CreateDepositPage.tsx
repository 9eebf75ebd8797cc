/**
 * Create Deposit Order (the seed's CreatePayment): the shared order form; on success the payment
 * page opens in a new app window and the order number links to its detail.
 */
import { Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { useApiMutation } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { CreatedOrder } from './CreatedOrder'
import { OrderForm } from './form/OrderForm'
import { useOrderForm, type CreateOrderInput } from './form/useOrderForm'
import { openPaymentWindow } from './liveOrder'

export function CreateDepositPage() {
  const { t } = useTranslation()
  const state = useOrderForm('deposit')
  const create = useApiMutation('orders.createDeposit')
  const [created, setCreated] = useState<{ order: OrderDetail; opened: boolean } | null>(null)

  const submit = async (input: CreateOrderInput) => {
    try {
      const order = await create.mutateAsync(input)
      setCreated({ order, opened: openPaymentWindow(order.id) })
      // A merchant order number belongs to one order; the next one needs its own.
      state.form.setFieldValue('merchantOrderNo', '')
    } catch (error) {
      state.applyHostError(error)
    }
  }

  return (
    <Stack maw={760}>
      <PageHeader title={t('nav.items.createDeposit')} />
      {created && (
        <CreatedOrder key={created.order.id} order={created.order} paymentOpened={created.opened} onPaymentOpened={(opened) => setCreated({ ...created, opened })} />
      )}
      <OrderForm state={state} submitLabel={t('orderForm.submitDeposit')} submitting={create.isPending} onSubmit={submit} />
    </Stack>
  )
}
