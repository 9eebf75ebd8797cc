/**
 * Texts the server wrote (timelines, audit summaries, status reasons) shown in the reader's
 * language: the catalog code and parameters are translated here; rows written before texts had
 * codes fall back to the English the server stored.
 */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { translateServerText, type ServerText, type Translate } from '../../../shared/server-text'

export function useServerText(): (text: ServerText | null | undefined, fallback?: string | null) => string {
  const { t } = useTranslation()
  return useCallback((text, fallback) => (text ? translateServerText(t as unknown as Translate, text) : (fallback ?? '')), [t])
}
