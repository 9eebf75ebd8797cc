/**
 * A top-up or correction of a channel's balance at its provider. The request key is made once
 * per opened form, so a double submit or a retry posts once.
 */
import { SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type InputOf } from '../../../../shared/contract'
import type { ChannelRow } from '../../../../shared/contract/channels'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'

interface Values {
  kind: 'top_up' | 'correction'
  amount: string
  reason: string
}

export function ChannelBalanceForm({ channel, onDone }: { channel: ChannelRow; onDone: () => void }) {
  const { t } = useTranslation()
  const [requestKey] = useState(() => crypto.randomUUID())
  const adjust = useApiMutation('channels.adjustBalance', { invalidate: ['channels.get', 'channels.list', 'ledger.balances', 'approvals.list'] })
  const { form, submit } = useEntityForm<Values, InputOf<'channels.adjustBalance'>>({
    initialValues: { kind: 'top_up', amount: '', reason: '' },
    schema: contract['channels.adjustBalance'].input,
    toInput: (values) => ({ channelId: channel.id, requestKey, ...values }),
    save: async (input) => {
      const answer = await adjust.mutateAsync(input)
      // Over the four-eyes threshold nothing posts until a second user approves it.
      if (answer.approvalId !== null && answer.postingId === null) return t('fourEyes.balanceAwaiting', { id: answer.approvalId })
      return t(answer.replayed ? 'channelBalance.replayed' : 'channelBalance.posted', { id: answer.postingId })
    },
    onDone
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          data={[
            { value: 'top_up', label: t('channelBalance.kinds.top_up') },
            { value: 'correction', label: t('channelBalance.kinds.correction') }
          ]}
          {...form.getInputProps('kind')}
        />
        <Text size="sm" c="dimmed">
          {form.values.kind === 'top_up' ? t('channelBalance.topUpHint') : t('channelBalance.correctionHint')}
        </Text>
        <TextInput label={`${t('channelBalance.amount')} (${channel.currency})`} inputMode="decimal" autoComplete="off" data-autofocus {...form.getInputProps('amount')} />
        <Textarea label={t('channelBalance.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
        <FormButtons onCancel={onDone} submitLabel={t('channelBalance.submit')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
