import { NavLink, Stack, Text } from '@mantine/core'
import { IconHome } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router-dom'
import { useCurrentUser } from '../session/currentUser'
import { activeNavPath, navTestId, visibleNavigation } from './navigation'

export function NavigationMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const { pathname } = useLocation()
  const groups = visibleNavigation(me)
  const active = activeNavPath(pathname)
  return (
    <Stack gap="xs" component="nav" aria-label={t('app.name')}>
      <NavLink
        component={Link}
        to="/"
        label={t('nav.items.home')}
        leftSection={<IconHome size={16} />}
        active={pathname === '/'}
        onClick={onNavigate}
        data-testid={navTestId('/')}
      />
      {groups.map((group) => (
        <div key={group.key}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
            {t(`nav.groups.${group.key}`)}
          </Text>
          {group.items.map((item) => (
            <NavLink
              key={item.key}
              component={Link}
              to={item.path}
              label={t(`nav.items.${item.key}`)}
              active={item.path === active}
              onClick={onNavigate}
              data-testid={navTestId(item.path)}
            />
          ))}
        </div>
      ))}
    </Stack>
  )
}
