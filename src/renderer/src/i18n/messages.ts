/**
 * The contract's rule messages and the hosts' error messages are English sentences (so both hosts
 * and the forms reject the same input with the same words). Here each known sentence is matched
 * back to its template in `rules` and re-rendered in the current language; an unknown one is
 * shown as it came.
 */
import type { TFunction } from 'i18next'
import { PERMISSIONS } from '../../../shared/permissions'
import { enCatalog } from './en.catalog'
import { enOrders } from './en.orders'

type RuleKey = keyof typeof enCatalog.rules
type FieldKey = keyof typeof enCatalog.fields

// Placeholders that always hold a number: matching them as digits keeps "must be at least {{n}}"
// from swallowing "must be at least 3 characters".
const NUMERIC_PLACEHOLDERS = new Set(['n', 'id', 'code'])
// Currency codes likewise, so "singleLower: CNY has at most 2 decimal places" keeps its field prefix.
const CURRENCY_PLACEHOLDERS = new Set(['currency', 'serviceCurrency', 'given'])
// Words from a closed set, so "is required for {{type}} {{direction}}s" does not end the type after "CNY".
const WORD_PLACEHOLDERS: Record<string, string> = { direction: '(deposit|payout)', status: '([a-z_]+)' }

interface RulePattern {
  key: RuleKey
  regex: RegExp
  names: string[]
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compile(key: RuleKey, template: string): RulePattern {
  const names: string[] = []
  const parts = template.split(/\{\{(\w+)\}\}/)
  const source = parts
    .map((part, index) => {
      if (index % 2 === 0) return escapeRegex(part)
      names.push(part)
      if (NUMERIC_PLACEHOLDERS.has(part)) return '(\\d+)'
      if (Object.prototype.hasOwnProperty.call(WORD_PLACEHOLDERS, part)) return WORD_PLACEHOLDERS[part]
      return CURRENCY_PLACEHOLDERS.has(part) ? '([A-Z]{3,5})' : '(.+?)'
    })
    .join('')
  return { key, regex: new RegExp(`^${source}$`), names }
}

const patterns: RulePattern[] = (Object.entries(enCatalog.rules) as [RuleKey, string][]).map(([key, template]) =>
  compile(key, template)
)

export function matchRule(message: string): { key: RuleKey; params: Record<string, string> } | null {
  for (const pattern of patterns) {
    const found = pattern.regex.exec(message)
    if (!found) continue
    const params: Record<string, string> = {}
    pattern.names.forEach((name, index) => {
      params[name] = found[index + 1]
    })
    return { key: pattern.key, params }
  }
  return null
}

// Keys built at run time from a matched template; the resources test guarantees they exist.
type LooseTranslate = (key: string, options?: Record<string, string>) => string

function translateRule(message: string, t: TFunction): string {
  const rule = matchRule(message)
  if (!rule) return message
  const translate = t as unknown as LooseTranslate
  const params = { ...rule.params }
  // The hosts name a permission by its catalog name (OPERATION_PAYMENT_GLOBAL_WRITE); people read its label.
  if (params.permission && Object.prototype.hasOwnProperty.call(PERMISSIONS, params.permission)) {
    params.permission = translate(`permissions.${params.permission}`)
  }
  // Likewise a field the rule refers to (`must be at least singleLower (…)`) and a direction.
  if (params.field) params.field = fieldLabel(params.field, t)
  // Inside a sentence, in lower case: "does not support deposits".
  if (params.direction === 'deposit' || params.direction === 'payout') params.direction = translate(`orders.directionWords.${params.direction}`)
  // An order's or an outbox item's status, as the host names it (`Order D… is already succeeded`).
  if (params.status && Object.prototype.hasOwnProperty.call(enOrders.orders.statusWords, params.status)) params.status = translate(`orders.statusWords.${params.status}`)
  else if (params.status && Object.prototype.hasOwnProperty.call(enOrders.outbox.statusWords, params.status)) params.status = translate(`outbox.statusWords.${params.status}`)
  return translate(`rules.${rule.key}`, params)
}

export function fieldLabel(field: string, t: TFunction): string {
  return Object.prototype.hasOwnProperty.call(enCatalog.fields, field) ? t(`fields.${field as FieldKey}`) : field
}

/** A whole message, possibly `field: rule` as the hosts write validation errors. */
export function translateMessage(message: string, t: TFunction): string {
  if (matchRule(message)) return translateRule(message, t)
  const prefixed = /^([A-Za-z][\w.]*): (.+)$/s.exec(message)
  if (prefixed) return `${fieldLabel(prefixed[1], t)}: ${translateRule(prefixed[2], t)}`
  return message
}

/** The message to show under a form field: the host's `field: ` prefix is dropped (the label says it). */
export function translateFieldMessage(message: string, field: string, t: TFunction): string {
  const prefix = `${field}: `
  return translateRule(message.startsWith(prefix) ? message.slice(prefix.length) : message, t)
}
