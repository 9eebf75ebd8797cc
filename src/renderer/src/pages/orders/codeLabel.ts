import type { TFunction } from 'i18next'

type LooseTranslate = (key: string) => string

/**
 * A code the host sends (event kind, account kind, callback outcome, order field) by its label
 * when the English catalog `catalog` (found under `prefix`) has one, else as sent.
 */
export function codeLabel(t: TFunction, catalog: object, prefix: string, code: string): string {
  return Object.prototype.hasOwnProperty.call(catalog, code) ? (t as unknown as LooseTranslate)(`${prefix}.${code}`) : code
}
