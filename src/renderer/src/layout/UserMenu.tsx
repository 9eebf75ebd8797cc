import { Button, Menu, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconChevronDown, IconClock, IconKey, IconLogout } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { DisplayZoneDialog } from '../components/time/DisplayZoneDialog'
import { displayTimeZone } from '../format/time'
import { useSignOut } from '../session/actions'
import { useCurrentUser } from '../session/currentUser'
import { CHANGE_PASSWORD_PATH } from '../session/SessionGate'

export function UserMenu() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const navigate = useNavigate()
  const signOut = useSignOut()
  const [zoneOpened, zoneDialog] = useDisclosure(false)
  return (
    <>
      <Menu position="bottom-end" width={280}>
        <Menu.Target>
          <Button variant="subtle" color="gray" rightSection={<IconChevronDown size={14} />} data-testid="user-menu">
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} lh={1.2}>
                {me.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {me.merchantName ?? t('header.platformStaff')}
              </Text>
            </Stack>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={14} />} onClick={() => void navigate(CHANGE_PASSWORD_PATH)}>
            {t('header.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconClock size={14} />} onClick={zoneDialog.open} data-testid="display-zone-menu">
            {t('timeZones.menu')}: {displayTimeZone()}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={14} />} color="red" onClick={() => void signOut()}>
            {t('header.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <DisplayZoneDialog opened={zoneOpened} onClose={zoneDialog.close} />
    </>
  )
}
