/**
 * Refusals as people read them. The hosts and the contract's rules send a server text (a catalog
 * code and its parameters, `error.text` or a rule message's text); a screen translates that code,
 * never the English sentence. The field at fault is named by its label where a refusal stands
 * alone (a toast), and left out under the field itself. An error without a text (a transport
 * failure, a host older than the texts) is shown as it came.
 */
import type { TFunction } from 'i18next'
import { textOfIssue } from '../../../shared/rule-message'
import { say, translateServerText, type ServerText, type ServerTextCode, type Translate } from '../../../shared/server-text'
import type { ApiError } from '../api/error'
import { enCatalog } from './en.catalog'
import { enOrders } from './en.orders'

type FieldKey = keyof typeof enCatalog.fields
type OrderFieldKey = keyof typeof enOrders.orders.fields

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key)

/** A field as the form labels it: `password` → "Password", `fields.bankCode` → "Bank"; an unknown path as it came. */
export function fieldLabel(field: string, t: TFunction): string {
  if (has(enCatalog.fields, field)) return t(`fields.${field as FieldKey}`)
  const orderField = /^fields\.(\w+)$/.exec(field)?.[1]
  if (orderField && has(enOrders.orders.fields, orderField)) return t(`orders.fields.${orderField as OrderFieldKey}`)
  // A path into a list or an object: the item by its number (from 1), then the field's own label
  // (`steps.16.amount` → "Step 17 · Amount", `caps.maxAmount` → its label).
  const parts = field.split('.')
  if (parts.length > 1) {
    const index = parts.findIndex((p) => /^\d+$/.test(p))
    const own = fieldLabel(parts[parts.length - 1], t)
    if (index <= 0) return own
    const list = parts[index - 1]
    return `${has(enCatalog.fields, list) ? t(`fields.${list as FieldKey}`) : list} ${Number(parts[index]) + 1} · ${own}`
  }
  return field
}

/** A server text in the current language. */
export function translateText(text: ServerText, t: TFunction): string {
  return translateServerText(t as unknown as Translate, text)
}

/** A rule by its code, e.g. `ruleText('rule.required', t)` for a form's own check. */
export function ruleText(code: ServerTextCode, t: TFunction): string {
  return translateText(say(code), t)
}

/** What a zod issue says, in the current language (the contract's rules carry their text). */
export function issueText(issue: { message: string }, t: TFunction): string {
  return translateText(textOfIssue(issue), t)
}

/** A failed call as a sentence of its own: "Username: must be at least 3 characters". */
export function errorMessage(error: ApiError, t: TFunction): string {
  if (!error.text) return error.message
  const said = translateText(error.text, t)
  return error.field ? `${fieldLabel(error.field, t)}: ${said}` : said
}

/** A failed call's refusal under the field it names (the field's label already says which). */
export function fieldErrorMessage(error: ApiError, t: TFunction): string {
  if (error.text) return translateText(error.text, t)
  const prefix = error.field ? `${error.field}: ` : ''
  return prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
}
