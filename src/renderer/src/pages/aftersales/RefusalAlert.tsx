import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** What the host refused, shown in the dialog that asked. */
export function RefusalAlert({ message }: { message: string | null }) {
  const { t } = useTranslation()
  if (!message) return null
  return (
    <Alert color="red" title={t('manual.refused')} data-testid="case-refusal">
      {message}
    </Alert>
  )
}
