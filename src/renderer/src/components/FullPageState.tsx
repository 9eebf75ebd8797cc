import { Alert, Button, Center, Loader, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from './notify'

export function FullPageLoader() {
  const { t } = useTranslation()
  return (
    <Center h="100vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  )
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Center h="100vh" p="md">
      <Stack maw={480}>
        <Alert color="red" title={t('app.loadFailed')}>
          {apiErrorMessage(error)}
        </Alert>
        <Button onClick={onRetry}>{t('app.retry')}</Button>
      </Stack>
    </Center>
  )
}

/** A page-sized error for a read the page cannot do without. */
export function PageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Stack maw={560}>
      <Alert color="red" title={t('app.loadFailed')}>
        {apiErrorMessage(error)}
      </Alert>
      <Button variant="light" onClick={onRetry} w="fit-content">
        {t('app.retry')}
      </Button>
    </Stack>
  )
}
