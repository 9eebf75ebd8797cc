/**
 * Control characters in text input. A NUL cut a search short (`a\u0000zq` matched everything with
 * `a`), and no field of PayDesk means to hold a bell, an escape or a backspace: they reach the
 * database, the logs, the exports and the providers' signed strings. The registry refuses them in
 * every procedure's parsed input (after the contract has trimmed it), naming the field by its
 * dotted path, so a procedure added later is covered without a line of its own.
 *
 * C0 controls (U+0000–U+001F) and DEL (U+007F) are refused everywhere but for tab, line feed and
 * carriage return in text meant to span lines: the fields named in MULTI_LINE_FIELDS and anything
 * inside them. Everywhere else (searches, names, numbers, codes, addresses, passwords) those three
 * are refused too, as is any control character in a name of a record (order fields, credentials).
 *
 * A procedure whose input carries a file's own text to be read and answered about, never stored,
 * logged or signed (a report to verify), names that field in its contract (`fileFields`): it is
 * left to the file's reader, which refuses what it does not expect anyway. A real export holds
 * line breaks and may hold other control characters (DEL, which JSON leaves as it is, or one in a
 * provider's text shown on an HTML report's page).
 */

/** Free text of several lines: reasons, notes, role descriptions, an imported CSV file, a base64 upload (wrapped lines), credentials (PEM keys) and a channel's protocol settings. */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(['reason', 'note', 'description', 'csv', 'contentBase64', 'credentials', 'adapterConfig'])

/**
 * Files in transit as base64 text: never stored, logged or signed as text (decoded to bytes, any
 * other character is no byte), and checked by their decoders a chunk at a time (recon/uploads.ts,
 * aftersales/evidence.ts): one pass of the check here over a 27 MiB statement's 36 MiB of base64
 * held the main thread 45 ms.
 */
export const BYTES_FIELDS: ReadonlySet<string> = new Set(['contentBase64'])

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f]/
// eslint-disable-next-line no-control-regex -- as above, less tab, line feed and carriage return
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** Where a value sits: its key and its parent's place (a path built only when one is at fault). */
interface Place {
  key: string
  parent: Place | null
}

function fieldOf(place: Place | null): string {
  const keys: string[] = []
  for (let at = place; at; at = at.parent) keys.push(at.key)
  return keys.length ? keys.reverse().join('.') : 'input'
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** Whether `text` holds a control character (but for tab, line feed and carriage return when it may span lines). */
export function hasControlCharacter(text: string, multiLine: boolean): boolean {
  return (multiLine ? CONTROL_BUT_LINE_BREAKS : ANY_CONTROL).test(text)
}

/**
 * The dotted path of the first text in `input` (strings in plain objects and arrays, and the names
 * of the objects' keys) holding a control character its field may not hold; null when there is
 * none. A key's fault is its object's path. Iterative: protocol settings may nest deeply.
 * `fileFields`: top-level fields of the procedure holding a file's text, not checked.
 */
export function fieldWithControlCharacter(input: unknown, fileFields: readonly string[] = []): string | null {
  const stack: { value: unknown; place: Place | null; multiLine: boolean }[] = [{ value: input, place: null, multiLine: false }]
  while (stack.length > 0) {
    const { value, place, multiLine } = stack.pop()!
    if (typeof value === 'string') {
      if (hasControlCharacter(value, multiLine)) return fieldOf(place)
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], place: { key: String(i), parent: place }, multiLine })
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value)
      if (keys.some((key) => ANY_CONTROL.test(key))) return fieldOf(place)
      for (let i = keys.length - 1; i >= 0; i--) {
        if ((BYTES_FIELDS.has(keys[i]) || (place === null && fileFields.includes(keys[i]))) && typeof value[keys[i]] === 'string') continue
        stack.push({ value: value[keys[i]], place: { key: keys[i], parent: place }, multiLine: multiLine || MULTI_LINE_FIELDS.has(keys[i]) })
      }
    }
  }
  return null
}
