/**
 * A statement source's own fields (name, channel or bank, the channel's fee schedule the run
 * checks fees against, currency, status), shared by the new-source editor and the edit dialog.
 */
import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { SourceRow } from '../../../../shared/contract/reconciliation'
import { RemoteSelect } from '../../components/RemoteSelect'
import { useReferenceLabels } from '../../i18n/reference'
import { channelLabel } from '../master/ChannelName'

export interface SourceValues {
  name: string
  kind: 'channel' | 'bank'
  channelId: string
  feeRate: string
  feeFixed: string
  currency: string
  status: 'active' | 'disabled'
}

export function sourceValues(source?: SourceRow): SourceValues {
  return {
    name: source?.name ?? '',
    kind: source?.kind ?? 'channel',
    channelId: source?.channelId ? String(source.channelId) : '',
    feeRate: source?.feeRate ?? '',
    feeFixed: source?.feeFixed ?? '',
    currency: source?.currency ?? '',
    status: source?.status ?? 'active'
  }
}

/** The fields as `recon.sources.create` takes them; empty means none. */
export function sourceInput(v: SourceValues): Omit<InputOf<'recon.sources.create'>, 'profile' | 'note'> {
  return {
    name: v.name,
    kind: v.kind,
    channelId: v.channelId ? Number(v.channelId) : null,
    feeRate: v.feeRate.trim() === '' ? null : v.feeRate.trim(),
    feeFixed: v.feeFixed.trim() === '' ? null : v.feeFixed.trim(),
    currency: v.currency === '' ? null : v.currency
  }
}

export function SourceFields({ form, source, withStatus }: { form: UseFormReturnType<SourceValues>; source?: SourceRow; withStatus?: boolean }) {
  const { t } = useTranslation()
  const labels = useReferenceLabels()
  const { values } = form
  return (
    <Stack gap="sm">
      <TextInput label={t('recon.source.name')} {...form.getInputProps('name')} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('recon.source.kind')}
        </Text>
        <SegmentedControl
          value={values.kind}
          onChange={(kind) => form.setFieldValue('kind', kind as SourceValues['kind'])}
          data={(['channel', 'bank'] as const).map((kind) => ({ value: kind, label: t(`recon.source.kinds.${kind}`) }))}
          aria-label={t('recon.source.kind')}
        />
      </Stack>
      <RemoteSelect
        procedure="channels.list"
        // A rehearsal moves no money: its copy of a channel has no statement to reconcile.
        filter={{ rehearsalCopies: false }}
        toOption={(c) => ({ value: String(c.id), label: c.name })}
        current={source?.channelId ? { value: String(source.channelId), label: source.channelName === null ? `#${source.channelId}` : channelLabel(t, { name: source.channelName, rehearsalOf: source.rehearsalOf }) } : null}
        label={t('recon.source.channel')}
        description={values.kind === 'bank' ? t('recon.source.bankChannelHint') : undefined}
        placeholder={t(values.kind === 'bank' ? 'recon.source.anyChannel' : 'recon.source.pickChannel')}
        value={values.channelId || null}
        clearable={values.kind === 'bank'}
        error={form.errors.channelId}
        onChange={(value, row) => form.setValues({ channelId: value ?? '', ...(row && !values.currency ? { currency: row.currency } : {}) })}
      />
      <Group grow align="flex-start">
        <TextInput label={t('recon.source.feeRate')} description={t('recon.source.feeRateHint')} inputMode="decimal" {...form.getInputProps('feeRate')} />
        <TextInput label={t('recon.source.feeFixed')} description={t('recon.source.feeFixedHint')} inputMode="decimal" {...form.getInputProps('feeFixed')} />
      </Group>
      <Select label={t('recon.source.currency')} data={labels.currencyOptions()} searchable clearable {...form.getInputProps('currency')} onChange={(v) => form.setFieldValue('currency', v ?? '')} />
      {withStatus && (
        <Select
          label={t('common.status')}
          data={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`common.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
      )}
    </Stack>
  )
}
