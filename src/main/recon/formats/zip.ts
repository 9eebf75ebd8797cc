/**
 * A statement inside a zip (Alipay's download: `<账号>_<yyyyMMdd>.zip` holding `…_业务明细.csv` and
 * its summary, entry names in GBK without the UTF-8 flag). The chosen entry is extracted into a
 * fresh temporary folder under a fixed name, so nothing is ever written where an entry's name
 * points; a zip naming an entry outside its folder (`../`, an absolute path) is refused all the
 * same, since no honest export does that. Bombs are refused on the declared sizes and again while
 * inflating (declared sizes can lie).
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { say, type ServerText } from '../../../shared/server-text'
import { formatBytes } from './source'
import { StatementReadError } from './types'

export interface ZipLimits {
  maxUncompressedBytes: number
  maxCompressionRatio: number
}

export interface ExtractedEntry {
  path: string
  entryName: string
  size: number
  /** Removes the temporary folder. */
  remove: () => Promise<void>
}

const UTF8_FLAG = 0x800
const UNICODE_PATH_EXTRA = 0x7075

/** The entry's name: UTF-8 when flagged (or given in an Info-ZIP Unicode Path field), else GBK, as Chinese tools write. */
export function entryName(entry: Pick<Entry, 'generalPurposeBitFlag' | 'extraFields'> & { fileName: string | Buffer }): string {
  const raw = typeof entry.fileName === 'string' ? Buffer.from(entry.fileName, 'utf8') : entry.fileName
  if (entry.generalPurposeBitFlag & UTF8_FLAG) return raw.toString('utf8')
  const unicode = entry.extraFields.find((f) => f.id === UNICODE_PATH_EXTRA && f.data.length > 5 && f.data[0] === 1)
  if (unicode) return unicode.data.subarray(5).toString('utf8')
  return new TextDecoder('gb18030').decode(raw)
}

/** Why a name may not be extracted, or null. */
export function unsafeName(name: string): ServerText | null {
  const path = name.replace(/\\/g, '/')
  if (path.includes('\0')) return say('recon.read.zipName.nul')
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return say('recon.read.zipName.absolute')
  if (path.split('/').includes('..')) return say('recon.read.zipName.climbs')
  return null
}

/** `cutOff`: what to say when the zip's directory, at its end, is missing (a file cut short). */
export function openZip(path: string, cutOff?: ServerText): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (error, zip) => {
      if (error && cutOff && /end of central directory record signature not found/i.test(error.message)) reject(new StatementReadError('truncated', cutOff))
      else if (error) reject(new StatementReadError('malformed', say('recon.read.zipUnreadable', { reason: error.message })))
      else resolve(zip)
    })
  })
}

export function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    zip.on('entry', (entry: Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', (error: Error) => reject(new StatementReadError('malformed', say('recon.read.zipUnreadable', { reason: error.message }))))
    zip.readEntry()
  })
}

/**
 * Extracts the one entry whose name matches `pattern` (any entry when null and there is only one).
 * `readAs` names the format the file is read as: an Excel workbook (a zip too) is said to be one.
 */
export async function extractEntry(zipPath: string, pattern: string | null, limits: ZipLimits, tempRoot: string, readAs: string): Promise<ExtractedEntry> {
  const zip = await openZip(zipPath)
  try {
    const entries = await listEntries(zip)
    const named = entries.map((entry) => ({ entry, name: entryName(entry as Entry & { fileName: string | Buffer }) }))
    for (const { name } of named) {
      const why = unsafeName(name)
      if (why) throw new StatementReadError('zip_unsafe', say('recon.read.zipUnsafe', { entry: name, why }), { entry: name })
    }
    const files = named.filter(({ name }) => !name.endsWith('/') && !name.endsWith('\\'))
    // An XLSX workbook is a zip of XML parts: none of them is a statement, and listing them says nothing to a clerk.
    const has = (part: string) => files.some(({ name }) => name === part)
    if (has('[Content_Types].xml') && has('xl/workbook.xml')) throw new StatementReadError('malformed', say('recon.read.workbookNotFormat', { format: readAs }), { workbook: true })
    const re = pattern === null ? null : new RegExp(pattern, 'u')
    const candidates = re ? files.filter(({ name }) => re.test(name.normalize('NFKC'))) : files
    if (candidates.length !== 1) {
      const list = files.length > 0 ? files.map(({ name }) => `"${name}"`).join(', ') : say('recon.read.zipNothing')
      const matching = pattern ?? say('recon.read.zipAStatement')
      const what = candidates.length === 0 ? say('recon.read.zipNoMatch', { pattern: matching }) : say('recon.read.zipManyMatch', { count: candidates.length, pattern: matching })
      throw new StatementReadError('zip_entry', say('recon.read.zipEntries', { what, list }), { entries: files.map((f) => f.name) })
    }
    const { entry, name } = candidates[0]
    const dir = await mkdtemp(join(tempRoot, 'paydesk-statement-'))
    const remove = () => rm(dir, { recursive: true, force: true })
    const path = join(dir, 'entry')
    try {
      await pipeline(await openEntry(zip, entry, name, limits), createWriteStream(path, { flags: 'wx' }))
      return { path, entryName: name, size: (await stat(path)).size, remove }
    } catch (error) {
      await remove()
      if (error instanceof StatementReadError) throw error
      throw new StatementReadError('zip_unsafe', say('recon.read.zipExtract', { entry: name, reason: (error as Error).message }))
    }
  } finally {
    zip.close()
  }
}

/**
 * The inflated bytes of one entry, held to the limits: refused on its declared size before any
 * inflating, stopped once it expands past them (declared sizes can lie). Errors come out of the
 * stream as StatementReadErrors. `onBytes` hears the bytes inflated so far.
 */
export async function openEntry(zip: ZipFile, entry: Entry, name: string, limits: ZipLimits, onBytes?: (inflated: number) => void): Promise<Readable> {
  if (entry.isEncrypted()) throw new StatementReadError('zip_entry', say('recon.read.zipEncrypted', { entry: name }))
  const cap = Math.min(limits.maxUncompressedBytes, Math.max(entry.compressedSize, 1) * limits.maxCompressionRatio)
  if (entry.uncompressedSize > limits.maxUncompressedBytes) {
    throw new StatementReadError('too_large', say('recon.read.zipTooLarge', { entry: name, size: formatBytes(entry.uncompressedSize), limit: formatBytes(limits.maxUncompressedBytes) }))
  }
  if (entry.uncompressedSize > cap) throw bomb(name, entry.uncompressedSize, entry.compressedSize, false)
  const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))))
  let inflated = 0
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      inflated += chunk.length
      if (inflated > cap) return done(bomb(name, inflated, entry.compressedSize, true))
      onBytes?.(inflated)
      done(null, chunk)
    }
  })
  stream.on('error', (error: Error) => {
    // yauzl checks the inflated bytes against the declared size: more than declared is a bomb hiding its size.
    if (/too many bytes in the stream/.test(error.message)) guard.destroy(bomb(name, entry.uncompressedSize, entry.compressedSize, true))
    else guard.destroy(new StatementReadError('zip_unsafe', say('recon.read.zipExtract', { entry: name, reason: error.message })))
  })
  return stream.pipe(guard)
}

/** `stopped`: found while inflating (it would have gone on), rather than from the declared size. */
function bomb(name: string, expanded: number, compressed: number, stopped: boolean): StatementReadError {
  return new StatementReadError('zip_bomb', say(stopped ? 'recon.read.zipBombStopped' : 'recon.read.zipBomb', { entry: name, compressed: formatBytes(compressed), expanded: formatBytes(expanded) }), { entry: name })
}
