/**
 * Manual adjustments (entry type 99) to a merchant's available balance, against suspense. The
 * request key is made once per opened form, so a double submit or a retry posts once; a new
 * adjustment opens a new form.
 */
import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf, type OutputOf } from '../../../../shared/contract'
import { PERMISSIONS } from '../../../../shared/permissions'
import { useApiMutation } from '../../api/hooks'
import { MerchantField, useDefaultMerchant } from '../../components/form/MerchantField'
import { useEntityForm } from '../../components/form/useEntityForm'
import { PageHeader } from '../../components/PageHeader'
import { RemoteSelect } from '../../components/RemoteSelect'
import { formatAmount } from '../../format/amount'
import { useCan } from '../../session/currentUser'

type Posted = OutputOf<'ledger.adjust'> & { amount: string; currency: string; merchant: string }

interface Values {
  merchantId: string
  contractId: string
  currency: string
  amount: string
  reason: string
}

function AdjustmentForm({ onPosted }: { onPosted: (posted: Posted) => void }) {
  const { t } = useTranslation()
  const [requestKey] = useState(() => crypto.randomUUID())
  const [merchantName, setMerchantName] = useState('')
  const defaultMerchant = useDefaultMerchant()
  const adjust = useApiMutation('ledger.adjust', { invalidate: ['ledger.balances', 'merchants.get'] })
  const { form, submit } = useEntityForm<Values, InputOf<'ledger.adjust'>>({
    initialValues: { merchantId: defaultMerchant, contractId: '', currency: '', amount: '', reason: '' },
    schema: contract['ledger.adjust'].input,
    toInput: (v) => ({
      merchantId: v.merchantId ? Number(v.merchantId) : Number.NaN,
      contractId: v.contractId ? Number(v.contractId) : Number.NaN,
      currency: v.currency,
      amount: v.amount,
      reason: v.reason,
      requestKey
    }),
    save: async (input) => {
      const answer = await adjust.mutateAsync(input)
      onPosted({ ...answer, amount: input.amount, currency: input.currency, merchant: merchantName })
      return undefined
    },
    onDone: () => undefined
  })
  const merchantInput = form.getInputProps('merchantId')

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        <MerchantField
          {...merchantInput}
          onChange={(value) => {
            merchantInput.onChange(value)
            form.setValues({ contractId: '', currency: '' })
          }}
        />
        <RemoteSelect
          key={form.values.merchantId}
          procedure="contracts.list"
          filter={{ merchantId: Number(form.values.merchantId) || undefined }}
          enabled={form.values.merchantId !== ''}
          disabled={form.values.merchantId === ''}
          toOption={(c) => ({ value: String(c.id), label: `#${c.id} ${c.name} · ${c.settlementCurrency}` })}
          label={t('adjustments.contract')}
          placeholder={form.values.merchantId ? t('adjustments.pickContract') : t('adjustments.pickMerchantFirst')}
          value={form.values.contractId || null}
          error={form.errors.contractId}
          onChange={(value, row) => {
            form.setValues({ contractId: value ?? '', currency: row?.settlementCurrency ?? '' })
            if (row) setMerchantName(row.merchantName)
          }}
        />
        <TextInput label={t('adjustments.currency')} description={t('adjustments.currencyHint')} value={form.values.currency} readOnly error={form.errors.currency} />
        <TextInput label={t('adjustments.amount')} description={t('adjustments.amountHint')} inputMode="decimal" autoComplete="off" {...form.getInputProps('amount')} />
        <Textarea label={t('adjustments.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('adjustments.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function AdjustmentsPage() {
  const { t } = useTranslation()
  const canApprove = useCan(PERMISSIONS.ADJUSTMENT_APPROVE)
  const [posted, setPosted] = useState<Posted | null>(null)
  const [formKey, setFormKey] = useState(0)

  return (
    <Stack>
      <PageHeader title={t('adjustments.title')} />
      <Text size="sm" c="dimmed" maw={720}>
        {t('adjustments.intro')}
      </Text>
      {!canApprove ? (
        <Alert color="yellow" maw={720}>
          {t('adjustments.needApprove')}
        </Alert>
      ) : posted ? (
        <Paper withBorder p="md" maw={560}>
          <Stack>
            <Alert color={posted.replayed ? 'yellow' : 'green'} title={t(posted.replayed ? 'adjustments.replayedTitle' : 'adjustments.postedTitle')}>
              <Text size="sm">
                {t('adjustments.postedBody', { amount: formatAmount(posted.amount, posted.currency), merchant: posted.merchant })}
              </Text>
              <Text size="sm" data-testid="posting-id">
                {t('adjustments.postingId', { id: posted.postingId })}
              </Text>
            </Alert>
            <Button
              w="fit-content"
              onClick={() => {
                setPosted(null)
                setFormKey((n) => n + 1)
              }}
            >
              {t('adjustments.another')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <AdjustmentForm key={formKey} onPosted={setPosted} />
      )}
    </Stack>
  )
}
