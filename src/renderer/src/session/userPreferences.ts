/**
 * The signed-in user's language, colour scheme and display time zone follow them from the
 * database, not this browser: applied once they are read after sign-in, and saved whenever the user changes them.
 * This browser keeps its own copy too (the sign-in page speaks the last language used here).
 * A user with nothing stored yet takes over this browser's earlier choice once.
 */
import { useMantineColorScheme, type MantineColorScheme } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import type { InputOf } from '../../../shared/contract'
import type { Preferences } from '../../../shared/contract/preferences'

type Change = InputOf<'me.updatePreferences'>
import { call } from '../api/client'
import { apiQueryKey, useApiQuery } from '../api/hooks'
import { currentLanguage, isLanguage, LANGUAGE_STORAGE_KEY, setLanguage, type Language } from '../i18n'

export const COLOR_SCHEME_STORAGE_KEY = 'paydesk.color-scheme'

const isScheme = (value: unknown): value is MantineColorScheme => value === 'light' || value === 'dark' || value === 'auto'

function stored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** What this browser chose before the user's choice was kept in the database, for the fields the user has not set. */
export function localChoiceToTakeOver(preferences: Pick<Preferences, 'language' | 'colorScheme'>, local: { language: string | null; colorScheme: string | null }): Change {
  const change: Change = {}
  if (preferences.language === null && isLanguage(local.language)) change.language = local.language
  if (preferences.colorScheme === null && isScheme(local.colorScheme)) change.colorScheme = local.colorScheme
  return change
}

export function useUserPreferences(enabled: boolean) {
  const queryClient = useQueryClient()
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  const preferences = useApiQuery('me.preferences', {}, { enabled, staleTime: Infinity, meta: { silent: true } })
  const applied = useRef(false)

  const save = useCallback(
    async (change: Change) => {
      try {
        const next = await call('me.updatePreferences', change)
        queryClient.setQueryData(apiQueryKey('me.preferences', {}), next)
      } catch {
        // The choice still applies on this screen and in this browser; it is saved with the next change.
      }
    },
    [queryClient]
  )

  const data = preferences.data
  useEffect(() => {
    if (!data || applied.current) return
    applied.current = true
    if (data.language && data.language !== currentLanguage()) setLanguage(data.language)
    if (data.colorScheme && data.colorScheme !== colorScheme) setColorScheme(data.colorScheme)
    const takeOver = localChoiceToTakeOver(data, { language: stored(LANGUAGE_STORAGE_KEY), colorScheme: stored(COLOR_SCHEME_STORAGE_KEY) })
    if (Object.keys(takeOver).length > 0) void save(takeOver)
    // Applied once per sign-in (the ref): later changes come from this screen and are saved as they happen.
  }, [data, colorScheme, setColorScheme, save])

  return {
    /** The zone times are shown in, once read (undefined before, or when the read failed). */
    displayZone: data?.displayZone,
    /** Whether the page may draw: the preferences are read, failed to be, or are not asked for. */
    ready: !enabled || data !== undefined || preferences.isError,
    saveLanguage: (language: Language) => void save({ language }),
    saveColorScheme: (scheme: MantineColorScheme) => void save({ colorScheme: scheme })
  }
}
