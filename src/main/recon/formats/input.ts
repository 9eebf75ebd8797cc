/**
 * Opening what the user gave: a path or a stream, checked for size before any reading, a zip
 * (told by its first bytes, not its name) unpacked into a temporary folder that is removed
 * afterwards. An XLSX workbook is a zip too and is read as it is. A stream is first written to a
 * temporary file: a zip needs random access, and the size is then known for progress.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, open, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { StatementFormat } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { ByteSource, formatBytes } from './source'
import { StatementReadError, type ReadHooks, type ReadOptions, type StatementInput } from './types'
import { extractEntry, type ZipLimits } from './zip'

export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3
const DEFAULT_RATIO = 200
const READ_CHUNK = 256 * 1024

export interface OpenedInput {
  source: ByteSource
  /** The file the source reads (an XLSX workbook is read from it through its zip's directory). */
  path: string
  /** What a zip's parts may expand to. */
  limits: ZipLimits
  zipEntry: string | null
  cleanup: () => Promise<void>
}

/** The formats as people call them, for the texts. */
const FORMAT_NAMES: Record<StatementFormat, string> = { csv: 'CSV', xlsx: 'XLSX', camt053: 'camt.053', mt940: 'MT940' }

const isZip = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)
const isOleXls = (head: Uint8Array) => head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0

async function headOf(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(4)
    await handle.read(buffer, 0, 4, 0)
    return buffer
  } finally {
    await handle.close()
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new StatementReadError('unreadable', say('recon.read.notAFile', { path }))
    return info.size
  } catch (error) {
    if (error instanceof StatementReadError) throw error
    throw new StatementReadError('unreadable', say('recon.read.cannotOpen', { reason: (error as Error).message }))
  }
}

/** A stream's bytes into a private temporary file (a zip needs random access; a preview reads twice). */
export async function spool(stream: Readable, maxBytes: number, tempRoot: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tempRoot, 'paydesk-upload-'))
  const remove = () => rm(dir, { recursive: true, force: true })
  const path = join(dir, 'upload')
  let written = 0
  try {
    await pipeline(
      stream,
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          written += chunk.length
          if (written > maxBytes) throw new StatementReadError('too_large', say('recon.read.overLimit', { limit: formatBytes(maxBytes) }), { maxBytes })
          yield chunk
        }
      },
      createWriteStream(path, { flags: 'wx' })
    )
    return { path, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

export async function openInput(input: StatementInput, format: StatementFormat, zipEntry: string | null, hooks: ReadHooks, options: ReadOptions): Promise<OpenedInput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const tempRoot = options.tempDir ?? tmpdir()
  const cleanups: (() => Promise<void>)[] = []
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step()
  }
  try {
    let path: string
    if (typeof input === 'string') path = input
    else {
      const spooled = await spool(input, maxBytes, tempRoot)
      cleanups.push(spooled.remove)
      path = spooled.path
    }
    const size = await sizeOf(path)
    if (size === 0) throw new StatementReadError('empty', say('recon.read.empty'))
    if (size > maxBytes) throw new StatementReadError('too_large', say('recon.read.tooLarge', { size: formatBytes(size), limit: formatBytes(maxBytes) }), { size, maxBytes })
    const head = await headOf(path)
    let entryName: string | null = null
    let readPath = path
    let readSize = size
    let limit = maxBytes
    const limits: ZipLimits = { maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_MAX_BYTES, maxCompressionRatio: options.maxCompressionRatio ?? DEFAULT_RATIO }
    if (format === 'xlsx') {
      if (isOleXls(head)) throw new StatementReadError('malformed', say('recon.read.legacyXls'))
      if (!isZip(head)) throw new StatementReadError('malformed', say('recon.read.notXlsx'))
    } else if (isOleXls(head)) {
      throw new StatementReadError('malformed', say('recon.read.legacyXls'))
    } else if (isZip(head)) {
      const extracted = await extractEntry(
        path,
        zipEntry,
        limits,
        tempRoot,
        FORMAT_NAMES[format]
      )
      cleanups.push(extracted.remove)
      if (extracted.size === 0) throw new StatementReadError('empty', say('recon.read.zipEntryEmpty', { entry: extracted.entryName }))
      entryName = extracted.entryName
      readPath = extracted.path
      readSize = extracted.size
      limit = options.maxUncompressedBytes ?? DEFAULT_MAX_BYTES
    }
    const stream = createReadStream(readPath, { highWaterMark: READ_CHUNK })
    return { source: new ByteSource(stream, readSize, hooks, limit), path: readPath, limits, zipEntry: entryName, cleanup }
  } catch (error) {
    await cleanup()
    throw error
  }
}

