import { Alert, Stack } from '@mantine/core'
import { IconClockHour4 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader'
import type { NavItemKey } from '../layout/navigation'

/** A module whose issue has not landed: says so, and shows no made-up data. */
export function ComingPage({ item }: { item: NavItemKey }) {
  const { t } = useTranslation()
  return (
    <Stack maw={720}>
      <PageHeader title={t(`nav.items.${item}`)} />
      <Alert icon={<IconClockHour4 size={18} />} color="blue" variant="light">
        {t('coming.body')}
      </Alert>
    </Stack>
  )
}
