/**
 * Statement files uploaded for a preview, a dry run and an import: kept in the reconciliation
 * folder's `uploads/` (owner-only), each beside a small description of who uploaded it, and
 * removed after a day. The upload's id is a random UUID; a user sees only their own uploads.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { say } from '../../shared/server-text'
import { AppError, validationError } from '../core/errors'
import { PRIVATE_FILE_MODE, privateFolder } from '../paths'

export const UPLOAD_MAX_BYTES = 64 * 1024 * 1024
const KEEP_MS = 24 * 60 * 60 * 1000

export interface Upload {
  uploadId: string
  fileName: string
  size: number
  sha256: string
  userId: number
  createdAt: number
}

const folderOf = (root: string) => join(root, 'uploads')

/** Keeps a file's bytes; removes the uploads of more than a day ago on the way. */
export function putUpload(root: string, userId: number, fileName: string, contentBase64: string, now: number): Upload {
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.length === 0) throw validationError('contentBase64', say('rule.required'))
  if (bytes.length > UPLOAD_MAX_BYTES) throw validationError('contentBase64', say('rule.fileTooLarge', { mb: UPLOAD_MAX_BYTES / 1024 / 1024 }))
  const dir = folderOf(root)
  privateFolder(dir)
  removeExpiredFiles(root, now)
  const upload: Upload = { uploadId: randomUUID(), fileName: baseName(fileName), size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), userId, createdAt: now }
  writeFileSync(join(dir, upload.uploadId), bytes, { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  writeFileSync(join(dir, `${upload.uploadId}.json`), JSON.stringify(upload), { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  return upload
}

/** The upload and the path of its bytes, if the caller uploaded it and it is still kept. */
export function uploadOf(root: string, uploadId: string, userId: number): Upload & { path: string } {
  const dir = folderOf(root)
  // The id is checked by the contract (a UUID): it never names a path outside the folder.
  const described = join(dir, `${uploadId}.json`)
  const path = join(dir, uploadId)
  const gone = () => new AppError('not_found', say('error.recon.uploadGone', { id: uploadId }), { code: 'recon.upload_gone', field: 'uploadId' })
  if (!/^[0-9a-f-]{36}$/.test(uploadId) || !existsSync(described) || !existsSync(path)) throw gone()
  const upload = JSON.parse(readFileSync(described, 'utf8')) as Upload
  if (upload.userId !== userId) throw gone()
  return { ...upload, path }
}

/** Deletes the uploads and the exported lists kept over a day. */
export function removeExpiredFiles(root: string, now: number): number {
  return removeExpiredIn(folderOf(root), now) + removeExpiredIn(exportsFolder(root), now)
}

/** Where exported break and match lists are written (owner-only), by a job's worker thread. */
export function exportsFolder(root: string): string {
  return join(root, 'exports')
}

function removeExpiredIn(dir: string, now: number): number {
  if (!existsSync(dir)) return 0
  let removed = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    try {
      if (now - statSync(path).mtimeMs > KEEP_MS) {
        unlinkSync(path)
        removed++
      }
    } catch {
      // Removed meanwhile: nothing to do.
    }
  }
  return removed
}

/** The name as the user's system gave it, without any folder part. */
function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? ''
  return name.trim() === '' ? 'statement' : name.slice(0, 200)
}
