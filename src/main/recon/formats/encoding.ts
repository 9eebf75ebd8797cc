/**
 * Which encoding a statement is in. A wrong decode does not fail (GBK read as anything turns into
 * U+FFFD soup; Latin-1 accepts every byte), so detection is only a first guess: byte-order mark →
 * strict UTF-8 on a sample → the format's legacy encoding, and the caller then asserts a header
 * anchor before accepting the text (RECONCILIATION.md §3). Decoding is strict (`fatal`): a byte
 * that does not belong to the chosen encoding stops the read instead of becoming U+FFFD.
 *
 * Node 20's TextDecoder decodes GB18030 about 3× faster than iconv-lite; iconv-lite is kept for
 * a runtime built without full ICU.
 */
import iconv from 'iconv-lite'
import type { StatementFormat } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { StatementReadError, type UsedEncoding } from './types'

export interface EncodingChoice {
  encoding: UsedEncoding
  source: 'bom' | 'detected' | 'declared' | 'profile'
  /** Bytes of byte-order mark to skip. */
  skip: number
}

const UTF8_BOM = [0xef, 0xbb, 0xbf]

/** What a `latin1` file is decoded as: the WHATWG decoder for ISO-8859-1 is Windows-1252, which only adds printable characters. */
const DECODER_LABEL: Record<UsedEncoding, string> = { 'utf-8': 'utf-8', gb18030: 'gb18030', 'iso-8859-1': 'windows-1252' }

export function chooseEncoding(sample: Uint8Array, requested: 'auto' | UsedEncoding, format: StatementFormat): EncodingChoice {
  if (sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))) {
    throw new StatementReadError('encoding', say('recon.read.utf16'))
  }
  const hasBom = UTF8_BOM.every((b, i) => sample[i] === b)
  if (requested !== 'auto') return { encoding: requested, source: 'profile', skip: hasBom && requested === 'utf-8' ? 3 : 0 }
  if (hasBom) return { encoding: 'utf-8', source: 'bom', skip: 3 }
  if (format === 'camt053') {
    const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(Buffer.from(sample.subarray(0, 200)).toString('latin1'))
    if (declared) return { encoding: declaredEncoding(declared[1]), source: 'declared', skip: 0 }
  }
  if (isUtf8Prefix(sample)) return { encoding: 'utf-8', source: 'detected', skip: 0 }
  return { encoding: format === 'csv' ? 'gb18030' : 'iso-8859-1', source: 'detected', skip: 0 }
}

function declaredEncoding(label: string): UsedEncoding {
  const name = label.toLowerCase()
  if (name === 'utf-8' || name === 'utf8') return 'utf-8'
  if (['gbk', 'gb2312', 'gb18030', 'cp936'].includes(name)) return 'gb18030'
  if (['iso-8859-1', 'latin1', 'iso8859-1', 'windows-1252', 'cp1252'].includes(name)) return 'iso-8859-1'
  throw new StatementReadError('encoding', say('recon.read.xmlEncoding', { label }))
}

/** Strict UTF-8 over a sample; a multi-byte character cut at the sample's end is not an error. */
function isUtf8Prefix(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true })
    return true
  } catch {
    return false
  }
}

/** A chunked strict decoder: `decode(bytes)` per chunk, `end()` once; throws a StatementReadError naming the byte. */
export interface ChunkDecoder {
  decode(bytes: Uint8Array): string
  end(): string
}

export function createDecoder(encoding: UsedEncoding): ChunkDecoder {
  let offset = 0
  let decoder: InstanceType<typeof TextDecoder> | null
  try {
    decoder = new TextDecoder(DECODER_LABEL[encoding], { fatal: true })
  } catch {
    decoder = null
  }
  const fail = (): never => {
    const params = { encoding: encoding.toUpperCase(), byte: offset }
    throw new StatementReadError('encoding', encoding === 'utf-8' ? say('recon.read.invalidUtf8', params) : say('recon.read.invalidBytes', params), { encoding, byte: offset })
  }
  if (decoder) {
    const strict = decoder
    return {
      decode(bytes) {
        try {
          const text = strict.decode(bytes, { stream: true })
          offset += bytes.length
          return text
        } catch {
          return fail()
        }
      },
      end() {
        try {
          return strict.decode()
        } catch {
          return fail()
        }
      }
    }
  }
  // No ICU decoder: iconv-lite replaces bad bytes instead of failing; the header anchors still guard the choice.
  const loose = iconv.getDecoder(encoding)
  return { decode: (bytes) => loose.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), end: () => loose.end() ?? '' }
}

/** Decoding for display (previews): bad bytes become U+FFFD, and whether any did is said. */
export function decodeLoosely(bytes: Uint8Array, encoding: UsedEncoding): { text: string; replaced: boolean } {
  try {
    return { text: new TextDecoder(DECODER_LABEL[encoding], { fatal: true }).decode(bytes, { stream: true }), replaced: false }
  } catch {
    return { text: new TextDecoder(DECODER_LABEL[encoding]).decode(bytes, { stream: true }), replaced: true }
  }
}
