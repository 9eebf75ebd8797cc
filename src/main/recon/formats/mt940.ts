/**
 * SWIFT MT940, read by a small parser of its few tags rather than mt940js: mt940js hands amounts
 * back as JS numbers (each would have to be re-read from its raw tag text anyway), checks the
 * balances in floating point, and is little used (~5 k downloads a month); the tags themselves
 * are short and fixed. Read here, line by line as the file streams:
 *
 *   :20: reference, :25: account, :28C: statement/sequence, :60F:/:60M: opening balance,
 *   :61: one line each (with the :86: after it as its information), :62F:/:62M: closing balance.
 *
 * Continuation lines belong to the tag above them; `{1:…}{2:…}{4:` … `-}` wrappers may be there
 * or not; several statements may share a file. Amounts use a decimal comma and are kept as text.
 * `RC` (reversal of a credit) takes money out and `RD` puts it in: the mark is the booking's
 * direction and is applied once; the line keeps its original's kind, with the status `reversed`.
 * Control per statement: :60F: + Σ :61: = :62F:.
 *
 * Row key: ["mt940", mark, "ref", bank reference] when the :61: carries one after `//`, else
 * ["mt940", mark, "seq", :25: account, :28C: statement/sequence, position in the statement, value
 * date as written (YYMMDD), amount]: the statement's identity is its account and number, never
 * its `:20:` (the sender's reference of the message, which a resend changes); the value date and
 * amount keep a number the bank starts again each year from naming another line. A statement
 * without :28C: (malformed, it is mandatory) keeps ["mt940", mark, "stmt", :20:, "", position].
 *
 * Lines without a bank reference imported before this key were keyed ["mt940", mark, "stmt",
 * :20:, :28C:, position]; their account was never stored, so they cannot be rekeyed: a statement
 * imported then and sent again is stored once more for those lines (docs/reconciliation.md).
 */
import type { LineKind, ReconProfile } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { ExactSum, negate, readDecimal, sameAmount } from './decimal-text'
import type { LineSink } from './sink'
import type { ByteSource } from './source'
import { orderNoOf } from './order-reference'
import { decodeSource, lineBatches } from './text'
import { zoneClock } from './time-text'
import { StatementReadError, type ControlResult, type StatementReadResult, type StatementSummary } from './types'

type Mt940Result = Pick<StatementReadResult, 'encoding' | 'encodingSource' | 'period' | 'controls' | 'statements' | 'stoppedEarly'>

const TAG_START = /^:(\d{2}[A-Z]?):(.*)$/
const FIELD_61 = /^(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d+,\d*)([NFS][A-Z0-9]{3})(.*)$/
const BALANCE = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})(\d+,\d*)$/
const COMMA = { decimalSeparator: ',', thousandsSeparator: '' } as const
const DAY_MS = 86_400_000

interface Tag {
  id: string
  lines: string[]
  lineNo: number
}

interface Statement {
  ref: string
  account: string | null
  sequence: string | null
  currency: string | null
  opening: string | null
  openingAt: number | null
  closing: string | null
  closingAt: number | null
  /** The earliest booking day of its entries. */
  firstAt: number | null
  sum: ExactSum
  position: number
  lineNo: number
}

/** Two-digit years: 80–99 are 19xx, the rest 20xx. */
const fullYear = (yy: string) => (Number(yy) >= 80 ? 1900 : 2000) + Number(yy)

