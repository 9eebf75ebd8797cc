/** English and Chinese translators over the app's own resources, for unit tests (no global i18n state). */
import { createInstance, type TFunction } from 'i18next'
import { en } from './en'
import { zhCN } from './zh-CN'

export function fixedTranslators(): { english: TFunction; chinese: TFunction } {
  const instance = createInstance()
  void instance.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false })
  return { english: instance.getFixedT('en'), chinese: instance.getFixedT('zh-CN') }
}
