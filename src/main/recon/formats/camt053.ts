/**
 * ISO 20022 camt.053 (BankToCustomerStatement), v02 to v13: one line per entry (`Ntry`), read as
 * the file streams (xml-entries.ts), each parsed by fast-xml-parser with values kept as text.
 *
 * Sign: CdtDbtInd is the booking's direction, reversals included (CRDT with RvslInd=true undoes a
 * debit and adds to the balance); RvslInd only marks the line as a reversal and is never applied
 * again (RECONCILIATION.md §2.3). The kind is looked up by the bank transaction code, then by the
 * original booking's direction (a reversed debit is still a payout, now coming back); a booked
 * reversal's status is `reversed`, so the run pairs it with its original as money taken back.
 *
 * Only booked entries are lines: an entry the profile reads as pending (PDNG, INFO, FUTR: the bank's
 * notice of money not moved yet) is left out and counted by its status code (`notBooked`), so the
 * dry run says so. It comes again, booked, in a later statement; stored now, its key (the same
 * AcctSvcrRef or EndToEndId) would have made that booked entry "seen before" and lost it.
 *
 * Our order number is the creditor's reference, else one of ours the payer's EndToEndId or InstrId
 * is, else the one the remittance text names (order-reference.ts).
 *
 * Row key: ["camt", direction, reversal, AcctSvcrRef] when the bank gives its reference (unique
 * per account, the dedupe key), else the single transaction's EndToEndId, else the statement's
 * id with NtryRef or the entry's position in the statement.
 */
import { XMLParser } from 'fast-xml-parser'
import type { LineKind, LineStatus, ReconProfile } from '../../../shared/contract/recon-profile'
import { say, type ServerText } from '../../../shared/server-text'
import { ExactSum, negate, sameAmount } from './decimal-text'
import type { LineSink } from './sink'
import type { ByteSource } from './source'
import { decodeSource } from './text'
import { orderNoOf } from './order-reference'
import { compileDateFormat, zoneClock } from './time-text'
import { StatementReadError, type BatchItem, type ControlResult, type StatementLine, type StatementReadResult, type StatementSummary } from './types'
import { xmlPieces } from './xml-entries'

type Node = Record<string, unknown>
type CamtResult = Pick<StatementReadResult, 'encoding' | 'encodingSource' | 'period' | 'controls' | 'statements' | 'stoppedEarly' | 'notBooked'>

const ARRAYS = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Rcrd'])
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: false, removeNSPrefix: true, processEntities: false, jPath: false, isArray: (name) => ARRAYS.has(name) })
const AMOUNT = /^\d+(\.\d+)?$/
const NAMESPACE = /urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})/
/** Stmt/Id is the statement's first element. */
const STATEMENT_ID = /<(?:[\w.-]+:)?Id>([^<]*)<\/(?:[\w.-]+:)?Id>/

/** The element's text: with attributes it is under `#text`; entities decoded (processEntities is off: no DTD expansion, ever). */
function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null
  const raw = typeof value === 'object' ? (value as Node)['#text'] : value
  if (raw === undefined || raw === null) return null
  const plain = String(raw)
  if (!plain.includes('&')) {
    const trimmed = plain.trim()
    return trimmed === '' ? null : trimmed
  }
  const text = plain
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'" })[name]!)
    .replace(/&amp;/g, '&')
    .trim()
  return text === '' ? null : text
}

const at = (node: unknown, ...path: string[]): unknown => {
  let current = node
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = Array.isArray(current) ? (current[0] as Node | undefined)?.[key] : (current as Node)[key]
  }
  return current
}
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : [])
/** v02 `<Nm>` or v08+ `<Pty><Nm>`. */
const partyName = (party: unknown) => textOf(at(party, 'Nm')) ?? textOf(at(party, 'Pty', 'Nm'))

