/**
 * Masking for the request/response logs kept per order: staff read these logs, so what could move
 * money or impersonate us never appears in them. Credential values become `***` wherever they
 * occur, the signature becomes `***`, and card and account numbers keep their first 4 and last 4
 * characters, which is enough to tell accounts apart.
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

/** "6222021234567890" → "6222****7890"; 5–8 characters keep only the last 4; shorter ones nothing. */
export function maskAccount(value: string): string {
  const v = value.trim()
  if (v.length <= 4) return '****'
  if (v.length <= 8) return `****${v.slice(-4)}`
  return `${v.slice(0, 4)}****${v.slice(-4)}`
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
