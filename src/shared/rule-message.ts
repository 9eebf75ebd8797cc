/**
 * The contract's rule messages carry a server text, so a refusal reads in the reader's language
 * wherever it is shown: the registry's 400 (`fromZodError`), the forms (`zodFormErrors`), the FX
 * import's list of problems. Zod takes a message as a string, so the text travels inside one: a
 * short marker followed by the text's JSON. Whoever shows the message decodes it first
 * (`textOfMessage`); a message zod wrote itself ("Invalid input: …") decodes to null and is shown
 * as the generic `rule.invalid` (`textOfIssue`).
 */
import { isServerText, say, type ServerText, type ServerTextCode, type TextParam } from './server-text'

const MARKER = '§text'

/** A zod message: `z.string().min(3, ruleMessage('rule.minChars', { n: 3 }))`. */
export function ruleMessage(code: ServerTextCode, params?: Record<string, TextParam>): string {
  return MARKER + JSON.stringify(say(code, params))
}

/** The text a rule message carries, or null for any other string. */
export function textOfMessage(message: string): ServerText | null {
  if (!message.startsWith(MARKER)) return null
  try {
    const text: unknown = JSON.parse(message.slice(MARKER.length))
    return isServerText(text) ? text : null
  } catch {
    return null
  }
}

/**
 * The parse options under which an issue tells a field left out from one of the wrong kind: each
 * issue then carries the value it was about (`input`). The registry and the forms parse with them.
 */
export const REPORT_INPUT = { reportInput: true } as const

/** The issues a value of the wrong kind raises (a rule's own, `custom`, may leave `input` unset). */
const KIND_ISSUES = new Set(['invalid_type', 'invalid_value', 'invalid_union'])

/** A field left out (never sent, or undefined), in an issue parsed with REPORT_INPUT. */
function leftOut(issue: object): boolean {
  return 'code' in issue && KIND_ISSUES.has(issue.code as string) && 'input' in issue && issue.input === undefined
}

/**
 * Our text for a zod issue: "is required" for a field left out (a field's own message, such as
 * "must be active or disabled", is about a value that is there), else its rule's text; null for a
 * message zod wrote itself.
 */
export function ruleTextOfIssue(issue: { message: string }): ServerText | null {
  return leftOut(issue) ? say('rule.required') : textOfMessage(issue.message)
}

/** What a zod issue says: `ruleTextOfIssue`, or `rule.invalid` for a message that is not one of ours. */
export function textOfIssue(issue: { message: string }): ServerText {
  return ruleTextOfIssue(issue) ?? say('rule.invalid')
}
