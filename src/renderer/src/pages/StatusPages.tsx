import { Alert, Button, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { PageHeader } from '../components/PageHeader'

export function ForbiddenPage() {
  const { t } = useTranslation()
  return (
    <Stack maw={720}>
      <PageHeader title={t('forbidden.title')} />
      <Alert color="orange">{t('forbidden.body')}</Alert>
    </Stack>
  )
}

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Stack maw={720}>
      <PageHeader title={t('notFound.title')} />
      <Alert color="gray">{t('notFound.body')}</Alert>
      <Button component={Link} to="/" variant="light" w="fit-content">
        {t('notFound.home')}
      </Button>
    </Stack>
  )
}