export async function readMt940(source: ByteSource, profile: ReconProfile, sink: LineSink): Promise<Mt940Result> {
  const { choice, texts } = await decodeSource(source, profile.encoding, 'mt940')
  const clock = zoneClock(profile.timeZone)
  const dayAt = (year: number, month: number, day: number) => clock({ year, month, day, hour: 0, minute: 0, second: 0, ms: 0, offsetMinutes: null })
  const kinds = new Map(Object.entries(profile.kinds))
  const control = profile.controls.find((c) => c.type === 'mt940_balances')
  const controls: ControlResult[] = []
  const statements: StatementSummary[] = []
  let period: Mt940Result['period'] = null
  let stmt: Statement | null = null
  let tag: Tag | null = null
  let entry: { tag: Tag; info: Tag | null } | null = null

  const balance = (t: Tag): { amount: string; at: number; currency: string } => {
    const m = BALANCE.exec(t.lines[0].trim())
    const amount = m ? readDecimal(m[6], COMMA) : null
    if (!m || amount === null) throw new StatementReadError('malformed', say('recon.read.mt940Balance', { tag: t.id, lineNo: t.lineNo, text: t.lines[0] }))
    return { amount: m[1] === 'D' ? negate(amount) : amount, at: dayAt(fullYear(m[2]), Number(m[3]), Number(m[4])), currency: m[5] }
  }

  const flushEntry = async () => {
    if (!entry || !stmt) return
    const { tag: t, info } = entry
    entry = null
    stmt.position += 1
    const raw = [t, info].filter((x): x is Tag => x !== null).map((x) => `:${x.id}:${x.lines.join('\n')}`)
    const m = FIELD_61.exec(t.lines[0].trim())
    const amount = m ? readDecimal(m[7], COMMA) : null
    if (!m || amount === null) {
      sink.problem({ lineNo: t.lineNo, field: ':61:', reason: say('recon.row.mt940Entry', { text: t.lines[0].slice(0, 80) }), raw })
      return
    }
    const [, yy, mm, dd, entryDate, mark, , , typeCode, rest] = m
    const valueYear = fullYear(yy)
    const valueAt = dayAt(valueYear, Number(mm), Number(dd))
    let bookedAt = valueAt
    if (entryDate) {
      const em = Number(entryDate.slice(0, 2))
      // The entry date has no year: it is the value date's, unless the two straddle the year end.
      const year = em === 12 && Number(mm) === 1 ? valueYear - 1 : em === 1 && Number(mm) === 12 ? valueYear + 1 : valueYear
      bookedAt = dayAt(year, em, Number(entryDate.slice(2, 4)))
    }
    const moneyIn = mark === 'C' || mark === 'RD' || mark === 'EC'
    const signed = moneyIn ? amount : negate(amount)
    stmt.sum.add(signed)
    stmt.firstAt = stmt.firstAt === null ? bookedAt : Math.min(stmt.firstAt, bookedAt)
    const [ownRef, bankRef] = splitReferences(rest)
    const reversal = mark === 'RC' || mark === 'RD'
    const original = mark === 'RC' ? 'C' : mark === 'RD' ? 'D' : mark.slice(-1)
    const kind = [typeCode, mark, original].map((c) => kinds.get(c)).find(Boolean) ?? profile.defaultKind
    if (!kind) {
      sink.problem({ lineNo: t.lineNo, field: ':61:', reason: say('recon.row.noKindFor', { codes: `${typeCode} / ${mark}` }), raw })
      return
    }
    const details = parseInformation(info ? info.lines.join('') : '')
    const supplementary = t.lines.slice(1).join(' ').trim()
    const keyParts = bankRef
      ? ['ref', bankRef]
      : stmt.sequence
        ? ['seq', stmt.account ?? '', stmt.sequence, String(stmt.position), `${yy}${mm}${dd}`, amount]
        : ['stmt', stmt.ref, '', String(stmt.position)]
    await sink.line({
      lineNo: t.lineNo,
      rowKey: JSON.stringify(['mt940', mark, ...keyParts]),
      kind: kind as LineKind,
      // The owner's reference, else one of ours the EREF is, else the one the purpose names (order-reference.ts).
      orderNo: orderNoOf(ownRef, [details.endToEndId], [details.description, supplementary]),
      merchantOrderNo: null,
      upstreamNo: bankRef,
      refundNo: null,
      currency: stmt.currency,
      gross: signed,
      fee: null,
      net: signed,
      at: bookedAt,
      // RC/RD took back what the original booking moved: it is no new payment of the kind.
      status: reversal && (profile.defaultStatus === null || profile.defaultStatus === 'succeeded') ? 'reversed' : profile.defaultStatus,
      counterparty: details.counterparty,
      description: [details.description, supplementary].filter(Boolean).join(' ') || null,
      valueAt,
      endToEndId: details.endToEndId,
      reversal,
      batch: null,
      raw
    })
  }

  const closeStatement = () => {
    if (!stmt) return
    const s = stmt
    stmt = null
    const id = s.sequence ? `${s.ref}/${s.sequence}` : s.ref
    statements.push({ id, account: s.account, currency: s.currency, lineCount: s.position })
    if (s.opening !== null && s.closing !== null) {
      const computed = s.sum.plus(s.opening)
      if (control) controls.push({ name: `${control.name}.${id}.60F+61=62F`, stated: s.closing, computed, ok: sameAmount(s.closing, computed) })
      // The opening balance (:60F:) is dated the day before, the previous statement's closing: the
      // statement covers the days after it, up to its closing day (a bank that dates it the same
      // day as its first entry starts there), so consecutive daily statements never overlap.
      const span = { from: Math.min(s.openingAt! + DAY_MS, s.firstAt ?? Number.POSITIVE_INFINITY, s.closingAt!), to: s.closingAt! + DAY_MS }
      period = period ? { from: Math.min(period.from, span.from), to: Math.max(period.to, span.to) } : span
    } else if (control?.required && !sink.stopped) {
      throw new StatementReadError('truncated', say('recon.read.mt940NoBalance', { id, lineNo: s.lineNo, balance: say(s.opening === null ? 'recon.read.mt940Opening' : 'recon.read.mt940Closing') }), { statement: id })
    }
  }

  const finishTag = async () => {
    const t = tag
    tag = null
    if (!t) return
    if (t.id === '86' && entry && !entry.info) {
      entry.info = t
      await flushEntry()
      return
    }
    await flushEntry()
    if (t.id === '20') {
      closeStatement()
      stmt = { ref: t.lines[0].trim(), account: null, sequence: null, currency: null, opening: null, openingAt: null, closing: null, closingAt: null, firstAt: null, sum: new ExactSum(), position: 0, lineNo: t.lineNo }
      return
    }
    if (!stmt) throw new StatementReadError('malformed', say('recon.read.mt940Orphan', { tag: t.id, lineNo: t.lineNo }))
    if (t.id === '25') stmt.account = t.lines[0].trim()
    else if (t.id === '28C' || t.id === '28') stmt.sequence = t.lines[0].trim()
    else if (t.id === '60F' || t.id === '60M') {
      const b = balance(t)
      Object.assign(stmt, { opening: b.amount, openingAt: b.at, currency: b.currency })
    } else if (t.id === '62F' || t.id === '62M') {
      const b = balance(t)
      if (stmt.currency && b.currency !== stmt.currency) throw new StatementReadError('malformed', say('recon.read.mt940Currency', { ref: stmt.ref, opening: stmt.currency, closing: b.currency, lineNo: t.lineNo }))
      Object.assign(stmt, { closing: b.amount, closingAt: b.at })
    } else if (t.id === '61') entry = { tag: t, info: null }
  }

  for await (const { firstLineNo, lines } of lineBatches(texts)) {
    for (let i = 0; i < lines.length; i++) {
      source.checkAborted()
      const lineNo = firstLineNo + i
      let line = lines[i]
      const block = line.lastIndexOf('{4:')
      if (block >= 0) line = line.slice(block + 3)
      else if (line.startsWith('{')) continue
      if (line.trim() === '-}' || line.trim() === '-') {
        await finishTag()
        closeStatement()
        continue
      }
      const start = TAG_START.exec(line)
      if (start) {
        await finishTag()
        tag = { id: start[1], lines: [start[2]], lineNo }
      } else if (tag) tag.lines.push(line)
      if (sink.stopped) break
    }
    if (sink.stopped) break
  }
  if (!sink.stopped) {
    await finishTag()
    closeStatement()
  }
  if (statements.length === 0 && !sink.stopped) throw new StatementReadError('empty', say('recon.read.mt940Empty'))
  return { encoding: choice.encoding, encodingSource: choice.source, period, controls: sink.stopped ? [] : controls, statements, stoppedEarly: sink.stopped }
}

