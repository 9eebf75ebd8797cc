/**
 * JSON text for the report API, whose amounts are JSON numbers with the currency's digits
 * (`65000.00`, `-20.00`, VND `1500000`). JSON.stringify cannot write `65000.00` from a number and a
 * float cannot hold every amount exactly, so the amounts stay decimal strings to the last step and
 * are written here as the number tokens they spell.
 */
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/

export function jsonWithExactNumbers(value: unknown, numberFields: ReadonlySet<string>): string {
  const write = (v: unknown, key: string | null): string => {
    if (key !== null && numberFields.has(key) && typeof v === 'string') {
      if (!JSON_NUMBER.test(v)) throw new Error(`${key}: ${JSON.stringify(v)} is not a decimal number`)
      return v
    }
    if (Array.isArray(v)) return `[${v.map((item) => write(item, null)).join(',')}]`
    if (v !== null && typeof v === 'object') {
      const fields = Object.entries(v).filter(([, x]) => x !== undefined)
      return `{${fields.map(([k, x]) => `${JSON.stringify(k)}:${write(x, k)}`).join(',')}}`
    }
    return JSON.stringify(v) ?? 'null'
  }
  return write(value, null)
}
