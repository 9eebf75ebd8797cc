/**
 * The English rendering of server texts, stored beside their code so that exports, the verify CLI
 * and anyone reading the database see a sentence, and sent as the `message` of an error envelope
 * for API clients. Screens translate the code instead.
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

// Words programs know by their code: a permission's catalog name (USER_WRITE), an input field's
// name (singleLower), an outbox item's state (in_flight). This English names them so, as the API
// always has; screens show their labels.
const NAMED_BY_CODE = /^value\.(permission|field|outboxStatus)\.(.+)$/

const forPrograms: Translate = (code, options) => NAMED_BY_CODE.exec(code)?.[2] ?? (english.t as unknown as Translate)(code, options)

export function inEnglish(text: ServerText): string {
  return translateServerText(forPrograms, text)
}
