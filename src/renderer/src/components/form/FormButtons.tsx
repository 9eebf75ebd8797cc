import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Cancel and submit, at the foot of every dialog form. */
export function FormButtons({ onCancel, submitLabel, loading }: { onCancel: () => void; submitLabel: string; loading: boolean }) {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  )
}
