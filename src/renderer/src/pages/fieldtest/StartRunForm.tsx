/** A run of a plan started: against the simulator (with faults) or live, within caps on orders and total amount. */
import { ActionIcon, Alert, Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { contract as api, type InputOf } from '../../../../shared/contract'
import { REHEARSAL_FAULTS, type PlanDetail } from '../../../../shared/contract/fieldtest'
import { useApiMutation } from '../../api/hooks'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'

interface FaultRow {
  behaviour: string
  amountPattern: string
  delayMs: number | string
}

interface Values {
  target: 'simulator' | 'live'
  maxOrders: number | string
  maxAmount: string
  faults: FaultRow[]
}

export function StartRunForm({ plan, onCancel, onStarted }: { plan: PlanDetail; onCancel: () => void; onStarted: (runId: number) => void }) {
  const { t } = useTranslation()
  const start = useApiMutation('fieldtest.runs.start', { invalidate: ['fieldtest.runs.list'] })
  const started = useRef<number | null>(null)
  const moneySteps = plan.steps.filter((s) => s.action === 'deposit' || s.action === 'payout').length
  const { form, submit } = useEntityForm<Values, InputOf<'fieldtest.runs.start'>>({
    initialValues: { target: 'simulator', maxOrders: Math.max(1, moneySteps), maxAmount: '', faults: [] },
    schema: api['fieldtest.runs.start'].input,
    toInput: (v) =>
      ({
        planId: plan.id,
        version: plan.shownVersion,
        target: v.target,
        caps: { maxOrders: v.maxOrders === '' ? Number.NaN : Number(v.maxOrders), maxAmount: v.maxAmount.trim() },
        faults:
          v.target === 'simulator'
            ? v.faults.map((f) => ({
                behaviour: f.behaviour,
                ...(f.amountPattern.trim() ? { amountPattern: f.amountPattern.trim() } : {}),
                ...(f.delayMs !== '' ? { delayMs: Number(f.delayMs) } : {})
              }))
            : []
      }) as InputOf<'fieldtest.runs.start'>,
    save: async (input) => {
      const run = await start.mutateAsync(input)
      started.current = run.id
      return t('fieldtest.runs.started', { id: run.id })
    },
    onDone: () => {
      if (started.current !== null) onStarted(started.current)
    }
  })
  const capsError = (field: 'maxOrders' | 'maxAmount') => form.errors[`caps.${field}`] ?? form.errors[field]
  return (
    <form onSubmit={submit} noValidate data-testid="start-run-form">
      <Stack>
        <SegmentedControl
          data={(['simulator', 'live'] as const).map((v) => ({ value: v, label: t(`fieldtest.runs.targets.${v}`) }))}
          {...form.getInputProps('target')}
        />
        {form.values.target === 'live' && <Alert color="red">{t('fieldtest.runs.liveWarning')}</Alert>}
        <Group grow align="flex-start">
          <NumberInput label={t('fieldtest.runs.maxOrders')} withAsterisk allowDecimal={false} min={1} {...form.getInputProps('maxOrders')} error={capsError('maxOrders')} />
          <TextInput label={t('fieldtest.runs.maxAmount', { currency: plan.currency })} withAsterisk autoComplete="off" {...form.getInputProps('maxAmount')} error={capsError('maxAmount')} />
        </Group>
        {form.values.target === 'simulator' && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('fieldtest.runs.faults')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('fieldtest.runs.faultsHint')}
            </Text>
            {form.values.faults.map((_, index) => (
              <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                <Select label={t('fieldtest.runs.fault')} data={REHEARSAL_FAULTS.map((f) => ({ value: f, label: t(`fieldtest.simulator.behaviourNames.${f}`) }))} style={{ flex: 2 }} {...form.getInputProps(`faults.${index}.behaviour`)} />
                <TextInput label={t('fieldtest.simulator.amountPattern')} autoComplete="off" style={{ flex: 2 }} {...form.getInputProps(`faults.${index}.amountPattern`)} />
                <NumberInput label={t('fieldtest.simulator.delayMs')} allowDecimal={false} min={0} style={{ flex: 1 }} {...form.getInputProps(`faults.${index}.delayMs`)} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('fieldtest.runs.removeFault')} onClick={() => form.removeListItem('faults', index)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            {form.errors.faults && (
              <Text size="sm" c="red">
                {form.errors.faults}
              </Text>
            )}
            <Button variant="light" size="compact-sm" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('faults', { behaviour: 'decline', amountPattern: '', delayMs: '' })}>
              {t('fieldtest.runs.addFault')}
            </Button>
          </Stack>
        )}
        <FormButtons onCancel={onCancel} submitLabel={t('fieldtest.runs.start')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
