/** A merchant's signing secret, shown the one time the host returns it (create, rotate). */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export interface ShownSecret {
  merchantName: string
  secret: string
}

export function SigningSecretModal({ shown, onClose }: { shown: ShownSecret | null; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={shown !== null} onClose={onClose} title={t('merchants.secretTitle', { name: shown?.merchantName ?? '' })} closeOnEscape={false}>
      {shown && (
        <Stack>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('merchants.secretOnceTitle')}>
            {t('merchants.secretOnceBody')}
          </Alert>
          <Text size="sm">{t('merchants.secretLabel')}</Text>
          <Code block data-testid="signing-secret" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {shown.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={shown.secret}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('merchants.secretCopied') : t('merchants.secretCopy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('merchants.secretStored')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
