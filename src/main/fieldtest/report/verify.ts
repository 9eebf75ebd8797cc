/**
 * Checking a report file offline, its JSON or its HTML (the JSON is embedded): the hash chain is
 * computed again from the content and compared link by link, so a changed step is named, a
 * removed, added or moved step too (each step carries its index); the signatures are checked
 * against the public keys the report embeds; an HTML file's visible page is rendered again from
 * its JSON and compared (a page it cannot render again, of another layout or language, is not
 * verifiable, never intact). Used by `npm run verify-report` and `fieldtest.reports.verify`.
 *
 * A valid signature says the holder of that key signed this content; whose key it is, the reader
 * checks by its fingerprint (PayDesk shows each signer's), or with `--key FINGERPRINT`.
 */
import { REPORT_LANGUAGES, type Verification } from '../../../shared/contract/fieldtest'
import { say, type ServerText } from '../../../shared/server-text'
import { headerHash, REPORT_FORMAT, signaturePayload, stepHash, type ReportDocument, type ReportSignature } from './document'
import { EMBEDDED_ID, renderReportHtml, RENDERERS, type Renderer } from './html'
import { fingerprintOf, verifySignature } from './keys'

type Problem = Verification['problems'][number]

const isReportLanguage = (lang: string): lang is (typeof REPORT_LANGUAGES)[number] => (REPORT_LANGUAGES as readonly string[]).includes(lang)

const problem = (code: Problem['code'], step: number | null, text: ServerText): Problem => ({ code, step, text })

/** The document inside a report file: the JSON itself, or the one an HTML report embeds. */
export function readReportFile(text: string): { doc: unknown; html: { lang: string; renderer: string | null } | null } | null {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{')) {
    try {
      return { doc: JSON.parse(text), html: null }
    } catch {
      return null
    }
  }
  const start = text.indexOf(`<script type="application/json" id="${EMBEDDED_ID}">`)
  const end = text.indexOf('</script>', start)
  if (start < 0 || end < 0) return null
  try {
    const doc: unknown = JSON.parse(text.slice(start + `<script type="application/json" id="${EMBEDDED_ID}">`.length, end))
    const lang = /<html lang="([^"]+)">/.exec(text)?.[1] ?? 'en'
    const renderer = /<meta name="paydesk-report-renderer" content="([^"]+)">/.exec(text)?.[1] ?? null
    return { doc, html: { lang, renderer } }
  } catch {
    return null
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function wellFormed(doc: unknown): doc is ReportDocument {
  if (!isObject(doc) || doc.format !== REPORT_FORMAT || !isObject(doc.header) || !Array.isArray(doc.steps) || !Array.isArray(doc.signatures)) return false
  const chain = doc.chain
  return isObject(chain) && typeof chain.header === 'string' && typeof chain.head === 'string' && Array.isArray(chain.steps) && chain.steps.every((s) => typeof s === 'string') && doc.steps.every(isObject)
}

function checkSignatures(doc: ReportDocument, problems: Problem[]): Verification['signatures'] {
  const engineer = doc.signatures.find((s) => s?.role === 'engineer')
  if (!engineer) problems.push(problem('signature_missing', null, say('fieldtest.verify.noSignature')))
  return doc.signatures.map((s: ReportSignature) => {
    const { signature, ...unsigned } = s
    const valid =
      typeof signature === 'string' &&
      typeof s.publicKey === 'string' &&
      fingerprintOf(s.publicKey) === s.fingerprint &&
      verifySignature(s.publicKey, signaturePayload(doc.format, doc.chain.head, unsigned, s.role === 'reviewer' ? (engineer?.signature ?? null) : null), signature)
    if (!valid) problems.push(problem('signature_invalid', null, say('fieldtest.verify.badSignature', { role: s.role, user: String(s.username) })))
    return { role: String(s.role), username: String(s.username), fingerprint: String(s.fingerprint), valid }
  })
}

export function verifyReportText(text: string, options: { keys?: string[] } = {}): Verification {
  const file = readReportFile(text)
  if (!file) return { ok: false, problems: [problem('unreadable', null, say('fieldtest.verify.unreadable'))], steps: 0, head: null, signatures: [] }
  const doc = file.doc
  if (!wellFormed(doc)) return { ok: false, problems: [problem('format', null, say('fieldtest.verify.format', { format: REPORT_FORMAT }))], steps: 0, head: null, signatures: [] }
  const problems: Problem[] = []
  const chain = doc.chain
  if (headerHash(doc.format, doc.header) !== chain.header) problems.push(problem('header_altered', null, say('fieldtest.verify.headerAltered')))

  const signed = chain.steps.length
  const indices = doc.steps.map((s) => s.index)
  const seen = new Set<number>()
  const counted = indices.map((index, position) => {
    const fits = typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < signed && !seen.has(index)
    if (!fits) problems.push(problem('step_added', position + 1, say('fieldtest.verify.stepAdded', { position: position + 1 })))
    else seen.add(index)
    return fits
  })
  for (let index = 0; index < signed; index++) if (!seen.has(index)) problems.push(problem('step_missing', index + 1, say('fieldtest.verify.stepMissing', { step: index + 1 })))
  // The first step standing before one it followed when signed.
  let highest = -1
  for (const [position, index] of indices.entries()) {
    if (!counted[position]) continue
    if (index < highest) {
      problems.push(problem('step_moved', index + 1, say('fieldtest.verify.stepMoved', { step: index + 1, position: position + 1 })))
      break
    }
    highest = index
  }
  // Each step against its own link, wherever it stands now.
  for (const [position, step] of doc.steps.entries()) {
    const index = step.index
    if (!counted[position]) continue
    const previous = index === 0 ? chain.header : chain.steps[index - 1]
    if (stepHash(previous, step) !== chain.steps[index]) problems.push(problem('step_altered', index + 1, say('fieldtest.verify.stepAltered', { step: index + 1 })))
  }
  if (chain.head !== (chain.steps.at(-1) ?? chain.header)) problems.push(problem('chain_altered', null, say('fieldtest.verify.chainAltered')))

  const signatures = checkSignatures(doc, problems)
  if (options.keys?.length) {
    const engineer = doc.signatures.find((s) => s.role === 'engineer')
    if (engineer && !options.keys.includes(engineer.fingerprint)) problems.push(problem('signature_invalid', null, say('fieldtest.verify.unknownKey', { fingerprint: engineer.fingerprint })))
  }
  if (file.html) {
    const { renderer, lang } = file.html
    // The page is what a reader sees: one this version cannot render again is not checked, so it
    // never passes as intact (else changing the layout's name would let any visible edit through).
    // A page of an older layout this version still renders (RENDERERS) is checked against that layout.
    if (!(RENDERERS as readonly (string | null)[]).includes(renderer) || !isReportLanguage(lang)) problems.push(problem('html_unverifiable', null, say('fieldtest.verify.htmlUnverifiable')))
    else if (problems.length === 0) {
      let same: boolean
      try {
        same = renderReportHtml(doc, lang, renderer as Renderer) === text
      } catch {
        same = false
      }
      if (!same) problems.push(problem('html_altered', null, say('fieldtest.verify.htmlAltered')))
    }
  }
  return { ok: problems.length === 0, problems, steps: doc.steps.length, head: chain.head, signatures }
}
