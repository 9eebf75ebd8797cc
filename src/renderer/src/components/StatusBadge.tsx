import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function StatusBadge({ status }: { status: 'active' | 'disabled' }) {
  const { t } = useTranslation()
  return (
    <Badge color={status === 'active' ? 'green' : 'gray'} variant="light">
      {status === 'active' ? t('common.active') : t('common.disabled')}
    </Badge>
  )
}
