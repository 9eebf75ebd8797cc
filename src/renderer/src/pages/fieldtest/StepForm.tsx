/** One plan step added or edited: its action, inputs and the outcome it expects, checked by the contract's step rules. */
import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { planStep, STEP_ACTIONS, STEP_OUTCOMES, type PlanDetail, type PlanStepInput } from '../../../../shared/contract/fieldtest'
import { FormButtons } from '../../components/form/FormButtons'
import { useEntityForm } from '../../components/form/useEntityForm'
import { serviceName, stepTitle } from './stepText'

interface Values {
  title: string
  action: string
  purpose: string
  serviceId: string | null
  amount: string
  fields: string
  target: string | null
  refund: string | null
  seconds: number | string
  /** Nested as the contract nests it, so a refusal lands under its own field. */
  expect: {
    outcome: string | null
    callbackWithinSeconds: number | string
    signatureValid: boolean
    noDuplicates: boolean
    amountExact: boolean
    feeExact: boolean
  }
}

const ANY = 'any'
const MONEY = ['deposit', 'payout']

function valuesOf(step: PlanStepInput | undefined): Values {
  const e = step?.expect ?? {}
  return {
    title: step?.title ?? '',
    action: step?.action ?? 'deposit',
    purpose: step?.purpose ?? 'custom',
    serviceId: step?.serviceId !== undefined ? String(step.serviceId) : null,
    amount: step?.amount ?? '',
    fields: Object.entries(step?.fields ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    target: step?.target !== undefined ? String(step.target) : null,
    refund: step?.refund ?? null,
    seconds: step?.seconds ?? '',
    expect: {
      outcome: e.outcome ?? ANY,
      callbackWithinSeconds: e.callbackWithinSeconds ?? '',
      signatureValid: e.signatureValid ?? false,
      noDuplicates: e.noDuplicates ?? false,
      amountExact: e.amountExact ?? false,
      feeExact: e.feeExact ?? false
    }
  }
}

function stepOf(v: Values): PlanStepInput {
  const e = v.expect
  const money = MONEY.includes(v.action)
  const fields = Object.fromEntries(
    v.fields
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=') < 0 ? line.length : line.indexOf('=')).trim(), line.includes('=') ? line.slice(line.indexOf('=') + 1).trim() : ''])
  )
  const usesTarget = !money && v.action !== 'wait'
  const usesSeconds = v.action === 'wait' || v.action === 'callback_check'
  const usesAmount = money || (v.action === 'refund' && v.refund === 'partial')
  return {
    title: v.title,
    action: v.action as PlanStepInput['action'],
    purpose: v.purpose as PlanStepInput['purpose'],
    ...(money && v.serviceId ? { serviceId: Number(v.serviceId) } : {}),
    ...(usesAmount && v.amount.trim() ? { amount: v.amount.trim() } : {}),
    ...(money && Object.keys(fields).length ? { fields } : {}),
    ...(usesTarget && v.target !== null ? { target: Number(v.target) } : {}),
    ...(v.action === 'refund' && v.refund ? { refund: v.refund as 'partial' | 'full' } : {}),
    ...(usesSeconds && v.seconds !== '' ? { seconds: Number(v.seconds) } : {}),
    expect: {
      ...(e.outcome && e.outcome !== ANY ? { outcome: e.outcome as NonNullable<PlanStepInput['expect']>['outcome'] } : {}),
      ...(e.callbackWithinSeconds !== '' ? { callbackWithinSeconds: Number(e.callbackWithinSeconds) } : {}),
      ...(e.signatureValid ? { signatureValid: true } : {}),
      ...(e.noDuplicates ? { noDuplicates: true } : {}),
      ...(e.amountExact ? { amountExact: true } : {}),
      ...(e.feeExact ? { feeExact: true } : {})
    }
  }
}

export function StepForm({ step, index, steps, services, onSave, onCancel }: { step?: PlanStepInput; index: number; steps: PlanStepInput[]; services: PlanDetail['services']; onSave: (step: PlanStepInput) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  // A generated title is shown in the reader's language; left as it is, it keeps its catalog text.
  const shownTitle = step ? stepTitle(step, t) : ''
  const { form, submit } = useEntityForm<Values, PlanStepInput>({
    initialValues: { ...valuesOf(step), title: shownTitle },
    schema: planStep,
    toInput: (v) => {
      const input = stepOf(v)
      return step?.text && v.title === shownTitle ? { ...input, text: step.text } : input
    },
    save: async (input) => {
      onSave(input)
      return undefined
    },
    onDone: () => undefined
  })
  const action = form.values.action
  const money = MONEY.includes(action)
  // A refund refunds a deposit; a query or a callback check looks at a deposit or a payout.
  const targets = steps
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => i < index && (action === 'refund' ? s.action === 'deposit' : MONEY.includes(s.action)))
    .map(({ s, i }) => ({ value: String(i), label: `${t('fieldtest.plans.targetStep', { n: i + 1 })} · ${stepTitle(s, t)}` }))
  return (
    <form onSubmit={submit} noValidate data-testid="step-form">
      <Stack>
        <TextInput label={t('fieldtest.plans.stepTitle')} autoComplete="off" data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={2}>
          <Select label={t('fieldtest.plans.action')} data={STEP_ACTIONS.map((a) => ({ value: a, label: t(`fieldtest.plans.actions.${a}`) }))} {...form.getInputProps('action')} />
          {money && (
            <Select
              label={t('fieldtest.service')}
              data={services.filter((s) => s.direction === action).map((s) => ({ value: String(s.id), label: serviceName(s, t) }))}
              {...form.getInputProps('serviceId')}
            />
          )}
          {money && <TextInput label={t('fieldtest.amount')} autoComplete="off" {...form.getInputProps('amount')} />}
          {!money && action !== 'wait' && <Select label={t('fieldtest.plans.target')} data={targets} {...form.getInputProps('target')} />}
          {action === 'refund' && <Select label={t('fieldtest.plans.refund')} data={(['partial', 'full'] as const).map((k) => ({ value: k, label: t(`fieldtest.plans.refundKinds.${k}`) }))} {...form.getInputProps('refund')} />}
          {action === 'refund' && form.values.refund === 'partial' && <TextInput label={t('fieldtest.amount')} autoComplete="off" {...form.getInputProps('amount')} />}
          {(action === 'wait' || action === 'callback_check') && <NumberInput label={t('fieldtest.plans.waitSeconds')} allowDecimal={false} min={1} {...form.getInputProps('seconds')} />}
        </SimpleGrid>
        {money && <Textarea label={t('fieldtest.plans.fields')} description={t('fieldtest.plans.fieldsHint')} autosize minRows={2} {...form.getInputProps('fields')} />}
        <SimpleGrid cols={2}>
          <Select
            label={t('fieldtest.plans.outcome')}
            data={[{ value: ANY, label: t('fieldtest.plans.anyOutcome') }, ...STEP_OUTCOMES.map((o) => ({ value: o, label: t(`fieldtest.plans.outcomes.${o}`) }))]}
            {...form.getInputProps('expect.outcome')}
          />
          <NumberInput label={t('fieldtest.plans.expectations.callbackWithinSeconds', { n: 'N' })} allowDecimal={false} min={1} {...form.getInputProps('expect.callbackWithinSeconds')} />
        </SimpleGrid>
        <Group>
          {(['signatureValid', 'noDuplicates', 'amountExact', 'feeExact'] as const).map((key) => (
            <Checkbox key={key} label={t(`fieldtest.plans.expectations.${key}`)} {...form.getInputProps(`expect.${key}`, { type: 'checkbox' })} />
          ))}
        </Group>
        <FormButtons onCancel={onCancel} submitLabel={t('common.save')} loading={false} />
      </Stack>
    </form>
  )
}
