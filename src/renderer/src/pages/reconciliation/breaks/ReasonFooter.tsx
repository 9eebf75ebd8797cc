/** What every decision dialog ends with: the required reason (focused, Enter confirms), the host's refusal, Cancel and confirm. */
import { Alert, Button, Group, TextInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface ReasonFooterProps {
  reason: string
  onReason: (reason: string) => void
  error?: string
  refusal: string | null
  refusalTestId: string
  busy: boolean
  confirmLabel: string
  onCancel: () => void
  /** Fields between the reason and the refusal (the bulk cap). */
  children?: ReactNode
}

export function ReasonFooter({ reason, onReason, error, refusal, refusalTestId, busy, confirmLabel, onCancel, children }: ReasonFooterProps) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput label={t('recon.resolve.reason')} description={t('recon.resolve.reasonHint')} withAsterisk value={reason} onChange={(e) => onReason(e.currentTarget.value)} error={error} data-autofocus autoComplete="off" />
      {children}
      {refusal && (
        <Alert color="red" title={t('recon.resolve.refused')} data-testid={refusalTestId}>
          {refusal}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {confirmLabel}
        </Button>
      </Group>
    </>
  )
}
