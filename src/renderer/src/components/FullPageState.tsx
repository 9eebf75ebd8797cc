import { Alert, Button, Center, Loader, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isRetryable } from '../api/error'
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

/**
 * A page-sized error for a read the page cannot do without. Another try is offered only where it
 * may help (the host unreachable or failing); an answer such as "not found" will not change, so
 * `back` (where the user came from) is offered instead when given.
 */
export function PageError({ error, onRetry, back }: { error: unknown; onRetry: () => void; back?: { to: string; label: string } }) {
  const { t } = useTranslation()
  const retryable = isRetryable(error)
  return (
    <Stack maw={560}>
      <Alert color="red" title={retryable ? t('app.loadFailed') : t('app.cannotOpen')}>
        {apiErrorMessage(error)}
      </Alert>
      {retryable && (
        <Button variant="light" onClick={onRetry} w="fit-content">
          {t('app.retry')}
        </Button>
      )}
      {!retryable && back && (
        <Button variant="light" component={Link} to={back.to} w="fit-content">
          {back.label}
        </Button>
      )}
    </Stack>
  )
}
