/**
 * The create-order form both Create Deposit and Create Payout use: merchant (only for the global
 * code; a merchant-bound user sees its own merchant), service, channel, the service type's fields,
 * the amount with its available range on hover and under the field, the test flag and an optional
 * merchant order number. What happens on submit is the page's (a payout asks for confirmation).
 */
import { Alert, Button, Checkbox, Group, Paper, Stack, TextInput, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MerchantField } from '../../../components/form/MerchantField'
import { rangeHint } from '../amountRange'
import { ChannelChoice, ServiceChoice, TerminalChoice } from './OrderChoices'
import { OrderFieldInputs } from './OrderFieldInputs'
import type { CreateOrderInput, OrderFormState } from './useOrderForm'

function AmountInput({ state }: { state: OrderFormState }) {
  const { t } = useTranslation()
  const { form, service, channel } = state
  const hint = service && channel?.usable ? rangeHint(channel, service.currency, t) : null
  const range = hint ? t('orderForm.amountRange', { range: hint.range }) : t('orderForm.amountNoChannel')
  return (
    <Tooltip label={range} position="top-start" withArrow>
      <TextInput
        label={t('orderForm.amount')}
        description={hint ? `${range} (${hint.sides})` : range}
        withAsterisk
        inputMode="decimal"
        autoComplete="off"
        rightSection={service?.currency}
        rightSectionWidth={56}
        {...form.getInputProps('amount')}
      />
    </Tooltip>
  )
}

interface OrderFormProps {
  state: OrderFormState
  submitLabel: string
  submitting: boolean
  /** Shown under the amount (the payout's balance and fee note). */
  children?: ReactNode
  onSubmit: (input: CreateOrderInput) => void | Promise<void>
}

export function OrderForm({ state, submitLabel, submitting, children, onSubmit }: OrderFormProps) {
  const { t } = useTranslation()
  const { form, picksMerchant, mayPickMerchant } = state
  if (picksMerchant && !mayPickMerchant) {
    return (
      <Alert color="red" title={t('forbidden.title')}>
        {t('forbidden.body')}
      </Alert>
    )
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((values) => onSubmit(state.input(values)))} noValidate>
        <Stack>
          <MerchantField value={form.values.merchantId} onChange={state.chooseMerchant} error={form.errors.merchantId} />
          <ServiceChoice state={state} />
          <ChannelChoice state={state} />
          <TerminalChoice state={state} />
          <OrderFieldInputs state={state} />
          <AmountInput state={state} />
          {children}
          <Checkbox label={t('orders.isTest')} description={t('orderForm.isTestHint')} {...form.getInputProps('isTest', { type: 'checkbox' })} />
          <TextInput
            label={t('orderForm.merchantOrderNo')}
            description={t('orderForm.merchantOrderNoHint')}
            autoComplete="off"
            {...form.getInputProps('merchantOrderNo')}
          />
          <Group>
            {/* Pressing the button would blur the amount, whose check then moves the button before the release. */}
            <Button type="submit" loading={submitting} onMouseDown={(event) => event.preventDefault()}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
