/**
 * Sentences the server writes for people (order and case timelines, audit summaries, status
 * reasons, and refusals: an error envelope's `text`, a contract rule's message) travel as a
 * catalog code and its parameters, so every screen shows them in the reader's language. The main
 * process also stores the English rendering beside the code, for exports, the CLI and anything
 * reading the database directly, and sends it as an error envelope's `message`.
 *
 * A parameter is a plain value (numbers, order numbers, amounts, text someone typed or a provider
 * sent, shown as is) or another ServerText (translated first, then put in place). Enum values are
 * such nested texts from the catalog's `value.*` entries: `term('orderStatus', 'failed')`.
 * (Templates never use i18next's `$t()` nesting: it is skipped whenever a parameter happens to
 * contain `$t(`, which typed text may.)
 */
import { z } from 'zod'
import type { serverTextEn } from './i18n/server-text.en'
import { BUILT_IN_ROLE_KEYS, permissionName, type BuiltInRoleKey } from './permissions'

/** A catalog code; service type names come from the reference data (`value.serviceType.<code>`). */
export type ServerTextCode = keyof typeof serverTextEn | `value.serviceType.${string}`

export type TextParam = string | number | ServerText

export interface ServerText {
  code: ServerTextCode
  params?: Record<string, TextParam>
}

export function say(code: ServerTextCode, params?: Record<string, TextParam>): ServerText {
  return params ? { code, params } : { code }
}

type TermCode = Extract<ServerTextCode, `value.${string}`>
export type TermGroup = TermCode extends `value.${infer G}.${string}` ? G : never
export type TermValue<G extends TermGroup> = Extract<TermCode, `value.${G}.${string}`> extends `value.${G}.${infer V}` ? V : never

/** An enum value as a translatable word: `term('orderStatus', 'failed')` is `value.orderStatus.failed`. */
export function term<G extends TermGroup>(group: G, value: TermValue<G>): ServerText {
  return { code: `value.${group}.${value}` as ServerTextCode }
}

/** A permission code as its label (`value.permission.USER_WRITE`); a code the catalog does not know, as its number. */
export function permissionTerm(code: number): TextParam {
  const name = permissionName(code)
  return name ? term('permission', name) : code
}

/** A role as people read it: a built-in role by its label in each language, any other by the name it was given. */
export function roleTerm(role: { name: string; builtInKey: string | null }): TextParam {
  return role.builtInKey && (BUILT_IN_ROLE_KEYS as string[]).includes(role.builtInKey) ? term('builtInRole', role.builtInKey as BuiltInRoleKey) : role.name
}

/** Text nobody can translate (an operator's reason, a provider's message), carried as it is. */
export function verbatim(text: string): ServerText {
  return { code: 'text.verbatim', params: { text } }
}

export function isServerText(value: unknown): value is ServerText {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
}

const textParam: z.ZodType<TextParam> = z.lazy(() => z.union([z.string(), z.number(), serverTextSchema]))

/** What procedures answer: the code is a string here, checked against the catalog by the catalog tests. */
export const serverTextSchema: z.ZodType<ServerText> = z.object({
  code: z.string() as unknown as z.ZodType<ServerTextCode>,
  params: z.record(z.string(), textParam).optional()
}) as z.ZodType<ServerText>

/** The i18next options every rendering uses: flat keys (codes contain dots), no HTML escaping. */
export const SERVER_TEXT_NS = 'serverText'
export const SERVER_TEXT_OPTIONS = { ns: SERVER_TEXT_NS, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false } } as const

/** An i18next `t` of any instance (its typed overloads differ between the main process and the renderer). */
export type Translate = (code: string, options: Record<string, unknown>) => string

/** Renders a text with `t`: nested texts first, with the same `t`, then put in as values. */
export function translateServerText(t: Translate, text: ServerText): string {
  const values: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(text.params ?? {})) values[key] = isServerText(value) ? translateServerText(t, value) : value
  return t(text.code, { ...SERVER_TEXT_OPTIONS, ...values })
}
