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

/** What a zod issue says: its rule's text, or `rule.invalid` for a message that is not one of ours. */
export function textOfIssue(issue: { message: string }): ServerText {
  return textOfMessage(issue.message) ?? say('rule.invalid')
}
