/**
 * Desktop app: Home's attention items raised as operating-system notifications, once each (see
 * attentionNotices.ts), whatever page is open. The browser host has no notifications.
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { useApiQuery } from '../api/hooks'
import { useCurrentUser } from '../session/currentUser'
import { loadSeen, newAttention, saveSeen } from './attentionNotices'

const EVERY_MS = 60_000

export function useAttentionNotices(mode: 'desktop' | 'browser' | undefined): void {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const attention = useApiQuery('home.attention', {}, { enabled: mode === 'desktop', refetchInterval: EVERY_MS, meta: { silent: true } })
  useEffect(() => {
    if (mode !== 'desktop' || !attention.data) return
    const { fresh, seen } = newAttention(attention.data.items, loadSeen(me.id))
    saveSeen(me.id, seen)
    if (fresh.length === 0) return
    const notices = fresh.slice(0, 5).map((item) => ({ title: t('dashboard.notifyTitle'), body: `${item.count} × ${t(`dashboard.kinds.${item.kind}`, { runId: item.runId })}` }))
    void call('desktop.notify', { notices }).catch(() => {})
  }, [mode, attention.data, me.id, t])
}
