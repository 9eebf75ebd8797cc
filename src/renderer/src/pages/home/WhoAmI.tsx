/** The signed-in user's name, roles and merchant (platform staff see all merchants). */
import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { roleLabel } from '../../i18n/labels'
import { useCurrentUser } from '../../session/currentUser'

export function WhoAmI() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('home.username')}
          </Text>
          <Text fw={600}>{me.username}</Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('home.roles')}
          </Text>
          {me.roles.length > 0 ? (
            <Group gap={6} data-testid="home-roles">
              {me.roles.map((name) => (
                <Badge key={name} variant="light">
                  {roleLabel(t, { name })}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text>{t('home.noRoles')}</Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('home.merchant')}
          </Text>
          <Text fw={600} data-testid="home-merchant">
            {me.merchantName ?? t('home.platformStaff')}
          </Text>
        </Stack>
      </SimpleGrid>
    </Card>
  )
}
