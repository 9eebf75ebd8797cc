/**
 * Dispute evidence files, kept in the data folder's `evidence/` directory under names PayDesk
 * chooses (never the uploader's). A file is at most 5 MB and must be a PDF, PNG or JPEG by its
 * first bytes: the name and the declared type are not trusted.
 */
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EVIDENCE_MAX_BYTES } from '../../shared/contract/aftersales'
import { say } from '../../shared/server-text'
import { validationError } from '../core/errors'
import { PRIVATE_FILE_MODE, privateFolder } from '../paths'

const SIGNATURES: { mimeType: string; ext: string; magic: number[] }[] = [
  { mimeType: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mimeType: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mimeType: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] }
]

export function sniffType(bytes: Uint8Array): { mimeType: string; ext: string } | null {
  const found = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))
  return found ? { mimeType: found.mimeType, ext: found.ext } : null
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export interface DecodedEvidence {
  bytes: Buffer
  mimeType: string
  ext: string
  sha256: string
}

/** The contract has already refused base64 text longer than a 5 MB file needs; this checks the rest. */
export function decodeEvidence(contentBase64: string): DecodedEvidence {
  const text = contentBase64.replace(/\s+/g, '')
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw validationError('contentBase64', say('rule.notBase64'))
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length === 0) throw validationError('contentBase64', say('rule.emptyFile'))
  if (bytes.length > EVIDENCE_MAX_BYTES) throw validationError('contentBase64', say('rule.maxMegabytes', { n: EVIDENCE_MAX_BYTES / 1024 / 1024 }))
  const type = sniffType(bytes)
  if (!type) throw validationError('contentBase64', say('rule.evidenceType'), 'aftersales.evidence_type')
  return { bytes, ...type, sha256: createHash('sha256').update(bytes).digest('hex') }
}

export interface EvidenceStore {
  /** Writes the file; returns its stored name and a function that removes it again (when the database write fails). */
  put(disputeId: number, file: DecodedEvidence): { storedName: string; discard(): void }
  read(storedName: string): Buffer
}

export function evidenceStore(dir: string): EvidenceStore {
  return {
    put(disputeId, file) {
      // Owner-only: the folder (tightened if an older version made it open) and each file.
      privateFolder(dir)
      const storedName = `${disputeId}-${randomUUID()}.${file.ext}`
      const path = join(dir, storedName)
      writeFileSync(path, file.bytes, { mode: PRIVATE_FILE_MODE, flag: 'wx' })
      return { storedName, discard: () => unlinkSync(path) }
    },
    read(storedName) {
      return readFileSync(join(dir, storedName))
    }
  }
}
