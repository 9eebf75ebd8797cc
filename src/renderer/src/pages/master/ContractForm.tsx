import { NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contract as api, type InputOf, type ParsedInputOf } from '../../../../shared/contract'
import type { ContractRow } from '../../../../shared/contract/contracts'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { MerchantField, useDefaultMerchant } from '../../components/form/MerchantField'
import { useEntityForm } from '../../components/form/useEntityForm'
import { useReferenceLabels } from '../../i18n/reference'

/** The editable terms, as the update procedure takes them (its schema's own keys, less the id). */
type Terms = Omit<ParsedInputOf<'contracts.update'>, 'id'>
const TERM_KEYS = Object.keys(api['contracts.update'].input.shape).filter((key) => key !== 'id') as (keyof Terms)[]

interface Values extends Omit<Terms, 'reserveHoldDays' | 'validTo'> {
  merchantId: string
  settlementCurrency: string
  reserveHoldDays: number | string
  /** Empty: open-ended. */
  validTo: string
}

const FEES = ['fixedFee', 'refundFee', 'disputeFee', 'withdrawalFee'] as const

function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

function pickTerms(source: Record<keyof Terms, unknown>): Omit<Terms, 'reserveHoldDays' | 'validTo'> {
  return Object.fromEntries(TERM_KEYS.map((key) => [key, source[key]])) as Omit<Terms, 'reserveHoldDays' | 'validTo'>
}

function terms(values: Values): Terms {
  const days = values.reserveHoldDays
  return { ...pickTerms(values), reserveHoldDays: typeof days === 'number' ? days : Number.NaN, validTo: values.validTo || null }
}

/** Creates a contract, or edits the terms of one (its merchant and settlement currency are fixed). */
export function ContractForm({ contract, onDone }: { contract?: ContractRow; onDone: () => void }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const defaultMerchant = useDefaultMerchant()
  const create = useApiMutation('contracts.create', { invalidate: ['contracts.list'] })
  const update = useApiMutation('contracts.update', { invalidate: ['contracts.list', 'contracts.get'] })
  const { form, submit } = useEntityForm<Values, InputOf<'contracts.create'> | InputOf<'contracts.update'>>({
    initialValues: contract
      ? {
          ...pickTerms(contract),
          merchantId: String(contract.merchantId),
          settlementCurrency: contract.settlementCurrency,
          reserveHoldDays: contract.reserveHoldDays,
          validTo: contract.validTo ?? ''
        }
      : {
          merchantId: defaultMerchant,
          settlementCurrency: '',
          name: '',
          feeRate: '0',
          fixedFee: '0',
          refundFee: '0',
          disputeFee: '0',
          withdrawalFee: '0',
          reserveRate: '0',
          reserveHoldDays: 0,
          validFrom: today(),
          validTo: ''
        },
    schema: contract ? api['contracts.update'].input : api['contracts.create'].input,
    toInput: (v) =>
      contract
        ? { id: contract.id, ...terms(v) }
        : { merchantId: v.merchantId ? Number(v.merchantId) : Number.NaN, settlementCurrency: v.settlementCurrency, ...terms(v) },
    save: async (input) => {
      const saved = 'id' in input ? await update.mutateAsync(input) : await create.mutateAsync(input as InputOf<'contracts.create'>)
      return t(contract ? 'contracts.updated' : 'contracts.created', { name: saved.name })
    },
    onDone
  })
  const currency = contract?.settlementCurrency ?? form.values.settlementCurrency
  const suffix = currency ? ` (${currency})` : ''

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {contract ? (
          <SimpleGrid cols={2}>
            <TextInput label={t('master.merchant')} value={contract.merchantName} readOnly />
            <TextInput label={t('contracts.settlementCurrency')} value={labels.currency(contract.settlementCurrency)} readOnly />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={2}>
            <MerchantField {...form.getInputProps('merchantId')} />
            <Select label={t('contracts.settlementCurrency')} data={labels.currencyOptions()} searchable {...form.getInputProps('settlementCurrency')} />
          </SimpleGrid>
        )}
        <TextInput label={t('contracts.name')} autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <TextInput label={`${t('contracts.feeRate')} (%)`} inputMode="decimal" {...form.getInputProps('feeRate')} />
          {FEES.map((fee) => (
            <TextInput key={fee} label={`${t(`contracts.${fee}`)}${suffix}`} inputMode="decimal" {...form.getInputProps(fee)} />
          ))}
          <TextInput label={`${t('contracts.reserveRate')} (%)`} inputMode="decimal" {...form.getInputProps('reserveRate')} />
          <NumberInput label={t('contracts.reserveHoldDays')} min={0} allowDecimal={false} {...form.getInputProps('reserveHoldDays')} />
          <TextInput type="date" label={t('contracts.validFrom')} {...form.getInputProps('validFrom')} />
          <TextInput type="date" label={t('contracts.validTo')} description={t('contracts.validToHint')} {...form.getInputProps('validTo')} />
        </SimpleGrid>
        <FormButtons onCancel={onDone} submitLabel={contract ? t('common.save') : t('contracts.create')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
