/**
 * Steps 2 and 3 of the seed's path: the service (the merchant's activated services of this
 * direction, each with its type, currency and single-order limit) and the channel (the channels
 * bound to it, with limits, balance and available range; unusable ones listed, disabled, with why).
 */
import { Alert, Loader, Select, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatBalance, formatRange } from '../../../format/amount'
import { useReferenceLabels } from '../../../i18n/reference'
import { translateText } from '../../../i18n/messages'
import { channelReason, rangeHint, type ChannelOption } from '../amountRange'
import type { OrderFormState } from './useOrderForm'

/**
 * A choice that cannot be made yet (its options are loading, or the step before is empty) stays
 * focusable, read-only and marked disabled for assistive technology: a disabled input drops out of
 * the Tab order, so Tab pressed right after choosing a merchant would skip Service and Channel.
 */
function waitingProps(waiting: boolean, loading: boolean) {
  if (!waiting) return {}
  return {
    readOnly: true,
    'aria-disabled': true,
    'aria-busy': loading || undefined,
    rightSection: loading ? <Loader size="xs" /> : undefined,
    styles: { input: { opacity: 0.6, cursor: 'not-allowed' } }
  } as const
}

export function ServiceChoice({ state }: { state: OrderFormState }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const { form, options, mayPickMerchant } = state
  const services = options.data?.services ?? []
  const waiting = mayPickMerchant && !form.values.merchantId
  return (
    <Stack gap="xs">
      <Select
        label={t('orderForm.service')}
        description={t('orderForm.serviceHint')}
        placeholder={waiting ? t('orderForm.pickMerchantFirst') : t('orderForm.pickService')}
        withAsterisk
        {...waitingProps(!options.data, options.isFetching)}
        data={services.map((s) => ({
          value: String(s.serviceId),
          label: [labels.serviceType(s.serviceType), s.currency, formatRange(s.singleLower, s.singleUpper, s.currency, t)].join(' · ')
        }))}
        value={form.values.serviceId || null}
        onChange={(value) => state.chooseService(value ?? '')}
        error={form.errors.serviceId}
      />
      {options.data && services.length === 0 && options.data.unavailable.length === 0 && (
        <Alert color="yellow" variant="light">
          {t('orderForm.noServices')}
        </Alert>
      )}
      {options.data && options.data.unavailable.length > 0 && (
        <Alert color="yellow" variant="light" data-testid="unavailable-services">
          <Text size="sm">{t('orderForm.unavailableServices')}</Text>
          {options.data.unavailable.map((s) => (
            <Text size="sm" key={s.serviceId}>
              {[labels.serviceType(s.serviceType), s.currency].join(' · ')}: {s.reasonText ? translateText(s.reasonText, t) : t('orderForm.noChannel')}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  )
}

function ChannelFacts({ channel, currency }: { channel: ChannelOption; currency: string }) {
  const { t } = useTranslation()
  return (
    <>
      <Text size="xs" c="dimmed">
        {t('orderForm.channelLimits', { range: formatRange(channel.limits.lower, channel.limits.upper, currency, t) })}
        {channel.balance !== null && channel.available !== null && (
          <>
            {' · '}
            {t('orderForm.channelBalance', { balance: formatBalance(channel.balance, currency, 'channel', t), available: formatBalance(channel.available, currency, 'channel', t) })}
          </>
        )}
      </Text>
      {channel.usable ? (
        <Text size="xs" c="dimmed">
          {t('orderForm.channelRange', { range: rangeHint(channel, currency, t).range })}
        </Text>
      ) : (
        <Text size="xs" c="red">
          {t('orderForm.unusable', { reason: channelReason(channel, t) })}
        </Text>
      )}
    </>
  )
}

/** Optional: where the order is taken (a till, a site, an app), among the merchant's active terminals. */
export function TerminalChoice({ state }: { state: OrderFormState }) {
  const { t } = useTranslation()
  const { form, options } = state
  const terminals = options.data?.terminals ?? []
  const waiting = !options.data
  const empty = options.data && terminals.length === 0
  return (
    <Select
      label={t('orderForm.terminal')}
      description={empty ? t('orderForm.noTerminals') : t('orderForm.terminalHint')}
      placeholder={t('orderForm.noTerminal')}
      clearable
      {...waitingProps(waiting || !!empty, waiting && options.isFetching)}
      data={terminals.map((terminal) => ({
        value: String(terminal.id),
        label: [terminal.identifier, terminal.name, t(`terminals.types.${terminal.type}`)].filter(Boolean).join(' · ')
      }))}
      value={form.values.terminalId || null}
      onChange={(value) => form.setFieldValue('terminalId', value ?? '')}
      error={form.errors.terminalId}
    />
  )
}

export function ChannelChoice({ state }: { state: OrderFormState }) {
  const { t } = useTranslation()
  const { form, service, channel, options } = state
  const channels = service?.channels ?? []
  const byId = new Map(channels.map((c) => [String(c.channelId), c]))
  return (
    <Stack gap={4}>
      <Select
        label={t('orderForm.channel')}
        description={t('orderForm.channelHint')}
        placeholder={service ? t('orderForm.pickChannel') : t('orderForm.pickServiceFirst')}
        withAsterisk
        {...waitingProps(!service, !service && options.isFetching)}
        data={channels.map((c) => ({ value: String(c.channelId), label: c.channelName, disabled: !c.usable }))}
        renderOption={({ option }) => {
          const found = byId.get(option.value)
          return (
            <Stack gap={0}>
              <Text size="sm">{option.label}</Text>
              {found && service && <ChannelFacts channel={found} currency={service.currency} />}
            </Stack>
          )
        }}
        value={form.values.channelId || null}
        onChange={(value) => state.chooseChannel(value ?? '')}
        error={form.errors.channelId}
      />
      {channel && service && (
        <div data-testid="channel-facts">
          <ChannelFacts channel={channel} currency={service.currency} />
        </div>
      )}
    </Stack>
  )
}
