/**
 * Bytes → text → lines, streamed. The encoding is chosen on the first 64 KiB (enough for any
 * header), then every chunk is decoded strictly as it arrives; lines come in batches per chunk
 * so a million-line file costs a few thousand async steps, not a million.
 */
import type { StatementFormat } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { chooseEncoding, createDecoder, type EncodingChoice } from './encoding'
import type { ByteSource } from './source'
import { StatementReadError, type UsedEncoding } from './types'

const SAMPLE_BYTES = 64 * 1024
/** No statement line is this long; a file without line breaks is refused before it fills memory. */
const MAX_LINE_CHARS = 4 * 1024 * 1024

export interface DecodedText {
  choice: EncodingChoice
  texts: AsyncGenerator<string>
}

export async function decodeSource(source: ByteSource, requested: 'auto' | UsedEncoding, format: StatementFormat): Promise<DecodedText> {
  const chunks = source.chunks()
  const sample: Uint8Array[] = []
  let sampled = 0
  let done = false
  while (sampled < SAMPLE_BYTES) {
    const next = await chunks.next()
    if (next.done) {
      done = true
      break
    }
    sample.push(next.value)
    sampled += next.value.length
  }
  const head = Buffer.concat(sample)
  const choice = chooseEncoding(head, requested, format)
  if (head.length - choice.skip === 0) throw new StatementReadError('empty', say('recon.read.empty'))
  const decoder = createDecoder(choice.encoding)
  async function* texts(): AsyncGenerator<string> {
    try {
      yield decoder.decode(head.subarray(choice.skip))
      if (!done) for await (const bytes of chunks) yield decoder.decode(bytes)
      const rest = decoder.end()
      if (rest) yield rest
    } finally {
      await chunks.return(undefined)
    }
  }
  return { choice, texts: texts() }
}

export interface LineBatch {
  /** The 1-based number of `lines[0]` in the file. */
  firstLineNo: number
  lines: string[]
}

/** Physical lines (`\n` or `\r\n`), in batches. */
export async function* lineBatches(texts: AsyncIterable<string>): AsyncGenerator<LineBatch> {
  let carry = ''
  let lineNo = 1
  for await (const text of texts) {
    if (text === '') continue
    const parts = (carry + text).split('\n')
    carry = parts.pop()!
    if (carry.length > MAX_LINE_CHARS) throw new StatementReadError('malformed', say('recon.read.lineTooLong', { lineNo: lineNo + parts.length, max: MAX_LINE_CHARS }))
    if (parts.length === 0) continue
    for (let i = 0; i < parts.length; i++) if (parts[i].endsWith('\r')) parts[i] = parts[i].slice(0, -1)
    yield { firstLineNo: lineNo, lines: parts }
    lineNo += parts.length
  }
  if (carry !== '') yield { firstLineNo: lineNo, lines: [carry.endsWith('\r') ? carry.slice(0, -1) : carry] }
}
