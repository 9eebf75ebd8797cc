/**
 * A camt.053 document cut, as it streams in, into its entries (`Ntry`) and each statement's
 * remainder (the statement with its entries cut out: balances, summary, period, account), so a
 * 100 000-entry file is parsed one entry at a time and never held whole. Comments and CDATA are
 * stepped over; a DOCTYPE is refused (bank statements have none, and entity expansion is how XML
 * bombs work).
 */
import { say } from '../../../shared/server-text'
import { StatementReadError } from './types'

/** `head`: a statement's text before its first entry (its Id comes first), so entries can be keyed by it as they stream. */
export type XmlPiece = { type: 'head' | 'entry' | 'statement'; xml: string; lineNo: number }

const TAG = /<!--|<!\[CDATA\[|<!DOCTYPE|<(\/?)(?:[A-Za-z_][\w.-]*:)?(Ntry|Stmt|Document)(?=[\s>/])/g
const MAX_ENTRY_CHARS = 64 * 1024 * 1024
const MAX_OUTSIDE_CHARS = 8 * 1024 * 1024

export async function* xmlPieces(texts: AsyncIterable<string>): AsyncGenerator<XmlPiece> {
  let buf = ''
  /** Where the collector in charge has not yet taken text from, and where lines are counted to. */
  let seg = 0
  let countedTo = 0
  let line = 1
  let inStmt = false
  let inEntry = false
  let entryLine = 0
  let stmtLine = 0
  let entryParts: string[] = []
  let stmtParts: string[] = []
  /** Characters held for the entry being read, and for the statement's remainder. */
  let entryHeld = 0
  let stmtHeld = 0
  let outside = 0
  let documentClosed = false
  let headSent = false

  const lineAt = (index: number) => {
    for (let at = buf.indexOf('\n', countedTo); at >= 0 && at < index; at = buf.indexOf('\n', at + 1)) line += 1
    countedTo = Math.max(countedTo, index)
    return line
  }
  const collect = (until: number) => {
    if (until <= seg) return
    const text = buf.slice(seg, until)
    seg = until
    if (!inEntry && !inStmt) {
      outside += text.length
      if (outside > MAX_OUTSIDE_CHARS) throw new StatementReadError('malformed', say('recon.read.xmlOutside'))
      return
    }
    if (inEntry) {
      entryParts.push(text)
      entryHeld += text.length
    } else {
      stmtParts.push(text)
      stmtHeld += text.length
    }
    if (inEntry ? entryHeld > MAX_ENTRY_CHARS : stmtHeld > MAX_OUTSIDE_CHARS) {
      throw new StatementReadError('malformed', inEntry ? say('recon.read.xmlEntryTooLarge', { lineNo: entryLine }) : say('recon.read.xmlStatementTooLarge', { lineNo: stmtLine }))
    }
  }
  const misplaced = (what: 'entryOutOfPlace' | 'entryNotOpen' | 'statementInStatement' | 'statementClosedOutOfPlace', at: number) =>
    new StatementReadError('malformed', say('recon.read.xmlMisplaced', { what: say(`recon.read.xml.${what}`), lineNo: lineAt(at) }))

  for await (const text of texts) {
    buf += text
    const pieces: XmlPiece[] = []
    let waitFrom = -1
    let scanned = 0
    TAG.lastIndex = 0
    for (let m = TAG.exec(buf); m; m = TAG.exec(buf)) {
      const at = m.index
      if (m[0] === '<!DOCTYPE') throw new StatementReadError('malformed', say('recon.read.xmlDoctype'))
      const end = m[0] === '<!--' ? buf.indexOf('-->', at) + 3 : m[0] === '<![CDATA[' ? buf.indexOf(']]>', at) + 3 : buf.indexOf('>', at) + 1
      if (end <= 2) {
        waitFrom = at
        break
      }
      TAG.lastIndex = scanned = end
      if (m[0].startsWith('<!')) continue
      const closing = m[1] === '/'
      const name = m[2]
      if (name === 'Document') {
        if (closing) documentClosed = true
      } else if (name === 'Ntry' && !closing) {
        if (!inStmt || inEntry) throw misplaced('entryOutOfPlace', at)
        collect(at)
        if (!headSent) pieces.push({ type: 'head', xml: stmtParts.join(''), lineNo: stmtLine })
        headSent = true
        inEntry = true
        entryHeld = 0
        entryLine = lineAt(at)
      } else if (name === 'Ntry') {
        if (!inEntry) throw misplaced('entryNotOpen', at)
        collect(end)
        inEntry = false
        pieces.push({ type: 'entry', xml: entryParts.join(''), lineNo: entryLine })
        entryParts = []
      } else if (!closing) {
        if (inStmt) throw misplaced('statementInStatement', at)
        collect(at)
        inStmt = true
        headSent = false
        stmtHeld = 0
        stmtLine = lineAt(at)
      } else {
        if (!inStmt || inEntry) throw misplaced('statementClosedOutOfPlace', at)
        collect(end)
        inStmt = false
        pieces.push({ type: 'statement', xml: stmtParts.join(''), lineNo: stmtLine })
        stmtParts = []
      }
    }
    // Keep only what is not understood yet: an unfinished tag, comment or CDATA, or a `<` cut off at the end.
    let keep = buf.length
    if (waitFrom >= 0) keep = waitFrom
    else {
      const lastOpen = buf.lastIndexOf('<')
      if (lastOpen >= scanned && buf.indexOf('>', lastOpen) < 0) keep = lastOpen
    }
    collect(keep)
    lineAt(keep)
    buf = buf.slice(keep)
    seg = 0
    countedTo = 0
    for (const piece of pieces) yield piece
  }
  if (inEntry || inStmt || !documentClosed) {
    const where = inEntry ? say('recon.read.xmlInEntry', { lineNo: entryLine }) : inStmt ? say('recon.read.xmlInStatement', { lineNo: stmtLine }) : say('recon.read.xmlBeforeClose')
    throw new StatementReadError('truncated', say('recon.read.xmlTruncated', { where }))
  }
}
