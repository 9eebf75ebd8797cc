/**
 * Server texts in a report's language (English or Simplified Chinese), for the report's HTML:
 * the causes and timelines a run stored as catalog codes, rendered the way screens render them.
 */
import i18next from 'i18next'
import { serverTextEn } from '../../../shared/i18n/server-text.en'
import { serverTextZhCN } from '../../../shared/i18n/server-text.zh-CN'
import { SERVER_TEXT_NS, SERVER_TEXT_OPTIONS, translateServerText, type ServerText, type Translate } from '../../../shared/server-text'

export type ReportLanguage = 'en' | 'zh-CN'

const instance = i18next.createInstance()
void instance.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { [SERVER_TEXT_NS]: serverTextEn }, 'zh-CN': { [SERVER_TEXT_NS]: serverTextZhCN } },
  defaultNS: SERVER_TEXT_NS,
  ...SERVER_TEXT_OPTIONS,
  initAsync: false
})

const translators: Record<ReportLanguage, Translate> = {
  en: instance.getFixedT('en') as unknown as Translate,
  'zh-CN': instance.getFixedT('zh-CN') as unknown as Translate
}

/** Whether the catalog has a text for the code (a word the report can name in either language). */
export const inCatalog = (code: string): boolean => Object.hasOwn(serverTextEn, code)

export function textIn(language: ReportLanguage, text: ServerText): string {
  return translateServerText(translators[language], text)
}
