/** English and Chinese translators over the app's own resources, for unit tests (no global i18n state). */
import { createInstance, type TFunction } from 'i18next'
import { serverTextEn } from '../../../shared/i18n/server-text.en'
import { serverTextZhCN } from '../../../shared/i18n/server-text.zh-CN'
import { SERVER_TEXT_NS } from '../../../shared/server-text'
import { en } from './en'
import { zhCN } from './zh-CN'

export function fixedTranslators(): { english: TFunction; chinese: TFunction } {
  const instance = createInstance()
  const serverText = { en: serverTextEn, 'zh-CN': serverTextZhCN }
  void instance.init({ resources: { en: { translation: en, [SERVER_TEXT_NS]: serverText.en }, 'zh-CN': { translation: zhCN, [SERVER_TEXT_NS]: serverText['zh-CN'] } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false })
  return { english: instance.getFixedT('en'), chinese: instance.getFixedT('zh-CN') }
}
