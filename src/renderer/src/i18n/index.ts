/**
 * i18next set up once for the renderer: English (default) and Simplified Chinese, the choice
 * kept in localStorage so the sign-in page already speaks the user's language.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { serverTextEn } from '../../../shared/i18n/server-text.en'
import { serverTextZhCN } from '../../../shared/i18n/server-text.zh-CN'
import { SERVER_TEXT_NS } from '../../../shared/server-text'
import { en } from './en'
import { zhCN } from './zh-CN'

export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]
export const LANGUAGE_STORAGE_KEY = 'paydesk.language'

export const resources = {
  en: { translation: en, [SERVER_TEXT_NS]: serverTextEn },
  'zh-CN': { translation: zhCN, [SERVER_TEXT_NS]: serverTextZhCN }
} as const

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY)
    return isLanguage(value) ? value : 'en'
  } catch {
    return 'en'
  }
}

function markDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language
}

const initial = storedLanguage()
void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false
})
markDocument(initial)

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language)
  markDocument(language)
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'
}

export { i18n }
