import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../core/errors'
import { putUpload, UPLOAD_MAX_BYTES, uploadOf } from './uploads'

const NOW = Date.UTC(2026, 11, 6)
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('putUpload', () => {
  let root: string
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'paydesk-uploads-'))))
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('keeps exactly the bytes sent, with their size and SHA-256, across many chunks', async () => {
    // Not a multiple of 3 bytes (the text ends in padding), several MiB of text.
    const bytes = randomBytes(5 * 1024 * 1024 + 1)
    const upload = await putUpload(root, 7, 'C:\\bills\\2026_业务明细.zip', bytes.toString('base64'), NOW)
    expect(upload).toMatchObject({ fileName: '2026_业务明细.zip', size: bytes.length, sha256: sha256(bytes), userId: 7 })
    const kept = uploadOf(root, upload.uploadId, 7)
    expect(readFileSync(kept.path).equals(bytes)).toBe(true)
    expect(kept.sha256).toBe(sha256(bytes))
  })

  it('reads base64 wrapped in lines as before (the same bytes as one decode)', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 2)
    const wrapped = bytes.toString('base64').replace(/.{76}/g, '$&\r\n')
    const upload = await putUpload(root, 7, 'wrapped.csv', wrapped, NOW)
    expect(upload.size).toBe(bytes.length)
    expect(upload.sha256).toBe(sha256(bytes))
    expect(readFileSync(uploadOf(root, upload.uploadId, 7).path).equals(bytes)).toBe(true)
  })

  it('gives the event loop turns while a large upload is decoded and hashed', async () => {
    const text = randomBytes(24 * 1024 * 1024).toString('base64')
    let turns = 0
    let longest = 0
    let last = performance.now()
    const tick = () => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
      turns++
    }
    const timer = setInterval(tick, 1)
    const started = performance.now()
    try {
      await putUpload(root, 7, 'big.zip', text, NOW)
    } finally {
      clearInterval(timer)
    }
    const total = performance.now() - started
    // 32 MiB of text is 32 chunks: the timer ran between them, never held up for the whole decode
    // (a share of the whole, so a busy machine, slower throughout, does not change the answer).
    expect(turns).toBeGreaterThan(10)
    expect(longest).toBeLessThan(total / 4)
  })

  it('refuses an empty or an oversize file by its field, and keeps nothing', async () => {
    const refusal = async (text: string) => putUpload(root, 7, 'x.csv', text, NOW).then(() => null, (e: unknown) => e)
    const empty = await refusal('====')
    expect(empty).toBeInstanceOf(AppError)
    expect(empty).toMatchObject({ field: 'contentBase64' })
    const oversize = await refusal(Buffer.alloc(UPLOAD_MAX_BYTES + 1).toString('base64'))
    expect(oversize).toMatchObject({ field: 'contentBase64' })
    expect(readdirSync(root)).toEqual([])
  })

  it('refuses base64 text holding a control character (the registry leaves it to the decoder) and keeps nothing', async () => {
    const text = Buffer.from('order_no,amount\n1,2.00\n').toString('base64')
    const error = await putUpload(root, 7, 'x.csv', `${text.slice(0, 8)}\u0007${text.slice(8)}`, NOW).then(() => null, (e: unknown) => e)
    expect(error).toMatchObject({ field: 'contentBase64', message: 'contentBase64: must not contain control characters' })
    expect(readdirSync(root)).toEqual([])
    // Line breaks in wrapped base64 are no fault: the same bytes.
    const wrapped = await putUpload(root, 7, 'x.csv', `${text.slice(0, 8)}\r\n${text.slice(8)}`, NOW)
    expect(wrapped.size).toBe(Buffer.from(text, 'base64').length)
  })
})
