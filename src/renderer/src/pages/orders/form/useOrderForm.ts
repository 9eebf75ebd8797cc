/**
 * The state of a create-order form (deposit or payout), in the seed's order: merchant → service →
 * channel → the service type's fields → amount. It checks what the main process checks (the
 * contract's input schema, the shared field rules, the limit engine) with the same words, and
 * puts a refusal from the host under the field it names (`amount`, `fields.bankCode`, `channelId`…).
 */
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf, type OutputOf } from '../../../../../shared/contract'
import { checkOrderFields, requiredFields } from '../../../../../shared/order-fields'
import { PERMISSIONS } from '../../../../../shared/permissions'
import { ApiError } from '../../../api/error'
import { apiQueryKey, useApiQuery } from '../../../api/hooks'
import { notifyError } from '../../../components/notify'
import { zodFormErrors } from '../../../forms/zodForm'
import { fieldErrorMessage, ruleText, translateText } from '../../../i18n/messages'
import { holdsAny, useCurrentUser } from '../../../session/currentUser'
import { amountProblem, type ChannelOption, type ServiceOption } from '../amountRange'

export type OrderDirection = 'deposit' | 'payout'

export interface OrderFormValues {
  merchantId: string
  serviceId: string
  channelId: string
  /** Optional: one of the merchant's active terminals, or '' for none. */
  terminalId: string
  amount: string
  isTest: boolean
  merchantOrderNo: string
  fields: Record<string, string>
}

const GLOBAL_CODE = { deposit: PERMISSIONS.OPERATION_PAYMENT_GLOBAL_WRITE, payout: PERMISSIONS.OPERATION_PAYOUT_GLOBAL_WRITE } as const

const INITIAL: OrderFormValues = { merchantId: '', serviceId: '', channelId: '', terminalId: '', amount: '', isTest: true, merchantOrderNo: '', fields: {} }

export type CreateOrderInput = InputOf<'orders.createDeposit'>

interface Chosen {
  service?: ServiceOption
  channel?: ChannelOption
}

function toInput(values: OrderFormValues, direction: OrderDirection, chosen: Chosen): CreateOrderInput {
  const names = chosen.service ? requiredFields(chosen.service.serviceType, direction) : []
  return {
    merchantId: values.merchantId ? Number(values.merchantId) : undefined,
    serviceId: Number(values.serviceId),
    channelId: Number(values.channelId),
    terminalId: values.terminalId ? Number(values.terminalId) : undefined,
    amount: values.amount.trim(),
    merchantOrderNo: values.merchantOrderNo.trim() || undefined,
    isTest: values.isTest,
    fields: Object.fromEntries(names.map((name) => [name, values.fields[name] ?? '']))
  }
}

function validate(values: OrderFormValues, direction: OrderDirection, chosen: Chosen, picksMerchant: boolean, t: TFunction) {
  const required = ruleText('rule.required', t)
  const errors: Record<string, string> = {}
  if (picksMerchant && !values.merchantId) errors.merchantId = required
  if (!values.serviceId) errors.serviceId = required
  if (!values.channelId) errors.channelId = required
  const { service, channel } = chosen
  if (service && channel) {
    const problem = values.amount.trim() ? amountProblem(values.amount.trim(), channel, service.currency) : null
    if (!values.amount.trim()) errors.amount = required
    else if (problem) errors.amount = translateText(problem, t)
  } else if (!values.amount.trim()) {
    errors.amount = required
  }
  if (service) {
    for (const problem of checkOrderFields(service.serviceType, direction, values.fields).problems) errors[problem.field] = translateText(problem.text, t)
  }
  // The contract's own schema for the rest (merchant order number, lengths), under the same words.
  const schemaErrors = zodFormErrors(contract['orders.createDeposit'].input, toInput(values, direction, chosen))
  for (const [field, message] of Object.entries(schemaErrors)) if (!(field in errors) && field !== 'serviceId' && field !== 'channelId') errors[field] = message
  return errors
}

export function useOrderForm(direction: OrderDirection) {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const queryClient = useQueryClient()
  // Platform staff choose the merchant (1021/1022); a merchant-bound user is locked to its own.
  const picksMerchant = me.merchantId === null
  const mayPickMerchant = picksMerchant && holdsAny(me, [GLOBAL_CODE[direction]])
  const optionsInput = (merchantId: string) => ({ direction, merchantId: picksMerchant && merchantId ? Number(merchantId) : undefined })
  // The service and channel chosen, read from the options the form shows (validation runs outside render).
  const chosenFor = (values: OrderFormValues): Chosen => {
    const data = queryClient.getQueryData<OutputOf<'orders.options'>>(apiQueryKey('orders.options', optionsInput(values.merchantId)))
    const service = data?.services.find((s) => String(s.serviceId) === values.serviceId)
    return { service, channel: service?.channels.find((c) => String(c.channelId) === values.channelId) }
  }
  const form = useForm<OrderFormValues>({
    initialValues: INITIAL,
    validateInputOnBlur: ['amount'],
    validate: (values) => validate(values, direction, chosenFor(values), picksMerchant, t)
  })
  const { merchantId } = form.values
  const options = useApiQuery('orders.options', optionsInput(merchantId), { enabled: mayPickMerchant ? merchantId !== '' : !picksMerchant })
  const { service, channel } = chosenFor(form.values)

  const chooseMerchant = (value: string) => {
    form.setValues({ merchantId: value, serviceId: '', channelId: '', terminalId: '', fields: {} })
    form.clearErrors()
  }
  const chooseService = (value: string) => {
    const next = options.data?.services.find((s) => String(s.serviceId) === value)
    const usable = next?.channels.filter((c) => c.usable) ?? []
    // One usable channel: it is the only choice, so it is made.
    form.setValues({ serviceId: value, channelId: usable.length === 1 ? String(usable[0].channelId) : '' })
    form.clearFieldError('serviceId')
  }
  const chooseChannel = (value: string) => {
    form.setFieldValue('channelId', value)
    if (form.isTouched('amount')) form.validateField('amount')
  }

  /** A refusal from the host: under the field it names when the form shows it, else a toast. */
  const applyHostError = (error: unknown) => {
    if (error instanceof ApiError && error.field) {
      const shown = ['merchantId', 'serviceId', 'channelId', 'terminalId', 'amount', 'merchantOrderNo', ...(service ? requiredFields(service.serviceType, direction).map((n) => `fields.${n}`) : [])]
      if (shown.includes(error.field) && (error.field !== 'merchantId' || mayPickMerchant)) {
        form.setFieldError(error.field, fieldErrorMessage(error, t))
        return
      }
    }
    notifyError(error)
  }

  return {
    form,
    direction,
    picksMerchant,
    mayPickMerchant,
    options,
    service,
    channel,
    chooseMerchant,
    chooseService,
    chooseChannel,
    applyHostError,
    input: (values: OrderFormValues) => toInput(values, direction, chosenFor(values))
  }
}

export type OrderFormState = ReturnType<typeof useOrderForm>
