import { AppShell, Burger, Group, Loader, ScrollArea, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router-dom'
import { useApiQuery } from '../api/hooks'
import { ColorSchemeToggle } from '../components/ColorSchemeToggle'
import { ZoneNote } from '../components/time/ZoneNote'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { computerTimeZone, setDisplayZone } from '../format/time'
import { useCurrentUser } from '../session/currentUser'
import { useUserPreferences } from '../session/userPreferences'
import { NavigationMenu } from './NavigationMenu'
import { UserMenu } from './UserMenu'
import { useAttentionNotices } from './useAttentionNotices'

export function AppLayout() {
  const { t } = useTranslation()
  const [navOpened, nav] = useDisclosure(false)
  const info = useApiQuery('system.info', {}, { staleTime: Infinity })
  useAttentionNotices(info.data?.mode)
  const preferences = useUserPreferences(!useCurrentUser().mustChangePassword)
  // Every time on the page is formatted in this zone (format/time.ts): set before the page draws,
  // and a change redraws the page (the key) so no time is left in the old zone.
  const zone = preferences.displayZone ?? info.data?.timeZone ?? computerTimeZone()
  setDisplayZone(zone)
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 270, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('app.toggleNavigation')} />
            <Title order={3}>{t('app.name')}</Title>
            {/* The organisation's name, once it is one of its own (a new tenant is named after the app). */}
            {info.data && info.data.tenantName !== t('app.name') && (
              <Text c="dimmed" size="sm" visibleFrom="xs" data-testid="tenant-name">
                {info.data.tenantName}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch onChange={preferences.saveLanguage} />
            <ColorSchemeToggle onChange={preferences.saveColorScheme} />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <NavigationMenu onNavigate={nav.close} />
        </AppShell.Section>
        <AppShell.Section pt="xs">
          <ZoneNote />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {preferences.ready ? <Outlet key={zone} /> : <Loader aria-label={t('app.loading')} />}
      </AppShell.Main>
    </AppShell>
  )
}
