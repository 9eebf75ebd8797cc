/**
 * Channel credentials as key/value rows. Values are write-only: the host never sends them back,
 * so editing starts from an empty set and replaces the stored one as a whole.
 */
import { ActionIcon, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface CredentialRow {
  key: string
  value: string
}

/** The rows as the contract takes them; rows with neither a name nor a value are left out. */
export function credentialsOf(rows: readonly CredentialRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.key.trim() !== '' || row.value !== '').map((row) => [row.key.trim(), row.value]))
}

/** The names of a channel's stored credentials (the values never leave the main process). */
export function CredentialKeys({ keys }: { keys: readonly string[] }) {
  const { t } = useTranslation()
  return (
    <Group gap={4} data-testid="credential-keys">
      {keys.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('channels.noCredentials')}
        </Text>
      ) : (
        keys.map((key) => (
          <Badge key={key} variant="outline" tt="none">
            {key}
          </Badge>
        ))
      )}
    </Group>
  )
}

interface CredentialsEditorProps {
  value?: CredentialRow[]
  onChange: (rows: CredentialRow[]) => void
  error?: ReactNode
}

export function CredentialsEditor({ value = [], onChange, error }: CredentialsEditorProps) {
  const { t } = useTranslation()
  const change = (index: number, patch: Partial<CredentialRow>) => onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)))
  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('channels.noCredentials')}
        </Text>
      )}
      {value.map((row, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('channels.credentialKey')}
            placeholder="merchantNo"
            autoComplete="off"
            value={row.key}
            onChange={(event) => change(index, { key: event.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <PasswordInput
            label={t('channels.credentialValue')}
            autoComplete="new-password"
            value={row.value}
            onChange={(event) => change(index, { value: event.currentTarget.value })}
            style={{ flex: 2 }}
          />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('channels.removeCredential')} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      <Button variant="light" size="compact-sm" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => onChange([...value, { key: '', value: '' }])}>
        {t('channels.addCredential')}
      </Button>
    </Stack>
  )
}
