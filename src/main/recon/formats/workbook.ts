/**
 * An XLSX workbook's sheets, read through the zip's central directory (yauzl) with exceljs's own
 * parsers for each part, not through exceljs's streaming WorkbookReader as a whole. That reader
 * takes the parts in the order they are stored, in one pass, and two things went wrong with it:
 * - many writers (exceljs among them) store `xl/workbook.xml` last, and the one-pass stream at
 *   times lost it before the sheets were read (exceljs issues #3064, #2663): sheet names fell back
 *   to "Sheet1"…, a sheet chosen by name was "not found", or the read failed outright. It passed
 *   here and failed on a CI machine on the same bytes.
 * - it decoded each inflated chunk of XML on its own, so a character split between two chunks
 *   became U+FFFD: 22 of 20,000 Chinese counterparty names in a test workbook.
 * Here the parts are read in the order they are needed (relationships, workbook, shared strings,
 * styles, then the one sheet asked for), each decoded as text across chunk boundaries, and every
 * part is held to the zip limits (size and compression ratio) as a zipped CSV is.
 */
import type { Readable } from 'node:stream'
import type { Entry, ZipFile } from 'yauzl'
import { say } from '../../../shared/server-text'
import { StatementReadError } from './types'
import { entryName, listEntries, openEntry, openZip, type ZipLimits } from './zip'

/** A row as exceljs's sheet parser gives it: `values[c]` for the 1-based column c. */
export interface WorkbookRow {
  number: number
  values: unknown[]
}

/** The parts of exceljs's WorkbookReader used here (its parse() is what is avoided). */
interface PartParsers {
  workbookRels?: { Id: string; Target: string }[]
  model?: { sheets?: { name: string; rId: string }[] }
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>
  _parseStyles(entry: Readable): Promise<void>
  _parseWorksheet(chunks: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<WorkbookRow> }>
}

export interface Workbook {
  /** The tabs in the order the workbook shows them. */
  sheets: string[]
  /** The rows of the sheet at the 1-based `position`; `onBytes` hears how many bytes of its XML were read. */
  rows(position: number, onBytes: (read: number, total: number) => void): AsyncGenerator<WorkbookRow>
  close(): void
}

const unreadable = (reason: string) => new StatementReadError('malformed', say('recon.read.xlsxUnreadable', { reason }))

/** A part's path inside the zip from a relationship target of the workbook (relative to `xl/`, or absolute). */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts: string[] = ['xl']
  for (const step of target.split('/')) {
    if (step === '..') parts.pop()
    else if (step !== '.' && step !== '') parts.push(step)
  }
  return parts.join('/')
}

export async function openWorkbook(path: string, limits: ZipLimits): Promise<Workbook> {
  const zip: ZipFile = await openZip(path, say('recon.read.xlsxCutOff'))
  try {
    const entries = new Map<string, Entry>()
    for (const entry of await listEntries(zip)) entries.set(entryName(entry as Entry & { fileName: string | Buffer }), entry)
    const text = async (name: string): Promise<Readable> => {
      const stream = await openEntry(zip, entries.get(name)!, name, limits)
      // UTF-8 decoded across chunks (a StringDecoder): exceljs's parsers take text as it is.
      return stream.setEncoding('utf8')
    }
    const { default: ExcelJS } = await import('exceljs')
    const parts = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' }) as unknown as PartParsers
    if (!entries.has('xl/workbook.xml') || !entries.has('xl/_rels/workbook.xml.rels')) throw unreadable('xl/workbook.xml or its relationships are missing')
    await parts._parseRels(await text('xl/_rels/workbook.xml.rels'))
    await parts._parseWorkbook(await text('xl/workbook.xml'))
    if (entries.has('xl/sharedStrings.xml')) for await (const _ of parts._parseSharedStrings(await text('xl/sharedStrings.xml'))) void _
    if (entries.has('xl/styles.xml')) await parts._parseStyles(await text('xl/styles.xml'))
    const tabs = (parts.model?.sheets ?? []).map((sheet) => {
      const rel = (parts.workbookRels ?? []).find((r) => r.Id === sheet.rId)
      return { name: sheet.name, part: rel ? partPath(rel.Target) : null }
    })
    return {
      sheets: tabs.map((t) => t.name),
      async *rows(position, onBytes) {
        const tab = tabs[position - 1]
        const entry = tab?.part ? entries.get(tab.part) : undefined
        if (!tab?.part || !entry) throw unreadable(`the part of sheet "${tab?.name ?? position}" is missing`)
        const stream = (await openEntry(zip, entry, tab.part, limits, (read) => onBytes(read, entry.uncompressedSize))).setEncoding('utf8')
        // exceljs's sheet parser finds the sheet's relationships by its number; the name is ours.
        const sheetNo = /(\d+)\.xml$/.exec(tab.part)?.[1] ?? String(position)
        for (const { eventType, value } of parts._parseWorksheet(stream, sheetNo)) {
          if (eventType === 'worksheet') yield* value
        }
      },
      close: () => zip.close()
    }
  } catch (error) {
    zip.close()
    if (error instanceof StatementReadError) throw error
    throw unreadable((error as Error).message)
  }
}
