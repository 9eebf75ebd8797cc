/** The simulator's behaviour panel: a rule switched on per merchant (channel) and amount pattern, the rules listed, removed or cleared. */
import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { contract as api, type InputOf } from '../../../../shared/contract'
import { QUERY_BEHAVIOURS, SIMULATOR_BEHAVIOURS, SIMULATOR_TARGETS, type SimulatorStatus } from '../../../../shared/contract/fieldtest-connect'
import { useApiMutation } from '../../api/hooks'
import { useEntityForm } from '../../components/form/useEntityForm'
import { notifyError, notifySuccess } from '../../components/notify'
import { channelLabel } from '../master/ChannelName'
import { ChannelPicker } from './shared'

type Rule = SimulatorStatus['rules'][number]

interface Values {
  channelId: string | null
  appliesTo: string
  behaviour: string
  amountPattern: string
  delayMs: number | string
  partialPercent: number | string
}

const WITH_DELAY = ['delay', 'late_callback']

export function SimulatorBehaviours({ rules }: { rules: Rule[] }) {
  const { t } = useTranslation()
  const set = useApiMutation('simulator.setBehaviour', { invalidate: ['simulator.status'] })
  const clear = useApiMutation('simulator.clearBehaviours', { invalidate: ['simulator.status'] })
  const { form, submit } = useEntityForm<Values, InputOf<'simulator.setBehaviour'>>({
    initialValues: { channelId: null, appliesTo: 'orders', behaviour: 'decline', amountPattern: '', delayMs: '', partialPercent: '' },
    schema: api['simulator.setBehaviour'].input,
    toInput: (v) =>
      ({
        ...(v.channelId ? { channelId: Number(v.channelId) } : {}),
        appliesTo: v.appliesTo,
        behaviour: v.behaviour,
        ...(v.amountPattern.trim() ? { amountPattern: v.amountPattern.trim() } : {}),
        ...(WITH_DELAY.includes(v.behaviour) && v.delayMs !== '' ? { delayMs: Number(v.delayMs) } : {}),
        ...(v.behaviour === 'partial_amount' && v.partialPercent !== '' ? { partialPercent: Number(v.partialPercent) } : {})
      }) as InputOf<'simulator.setBehaviour'>,
    save: async (input) => {
      await set.mutateAsync(input)
      return t('fieldtest.simulator.ruleAdded')
    },
    onDone: () => undefined,
    emptyIsRequired: false
  })
  const behaviours = form.values.appliesTo === 'queries' ? QUERY_BEHAVIOURS : SIMULATOR_BEHAVIOURS
  const remove = async (ruleId?: number) => {
    try {
      await clear.mutateAsync(ruleId === undefined ? {} : { ruleId })
      if (ruleId === undefined) notifySuccess(t('fieldtest.simulator.cleared'))
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('fieldtest.simulator.behaviours')}</Title>
        <Text size="xs" c="dimmed">
          {t('fieldtest.simulator.behaviourHint')}
        </Text>
        <form onSubmit={submit} noValidate data-testid="behaviour-form">
          <SimpleGrid cols={3}>
            <ChannelPicker label={t('fieldtest.simulator.forChannel')} placeholder={t('fieldtest.simulator.everyMerchant')} clearable {...form.getInputProps('channelId')} />
            <Select label={t('fieldtest.simulator.appliesTo')} data={SIMULATOR_TARGETS.map((v) => ({ value: v, label: t(`fieldtest.simulator.targets.${v}`) }))} {...form.getInputProps('appliesTo')} />
            <Select label={t('fieldtest.simulator.behaviour')} data={behaviours.map((v) => ({ value: v, label: t(`fieldtest.simulator.behaviourNames.${v}`) }))} {...form.getInputProps('behaviour')} />
            <TextInput label={t('fieldtest.simulator.amountPattern')} description={t('fieldtest.simulator.amountPatternHint')} autoComplete="off" {...form.getInputProps('amountPattern')} />
            {WITH_DELAY.includes(form.values.behaviour) && <NumberInput label={t('fieldtest.simulator.delayMs')} allowDecimal={false} min={0} {...form.getInputProps('delayMs')} />}
            {form.values.behaviour === 'partial_amount' && <NumberInput label={t('fieldtest.simulator.partialPercent')} min={0} max={100} {...form.getInputProps('partialPercent')} />}
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit" loading={form.submitting}>
              {t('fieldtest.simulator.addRule')}
            </Button>
          </Group>
        </form>
        <Group justify="space-between">
          <Title order={5}>{t('fieldtest.simulator.rules')}</Title>
          <Button variant="subtle" color="red" size="compact-sm" disabled={rules.length === 0} onClick={() => remove()}>
            {t('fieldtest.simulator.clearRules')}
          </Button>
        </Group>
        <DataTable<Rule>
          withTableBorder
          minHeight={100}
          records={rules}
          noRecordsText={t('fieldtest.simulator.noRules')}
          data-testid="simulator-rules"
          columns={[
            { accessor: 'behaviour', title: t('fieldtest.simulator.behaviour'), render: (r) => t(`fieldtest.simulator.behaviourNames.${r.behaviour}`) },
            { accessor: 'appliesTo', title: t('fieldtest.simulator.appliesTo'), render: (r) => t(`fieldtest.simulator.targets.${r.appliesTo}`) },
            {
              accessor: 'channels',
              title: t('fieldtest.simulator.forChannel'),
              render: (r) => (r.channels.length ? r.channels.map((c) => channelLabel(t, c)).join(', ') : r.merchantNo ? t('fieldtest.simulator.merchantNo', { merchantNo: r.merchantNo }) : t('fieldtest.simulator.everyMerchant'))
            },
            { accessor: 'amountPattern', title: t('fieldtest.simulator.amountPattern'), render: (r) => r.amountPattern ?? t('fieldtest.simulator.everyAmount') },
            { accessor: 'delayMs', title: t('fieldtest.simulator.delayMs'), render: (r) => [r.delayMs !== null ? t('fieldtest.ms', { n: r.delayMs }) : '', r.partialPercent !== null ? `${r.partialPercent}%` : ''].filter(Boolean).join(' · ') || '—' },
            {
              accessor: 'id',
              title: t('common.actions'),
              render: (r) => (
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove(r.id)}>
                  {t('fieldtest.simulator.removeRule')}
                </Button>
              )
            }
          ]}
        />
      </Stack>
    </Card>
  )
}
