/**
 * What the withdrawal and adjustment pages share: the status badge, the merchant's balance in the
 * case's currency (available, held, reserve), the "back" link, and the dialog of a review step
 * (note, bank reference or reason), validated by the procedure's own schema; the host's refusal
 * (e.g. maker-checker) is shown in the dialog as it answered.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { z } from 'zod'
import { ApiError } from '../../api/error'
import { BalanceText } from '../../components/BalanceText'
import { FormButtons } from '../../components/form/FormButtons'
import { apiErrorMessage, notifySuccess } from '../../components/notify'
import { requiredByContract, zodFormErrors } from '../../forms/zodForm'
import { fieldErrorMessage } from '../../i18n/messages'
import { permissionLabel } from '../../i18n/labels'
import type { PermissionCode } from '../../../../shared/permissions'

const STATUS_COLORS: Record<string, string> = {
  pending_review: 'yellow',
  pending: 'yellow',
  approved: 'blue',
  paid: 'green',
  rejected: 'gray',
  withdrawn: 'gray',
  failed: 'red'
}

export function CaseStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" data-testid="case-status">
      {t(`finance.statuses.${status}`, { defaultValue: status })}
    </Badge>
  )
}

/** A case waiting for a step this user may not take: which permission it needs, instead of no buttons at all. */
export function NeedsPermission({ code }: { code: PermissionCode }) {
  const { t } = useTranslation()
  return (
    <Alert color="gray" data-testid="needs-permission">
      {t('finance.needsPermission', { permission: permissionLabel(t, code), code })}
    </Alert>
  )
}

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      ← {label}
    </Anchor>
  )
}

/** The merchant's balances in one currency, as the detail pages show them next to the case. */
export function BalanceCard({ balance }: { balance: { currency: string; available: string; held: string; reserve: string } }) {
  const { t } = useTranslation()
  const item = (label: string, amount: string, testId: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <BalanceText span={false} inherit={false} fw={600} data-testid={testId} amount={amount} currency={balance.currency} owner="merchant" />
    </Stack>
  )
  return (
    <Paper withBorder p="md" data-testid="merchant-balance">
      <Stack gap="xs">
        <Title order={4}>{t('finance.balance.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {item(t('finance.balance.available'), balance.available, 'balance-available')}
          {item(t('finance.balance.held'), balance.held, 'balance-held')}
          {item(t('finance.balance.reserve'), balance.reserve, 'balance-reserve')}
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}

export interface StepField {
  name: string
  label: string
  description?: string
  multiline?: boolean
}

interface StepDialogProps<I> {
  title: string
  intro?: ReactNode
  fields: readonly StepField[]
  schema: z.ZodType
  toInput: (values: Record<string, string>) => I
  confirmLabel: string
  run: (input: I) => Promise<unknown>
  done: string
  onClose: () => void
}

function StepForm<I>({ intro, fields, schema, toInput, confirmLabel, run, done, onClose }: Omit<StepDialogProps<I>, 'title'>) {
  const { t } = useTranslation()
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm<Record<string, string>>({
    initialValues: Object.fromEntries(fields.map((f) => [f.name, ''])),
    validate: (values) => zodFormErrors(schema, toInput(values))
  })
  const submit = form.onSubmit(async (values) => {
    setRefusal(null)
    setBusy(true)
    try {
      await run(toInput(values))
      notifySuccess(done)
      onClose()
    } catch (error) {
      if (error instanceof ApiError && error.field && fields.some((f) => f.name === error.field)) form.setFieldError(error.field, fieldErrorMessage(error, t))
      else setRefusal(apiErrorMessage(error))
    } finally {
      setBusy(false)
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {intro && <Text size="sm">{intro}</Text>}
        {fields.map((f) => {
          const required = requiredByContract(schema, toInput, form.values, f.name)
          return f.multiline ? (
            <Textarea key={f.name} label={f.label} description={f.description} withAsterisk={required} autosize minRows={2} {...form.getInputProps(f.name)} />
          ) : (
            <TextInput key={f.name} label={f.label} description={f.description} withAsterisk={required} {...form.getInputProps(f.name)} />
          )
        })}
        {refusal && (
          <Alert color="red" title={t('finance.refused')} data-testid="case-refusal">
            {refusal}
          </Alert>
        )}
        <FormButtons onCancel={onClose} submitLabel={confirmLabel} loading={busy} />
      </Stack>
    </form>
  )
}

/** One review step in a modal. */
export function StepDialog<I>(props: StepDialogProps<I> & { opened: boolean }) {
  const { opened, title, ...rest } = props
  return (
    <Modal opened={opened} onClose={rest.onClose} title={title}>
      {opened && <StepForm {...rest} />}
    </Modal>
  )
}

export interface StepButton {
  key: string
  label: string
  color?: string
}

export function StepButtons({ steps, onOpen }: { steps: readonly StepButton[]; onOpen: (key: string) => void }) {
  if (steps.length === 0) return null
  return (
    <Group gap="xs" data-testid="case-actions">
      {steps.map((s) => (
        <Button key={s.key} variant="light" color={s.color} onClick={() => onOpen(s.key)}>
          {s.label}
        </Button>
      ))}
    </Group>
  )
}