/** `OWNREF//BANKREF`: the account owner's reference (NONREF: none) and the bank's. */
function splitReferences(rest: string): [string | null, string | null] {
  const at = rest.indexOf('//')
  const own = (at >= 0 ? rest.slice(0, at) : rest).trim()
  const bank = at >= 0 ? rest.slice(at + 2).trim() : ''
  return [own === '' || own === 'NONREF' ? null : own, bank === '' ? null : bank]
}

/**
 * `:86:` is bank-specific: German `?NN` subfields (`?20EREF+…`, `?21SVWZ+…`, `?32`/`?33` name)
 * or slash tags (`/EREF/…/NAME/…/REMI/…`); otherwise it is free text.
 */
export function parseInformation(text: string): { endToEndId: string | null; counterparty: string | null; description: string | null } {
  const e2e = (value: string | undefined | null) => (value && value !== 'NOTPROVIDED' ? value.trim() : null)
  if (/\?\d{2}/.test(text)) {
    const fields = new Map<string, string>()
    for (const m of text.matchAll(/\?(\d{2})([^?]*)/g)) fields.set(m[1], (fields.get(m[1]) ?? '') + m[2])
    const remittance = [...fields].filter(([k]) => (k >= '20' && k <= '29') || (k >= '60' && k <= '63')).map(([, v]) => v).join('')
    const eref = /EREF\+(\S+?)(?=(?:SVWZ|KREF|MREF|CRED|ABWA|ABWE)\+|\s|$)/.exec(remittance)?.[1]
    const purpose = /SVWZ\+(.*?)(?=(?:EREF|KREF|MREF|CRED|ABWA|ABWE)\+|$)/.exec(remittance)?.[1]
    const name = [fields.get('32'), fields.get('33')].filter(Boolean).join('')
    return { endToEndId: e2e(eref), counterparty: name || null, description: (purpose ?? remittance).trim() || null }
  }
  if (/\/[A-Z]{2,4}\//.test(text)) {
    const tags = new Map<string, string>()
    for (const m of text.matchAll(/\/([A-Z]{2,4})\/(.*?)(?=\/[A-Z]{2,4}\/|$)/g)) if (!tags.has(m[1])) tags.set(m[1], m[2].replace(/\/+$/, ''))
    return { endToEndId: e2e(tags.get('EREF')), counterparty: tags.get('NAME')?.trim() || null, description: tags.get('REMI')?.trim() || text.trim() || null }
  }
  return { endToEndId: null, counterparty: null, description: text.trim() || null }
}
