/**
 * The English rendering of server texts, stored beside their code so that exports, the verify CLI
 * and anyone reading the database see a sentence. Screens translate the code instead.
 */
import i18next from 'i18next'
import { SERVER_TEXT_NS, SERVER_TEXT_OPTIONS, translateServerText, type ServerText, type Translate } from '../../shared/server-text'
import { serverTextEn } from '../../shared/i18n/server-text.en'

const english = i18next.createInstance()
void english.init({
  lng: 'en',
  resources: { en: { [SERVER_TEXT_NS]: serverTextEn } },
  defaultNS: SERVER_TEXT_NS,
  ...SERVER_TEXT_OPTIONS,
  initAsync: false
})

export function inEnglish(text: ServerText): string {
  return translateServerText(english.t as unknown as Translate, text)
}
