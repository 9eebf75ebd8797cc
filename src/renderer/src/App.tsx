import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import 'dayjs/locale/zh-cn'
import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RouterProvider } from 'react-router-dom'
import { createQueryClient } from './api/queryClient'
import { onSessionLost, reportSessionLost } from './api/session'
import { notifyInfo } from './components/notify'
import { i18n } from './i18n'
import { createRouter } from './router'
import { COLOR_SCHEME_STORAGE_KEY } from './session/userPreferences'
import { createPayDeskTheme } from './theme'

const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY })

export function App() {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(createRouter)
  const { t } = useTranslation()
  // t changes with the language, and only then.
  const theme = useMemo(() => createPayDeskTheme(t), [t])

  useEffect(() => {
    const stop = onSessionLost((reason) => {
      queryClient.clear()
      if (router.state.location.pathname === '/login') return
      if (reason === 'expired') notifyInfo(i18n.t('notify.sessionEnded'))
      void router.navigate('/login', { replace: true })
    })
    // Desktop: the main process says when this window's session ends (idle limit, sign-out elsewhere).
    const unsubscribe = window.paydesk?.on('session.ended', () => reportSessionLost('expired'))
    return () => {
      stop()
      unsubscribe?.()
    }
  }, [queryClient, router])

  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <Notifications position="top-right" />
      {/* The date pickers' month and weekday names in the page's language. */}
      <DatesProvider settings={{ locale: i18n.language === 'zh-CN' ? 'zh-cn' : 'en' }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  )
}
