/**
 * Masking for every exchange with a provider that PayDesk stores: the request/response logs kept
 * per order (upstream/http.ts) and the callbacks providers send (orders/callbacks.ts), with the
 * same rules, the channel adapter's (`ProviderAdapter.maskRules`). Staff read these, so what could
 * move money or impersonate us never appears in them. Credential values become `***` wherever they
 * occur, the signature becomes `***`, and card and account numbers are shown as everywhere else
 * (SPEC §11): their first 6 and last 4 characters.
 */

export interface MaskRules {
  /** Credential values (sign keys, API keys …): replaced wherever they occur. */
  secrets: string[]
  /** Parameter names whose value is a signature. */
  signatureFields: string[]
  /** Parameter names whose value is a card or account number. */
  accountFields: string[]
}

export const MASK = '***'

/** Substring replacement only for secrets this long: a one-character secret would shred the text. */
const MIN_SUBSTRING_SECRET = 4

/**
 * A card or account number as staff see it: "6222021234567890" → "622202******7890", the first 6
 * and last 4 characters with one `*` per hidden one. A number under 13 characters (a bank account
 * rather than a card) would show nearly all of itself that way, so it keeps only its last 4; one of
 * 4 or fewer, nothing. Masking a masked number changes nothing.
 */
export function maskAccount(value: string): string {
  const v = value.trim()
  if (v.length <= 4) return '****'
  if (v.length < 13) return `${'*'.repeat(v.length - 4)}${v.slice(-4)}`
  return `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function replaceSecrets(text: string, secrets: string[]): string {
  let out = text
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < MIN_SUBSTRING_SECRET) continue
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), MASK)
    // The same secret as it appears inside a form body or a URL.
    const encoded = encodeURIComponent(secret)
    if (encoded !== secret) out = out.replace(new RegExp(escapeRegExp(encoded), 'g'), MASK)
  }
  return out
}

/** Masks one value by the name it is carried under. */
function maskerFor(rules: MaskRules): (name: string | null, value: string) => string {
  const signature = new Set(rules.signatureFields.map((n) => n.toLowerCase()))
  const account = new Set(rules.accountFields.map((n) => n.toLowerCase()))
  const secrets = new Set(rules.secrets.filter((s) => s !== ''))
  return (name, value) => {
    const key = name?.toLowerCase() ?? ''
    if (signature.has(key) || secrets.has(value)) return MASK
    if (account.has(key)) return maskAccount(value)
    return replaceSecrets(value, rules.secrets)
  }
}

/** A copy of a parsed body (nested objects and arrays included) with its secrets masked. */
export function maskValue(value: unknown, rules: MaskRules): unknown {
  const mask = maskerFor(rules)
  const walk = (v: unknown, key: string | null): unknown => {
    if (Array.isArray(v)) return v.map((item) => walk(item, key))
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner, k)]))
    if (typeof v === 'string') return mask(key, v)
    if (typeof v === 'number') {
      const masked = mask(key, String(v))
      return masked === String(v) ? v : masked
    }
    return v
  }
  return walk(value, null)
}

/**
 * A body or URL as text, masked: JSON and form bodies structurally (so account numbers are found
 * by name), anything else by replacing the secrets it contains.
 */
export function maskText(text: string, rules: MaskRules): string {
  const trimmed = text.trim()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return replaceSecrets(JSON.stringify(maskValue(JSON.parse(trimmed), rules)), rules.secrets)
    } catch {
      // Not JSON after all: fall through to plain replacement.
    }
  }
  if (/^[^\s=&]+=[^\s]*$/.test(trimmed)) {
    const mask = maskerFor(rules)
    const masked = new URLSearchParams()
    for (const [k, v] of new URLSearchParams(trimmed)) masked.append(k, mask(k, v))
    return replaceSecrets(masked.toString(), rules.secrets)
  }
  return replaceSecrets(text, rules.secrets)
}

/** A URL with its query string masked like a form body. */
export function maskUrl(url: string, rules: MaskRules): string {
  const at = url.indexOf('?')
  if (at < 0) return replaceSecrets(url, rules.secrets)
  return `${replaceSecrets(url.slice(0, at), rules.secrets)}?${maskText(url.slice(at + 1), rules)}`
}