export async function readCamt053(source: ByteSource, profile: ReconProfile, sink: LineSink): Promise<CamtResult> {
  const { choice, texts } = await decodeSource(source, profile.encoding, 'camt053')
  const parseDate = compileDateFormat('iso')
  const clock = zoneClock(profile.timeZone)
  const dateOf = (node: unknown): number | null => {
    const text = textOf(at(node, 'DtTm')) ?? textOf(at(node, 'Dt'))
    const wall = text ? parseDate(text) : null
    return wall ? clock(wall) : null
  }
  const kinds = new Map(Object.entries(profile.kinds))
  const statuses = new Map(Object.entries(profile.statuses))
  const controlsWanted = profile.controls.find((c) => c.type === 'camt_totals')
  const controls: ControlResult[] = []
  const statements: StatementSummary[] = []
  const notBooked: Record<string, number> = {}
  let period: CamtResult['period'] = null
  let version: string | null = null

  // Per statement, as its entries stream by (their totals are checked when the statement closes).
  let position = 0
  let credits = new ExactSum()
  let debits = new ExactSum()
  let booked = new ExactSum()
  let count = 0

  async function* checked(): AsyncGenerator<string> {
    for await (const text of texts) {
      if (version === null) {
        const m = NAMESPACE.exec(text)
        if (!m) throw new StatementReadError('malformed', say('recon.read.notCamt'))
        version = m[1]
      }
      yield text
    }
  }

  let statementId = ''
  for await (const piece of xmlPieces(checked())) {
    source.checkAborted()
    if (piece.type === 'head') {
      statementId = STATEMENT_ID.exec(piece.xml)?.[1]?.trim() ?? `#${statements.length + 1}`
      continue
    }
    if (piece.type === 'statement') {
      const stmt = (parser.parse(piece.xml) as Node).Stmt
      const id = textOf(at(stmt, 'Id')) ?? `#${statements.length + 1}`
      const account = textOf(at(stmt, 'Acct', 'Id', 'IBAN')) ?? textOf(at(stmt, 'Acct', 'Id', 'Othr', 'Id'))
      statements.push({ id, account, currency: textOf(at(stmt, 'Acct', 'Ccy')), lineCount: count })
      const from = textOf(at(stmt, 'FrToDt', 'FrDtTm'))
      const to = textOf(at(stmt, 'FrToDt', 'ToDtTm'))
      const fromWall = from ? parseDate(from) : null
      const toWall = to ? parseDate(to) : null
      if (fromWall && toWall) {
        const span = { from: clock(fromWall), to: clock(toWall) }
        period = period ? { from: Math.min(period.from, span.from), to: Math.max(period.to, span.to) } : span
      }
      if (controlsWanted) controls.push(...statementControls(stmt, id, controlsWanted.name, controlsWanted.required, { credits, debits, booked, count }))
      position = 0
      credits = new ExactSum()
      debits = new ExactSum()
      booked = new ExactSum()
      count = 0
      continue
    }
    if (sink.stopped) break
    position += 1
    count += 1
    const entry = ((parser.parse(piece.xml) as Node).Ntry as Node[])[0]
    const problem = (field: string, reason: ServerText) => sink.problem({ lineNo: piece.lineNo, field, reason, raw: [piece.xml] })
    const amountText = textOf(entry.Amt)
    const currency = typeof entry.Amt === 'object' ? textOf((entry.Amt as Node)['@_Ccy']) : null
    const direction = textOf(entry.CdtDbtInd)
    const statusCode = textOf(at(entry, 'Sts', 'Cd')) ?? textOf(at(entry, 'Sts', 'Prtry')) ?? textOf(entry.Sts)
    const reversal = textOf(entry.RvslInd) === 'true'
    if (amountText === null || !AMOUNT.test(amountText)) {
      problem('Amt', say('recon.row.notAmount', { value: amountText ?? '' }))
      continue
    }
    if (direction !== 'CRDT' && direction !== 'DBIT') {
      problem('CdtDbtInd', say('recon.row.notCrdtOrDbit', { value: direction ?? '' }))
      continue
    }
    const signed = direction === 'CRDT' ? amountText : negate(amountText)
    if (direction === 'CRDT') credits.add(amountText)
    else debits.add(amountText)
    if (statusCode === 'BOOK') booked.add(signed)

    let status: LineStatus | null = profile.defaultStatus
    if (statusCode !== null) {
      const found = statuses.get(statusCode)
      if (!found) {
        problem('Sts', say('recon.row.unknownStatus', { value: statusCode }))
        continue
      }
      status = found as LineStatus
      if (status === 'pending') {
        notBooked[statusCode] = (notBooked[statusCode] ?? 0) + 1
        continue
      }
    }
    const domain = at(entry, 'BkTxCd', 'Domn')
    const codes = [[textOf(at(domain, 'Cd')), textOf(at(domain, 'Fmly', 'Cd')), textOf(at(domain, 'Fmly', 'SubFmlyCd'))].filter(Boolean).join('/'), textOf(at(entry, 'BkTxCd', 'Prtry', 'Cd'))]
    const original = reversal ? (direction === 'CRDT' ? 'DBIT' : 'CRDT') : direction
    const kind = [...codes, original].map((c) => (c ? kinds.get(c) : undefined)).find(Boolean) ?? profile.defaultKind
    if (!kind) {
      problem('BkTxCd', say('recon.row.noKindFor', { codes: codes.filter(Boolean).join(', ') || original }))
      continue
    }
    // A booked reversal took back what its original moved: it is no new payment of the kind.
    if (reversal && (status === null || status === 'succeeded')) status = 'reversed'

    const details = list(entry.NtryDtls)
    const transactions = details.flatMap((d) => list(d.TxDtls))
    const single = transactions.length === 1 ? transactions[0] : null
    const e2e = single ? textOf(at(single, 'Refs', 'EndToEndId')) : null
    const endToEndId = e2e && e2e !== 'NOTPROVIDED' ? e2e : null
    const batchNode = details.map((d) => d.Btch).find(Boolean)
    const items: BatchItem[] = transactions.map((t) => {
      const e = textOf(at(t, 'Refs', 'EndToEndId'))
      return {
        endToEndId: e && e !== 'NOTPROVIDED' ? e : null,
        reference: textOf(at(t, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref')) ?? textOf(at(t, 'Refs', 'AcctSvcrRef')),
        amount: textOf(at(t, 'AmtDtls', 'TxAmt', 'Amt')) ?? textOf(at(t, 'Amt')),
        counterparty: direction === 'CRDT' ? partyName(at(t, 'RltdPties', 'Dbtr')) : partyName(at(t, 'RltdPties', 'Cdtr'))
      }
    })
    const acctSvcrRef = textOf(entry.AcctSvcrRef)
    const ntryRef = textOf(entry.NtryRef)
    const remittance = single ? list(at(single, 'RmtInf', 'Ustrd')).map(textOf) : []
    const entryInfo = textOf(entry.AddtlNtryInf)
    const description = [...remittance, entryInfo].filter(Boolean).join(' ') || null
    // Our order number: the creditor's reference, the payer's EndToEndId or InstrId, or the one
    // order number the remittance text holds (a batch's transactions are its items').
    const orderNo = single
      ? orderNoOf(textOf(at(single, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref')), [endToEndId, textOf(at(single, 'Refs', 'InstrId'))], [...remittance, textOf(single.AddtlTxInf), entryInfo])
      : transactions.length === 0
        ? orderNoOf(null, [], [entryInfo])
        : null
    const keyParts = acctSvcrRef ? ['ref', acctSvcrRef] : endToEndId ? ['e2e', endToEndId] : ['stmt', statementId, ntryRef ?? `#${position}`]
    const line: StatementLine = {
      lineNo: piece.lineNo,
      rowKey: JSON.stringify(['camt', direction, reversal ? 'R' : '', ...keyParts]),
      kind: kind as LineKind,
      orderNo,
      merchantOrderNo: null,
      upstreamNo: acctSvcrRef ?? ntryRef,
      refundNo: null,
      currency,
      gross: signed,
      fee: null,
      net: signed,
      at: dateOf(entry.BookgDt),
      status,
      counterparty: items.length === 1 ? items[0].counterparty : null,
      description,
      valueAt: dateOf(entry.ValDt),
      endToEndId,
      reversal,
      batch:
        batchNode || transactions.length > 1
          ? { count: Number(textOf(at(batchNode, 'NbOfTxs')) ?? transactions.length) || null, reference: textOf(at(batchNode, 'PmtInfId')) ?? textOf(at(batchNode, 'MsgId')), items }
          : null,
      raw: [piece.xml]
    }
    await sink.line(line)
  }
  if (version === null) throw new StatementReadError('empty', say('recon.read.camtEmpty'))
  return { encoding: choice.encoding, encodingSource: choice.source, period, controls: sink.stopped ? [] : controls, statements, stoppedEarly: sink.stopped, notBooked }
}

/** One statement's controls: TxsSummry against the entries, and the booked balance movement. */
function statementControls(stmt: unknown, id: string, name: string, required: boolean, seen: { credits: ExactSum; debits: ExactSum; booked: ExactSum; count: number }): ControlResult[] {
  const results: ControlResult[] = []
  const compare = (label: string, stated: string | null, computed: string, numeric = true) => {
    if (stated === null) return
    results.push({ name: `${name}.${id}.${label}`, stated, computed, ok: numeric ? sameAmount(stated, computed) : stated === computed })
  }
  const summary = at(stmt, 'TxsSummry')
  const total = new ExactSum()
  total.add(seen.credits.toString())
  total.add(seen.debits.toString())
  compare('TtlNtries.NbOfNtries', textOf(at(summary, 'TtlNtries', 'NbOfNtries')), String(seen.count), false)
  compare('TtlNtries.Sum', textOf(at(summary, 'TtlNtries', 'Sum')), total.toString())
  compare('TtlCdtNtries.NbOfNtries', textOf(at(summary, 'TtlCdtNtries', 'NbOfNtries')), String(seen.credits.count), false)
  compare('TtlCdtNtries.Sum', textOf(at(summary, 'TtlCdtNtries', 'Sum')), seen.credits.toString())
  compare('TtlDbtNtries.NbOfNtries', textOf(at(summary, 'TtlDbtNtries', 'NbOfNtries')), String(seen.debits.count), false)
  compare('TtlDbtNtries.Sum', textOf(at(summary, 'TtlDbtNtries', 'Sum')), seen.debits.toString())
  const net = textOf(at(summary, 'TtlNtries', 'TtlNetNtryAmt'))
  if (net !== null) {
    const signedNet = textOf(at(summary, 'TtlNtries', 'CdtDbtInd')) === 'DBIT' ? negate(net) : net
    compare('TtlNtries.TtlNetNtryAmt', signedNet, seen.credits.plus(negate(seen.debits.toString())))
  }

  const balances = list(at(stmt, 'Bal'))
  const balance = (code: string) => {
    const bal = balances.find((b) => textOf(at(b, 'Tp', 'CdOrPrtry', 'Cd')) === code)
    const amount = bal ? textOf(bal.Amt) : null
    if (!bal || amount === null || !AMOUNT.test(amount)) return null
    return textOf(bal.CdtDbtInd) === 'DBIT' ? negate(amount) : amount
  }
  const opening = balance('OPBD') ?? balance('PRCD')
  const closing = balance('CLBD')
  if (opening === null || closing === null) {
    if (required) throw new StatementReadError('controls_missing', say('recon.read.camtNoBalance', { id }), { statement: id })
    return results
  }
  const movement = new ExactSum()
  movement.add(opening)
  movement.add(seen.booked.toString())
  compare('OPBD+entries=CLBD', closing, movement.toString())
  return results
}
