/**
 * Statement files uploaded for a preview, a dry run and an import: kept in the reconciliation
 * folder's `uploads/` (owner-only), each beside a small description of who uploaded it, and
 * removed after a day. The upload's id is a random UUID; a user sees only their own uploads.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { say } from '../../shared/server-text'
import { hasControlCharacter } from '../core/control-characters'
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

/**
 * Base64 text decoded and hashed per turn of the event loop: a multiple of 4 characters (whole
 * groups of 3 bytes), 1 MiB of text, about a millisecond each.
 */
const CHUNK_CHARS = 1 << 20
const PLAIN_BASE64 = /^[A-Za-z0-9+/]*$/

/**
 * Keeps a file's bytes; removes the uploads of more than a day ago on the way. It runs on the main
 * thread (a 27 MiB upload is 36 MiB of text, copied to a worker for longer than it takes to
 * decode): the text is decoded and hashed a chunk per turn of the event loop and written by
 * libuv's threads, so no turn takes more than a few milliseconds.
 */
export async function putUpload(root: string, userId: number, fileName: string, contentBase64: string, now: number): Promise<Upload> {
  const chunks: Buffer[] = []
  const hash = createHash('sha256')
  let size = 0
  for (let at = 0; at < contentBase64.length; at += CHUNK_CHARS) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve))
    let text = contentBase64.slice(at, at + CHUNK_CHARS)
    // Padding, line breaks or other characters Node's decoder skips: the rest is decoded in one
    // call, as the whole text was before (the chunks before it hold whole groups, so the bytes are
    // the same). The renderer's text only has its padding in its last chunk.
    const plain = PLAIN_BASE64.test(text)
    if (!plain) text = contentBase64.slice(at)
    // The registry leaves base64 to its decoder (control-characters.ts, BYTES_FIELDS): checked here, a chunk per turn.
    if (!plain && hasControlCharacter(text, true)) throw validationError('contentBase64', say('rule.controlCharacters'))
    const bytes = Buffer.from(text, 'base64')
    size += bytes.length
    if (size > UPLOAD_MAX_BYTES) throw validationError('contentBase64', say('rule.fileTooLarge', { mb: UPLOAD_MAX_BYTES / 1024 / 1024 }))
    hash.update(bytes)
    chunks.push(bytes)
    if (!plain) break
  }
  if (size === 0) throw validationError('contentBase64', say('rule.required'))
  const dir = folderOf(root)
  privateFolder(dir)
  removeExpiredFiles(root, now)
  const upload: Upload = { uploadId: randomUUID(), fileName: baseName(fileName), size, sha256: hash.digest('hex'), userId, createdAt: now }
  const path = join(dir, upload.uploadId)
  // 'wx': the file is new (an id already taken fails here, before there is anything of ours to remove).
  await writeFile(path, chunks, { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  try {
    await writeFile(join(dir, `${upload.uploadId}.json`), JSON.stringify(upload), { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  } catch (error) {
    // Bytes without their description are no upload (uploadOf needs both): not kept.
    await rm(path, { force: true })
    throw error
  }
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
