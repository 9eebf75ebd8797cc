/**
 * Amounts as text, exactly: a file's number is normalized to a plain signed decimal string
 * (`-1234.50`, scale kept as written) and summed in scaled BigInts. Nothing passes through a JS
 * number, and this runs once per amount of a million-line file, so it is string work, not
 * decimal.js objects.
 */

export interface NumberFormat {
  decimalSeparator: '.' | ','
  thousandsSeparator: '' | ',' | '.' | ' '
}

const PLAIN = /^(\d*)(?:\.(\d*))?$/
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/
const NEGATIVE_ZERO = /^-0(?:\.0*)?$/
const SPACES = /[ \u00a0\u202f]/g

/**
 * The file's text as a normalized decimal, or null when it is not one. Accepts a leading sign or
 * accounting parentheses; thousands separators only in proper groups of three.
 */
export function readDecimal(input: string, format: NumberFormat): string | null {
  // Most amounts are already plain: `12.30`, `-0.60`.
  if (format.decimalSeparator === '.' && CANONICAL.test(input) && !NEGATIVE_ZERO.test(input)) return input
  let text = input.trim()
  if (text === '') return null
  let negative = false
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true
    text = text.slice(1, -1).trim()
  }
  if (text.startsWith('-') || text.startsWith('+')) {
    if (negative) return null
    negative = text.startsWith('-')
    text = text.slice(1)
  }
  if (format.thousandsSeparator !== '') {
    const sep = format.thousandsSeparator
    const intPart = format.decimalSeparator === ',' ? text.split(',')[0] : text.split('.')[0]
    const hasSep = sep === ' ' ? /[ \u00a0\u202f]/.test(intPart) : intPart.includes(sep)
    if (hasSep) {
      const grouped = sep === ' ' ? intPart.replace(SPACES, ' ') : intPart
      const groups = grouped.split(sep)
      if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null
      text = groups.join('') + text.slice(intPart.length)
    }
  }
  if (format.decimalSeparator === ',') {
    if (text.includes('.')) return null
    text = text.replace(',', '.')
  }
  const m = PLAIN.exec(text)
  if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return null
  const intDigits = m[1].replace(/^0+(?=\d)/, '') || '0'
  const frac = m[2] ?? ''
  const body = frac === '' ? intDigits : `${intDigits}.${frac}`
  return negative && !isZero(body) ? `-${body}` : body
}

export function isZero(decimal: string): boolean {
  return /^-?0*(\.0*)?$/.test(decimal)
}

export function negate(decimal: string): string {
  if (isZero(decimal)) return decimal.replace(/^-/, '')
  return decimal.startsWith('-') ? decimal.slice(1) : `-${decimal}`
}

export function absolute(decimal: string): string {
  return decimal.startsWith('-') ? decimal.slice(1) : decimal
}

function scaled(decimal: string): { units: bigint; scale: number } {
  const negative = decimal.startsWith('-')
  const body = negative ? decimal.slice(1) : decimal
  const point = body.indexOf('.')
  const digits = point < 0 ? body : body.slice(0, point) + body.slice(point + 1)
  const units = BigInt(digits)
  return { units: negative ? -units : units, scale: point < 0 ? 0 : body.length - point - 1 }
}

function unscaled(units: bigint, scale: number): string {
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0')
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
  return negative ? `-${body}` : body
}

/** Short plain decimals, the common case: at most 15 integer digits and 20 significant digits in all (checked below). */
const SHORT_PLAIN = /^(\d{1,15})(?:\.(\d{1,20}))?$/

/**
 * A plain unsigned decimal (`12.30`) as whole units of `digits` decimals (1230 for two), by its
 * digits: `dropped` holds the decimals beyond `digits` (empty when there are none). Null when the
 * text is not short and plain (more than 15 digits of units, or more than 20 significant digits):
 * the caller then takes the exact slow path. Every amount of a million-line statement goes
 * through here, so it does digit work and never makes a Decimal.
 */
export function unitsOf(text: string, digits: number): { units: number; dropped: string } | null {
  const m = SHORT_PLAIN.exec(text)
  if (!m) return null
  const fraction = m[2] ?? ''
  if (m[1].length + fraction.length > 20) return null
  const whole = m[1] + (fraction.length > digits ? fraction.slice(0, digits) : fraction.padEnd(digits, '0'))
  if (whole.length > 15) return null
  // At most 15 digits: the number holds them exactly.
  return { units: Number(whole), dropped: fraction.length > digits ? fraction.slice(digits) : '' }
}

/** Whether dropped decimals (from `unitsOf`) change the amount. */
export const dropsValue = (dropped: string): boolean => /[1-9]/.test(dropped)

/** Rounds half away from zero, as decimal.js's ROUND_HALF_UP does: up when the first dropped decimal is 5 or more. */
export const roundsUp = (dropped: string): boolean => dropped.charCodeAt(0) >= 53

/** An exact running sum of normalized decimals; the result keeps the largest scale seen. */
export class ExactSum {
  private units = 0n
  private scale = 0
  count = 0

  add(decimal: string): void {
    const next = scaled(decimal)
    if (next.scale > this.scale) {
      this.units *= 10n ** BigInt(next.scale - this.scale)
      this.scale = next.scale
    }
    this.units += next.units * 10n ** BigInt(this.scale - next.scale)
    this.count += 1
  }

  plus(decimal: string): string {
    const copy = new ExactSum()
    copy.units = this.units
    copy.scale = this.scale
    copy.add(decimal)
    return copy.toString()
  }

  toString(): string {
    return unscaled(this.units, this.scale)
  }
}

/** Numeric equality of two normalized decimals ("0.06" = "0.060"). */
export function sameAmount(a: string, b: string): boolean {
  const x = scaled(a)
  const y = scaled(b)
  const scale = Math.max(x.scale, y.scale)
  return x.units * 10n ** BigInt(scale - x.scale) === y.units * 10n ** BigInt(scale - y.scale)
}

/**
 * A spreadsheet's number cell as decimal text. XLSX stores numbers as binary doubles written
 * with up to 17 digits; Excel shows 15 significant digits, so that is the value a person sees and
 * means (`0.30000000000000004` is `0.3`). Exponents are written out.
 */
export function spreadsheetNumberText(value: number): string | null {
  if (!Number.isFinite(value)) return null
  const rounded = Number(value.toPrecision(15))
  const text = String(rounded)
  if (!/e/i.test(text)) return text
  const [mantissa, exp] = text.toLowerCase().split('e')
  const negative = mantissa.startsWith('-')
  const [intPart, frac = ''] = (negative ? mantissa.slice(1) : mantissa).split('.')
  const digits = intPart + frac
  const point = intPart.length + Number(exp)
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`
  return negative ? `-${body}` : body
}
