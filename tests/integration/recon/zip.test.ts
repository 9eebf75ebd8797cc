/**
 * Zips as users receive them and as an attacker would make them: an entry climbing out of its
 * folder, an absolute path, a bomb by its declared sizes, a bomb that lies about its size, an
 * entry over the size limit. Each is refused with a clear error and nothing left on disk.
 */
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readStatement, type StatementReadError } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'
import { alipayText, collect, gbk, tempFile, zipArchive, type ZipEntrySpec } from './fixtures'

const profile = BUILT_IN_PROFILES.alipay_trade
const detail = gbk(alipayText())

async function refusal(entries: ZipEntrySpec[], options: { maxUncompressedBytes?: number; zipEntry?: string | null } = {}) {
  const tempDir = mkdtempSync(join(tmpdir(), 'recon-zip-'))
  const { lines, hooks } = collect()
  const error = (await readStatement(tempFile('bill.zip', zipArchive(entries)), { ...profile, zipEntry: options.zipEntry === undefined ? profile.zipEntry : options.zipEntry }, hooks, { tempDir, maxUncompressedBytes: options.maxUncompressedBytes }).catch((e: unknown) => e)) as StatementReadError
  return { code: error.code, message: error.message, lines: lines.length, leftOnDisk: readdirSync(tempDir) }
}

describe('statements in a zip', () => {
  it('refuses an entry that climbs out of its folder, even one it would not read', async () => {
    expect(await refusal([{ name: 'x_业务明细.csv', data: detail }, { name: '../../evil.sh', data: Buffer.from('#!/bin/sh\n') }])).toEqual({
      code: 'zip_unsafe',
      message: 'The zip holds an entry "../../evil.sh" that climbs out of its folder (../): refused, nothing was extracted',
      lines: 0,
      leftOnDisk: []
    })
    expect((await refusal([{ name: 'a\\..\\..\\evil_业务明细.csv', data: detail }])).code).toBe('zip_unsafe')
  })

  it('refuses absolute paths', async () => {
    expect((await refusal([{ name: '/etc/cron.d/x_业务明细.csv', data: detail, utf8: true }])).message).toMatch(/is an absolute path/)
    expect((await refusal([{ name: 'C:/Windows/x_业务明细.csv', data: detail }])).message).toMatch(/is an absolute path/)
  })

  it('refuses a bomb by its declared sizes before inflating anything', async () => {
    const zeros = Buffer.alloc(40 * 1024 * 1024)
    const result = await refusal([{ name: 'bomb_业务明细.csv', data: zeros }])
    expect(result.code).toBe('zip_bomb')
    expect(result.message).toMatch(/^The zip entry "bomb_业务明细\.csv" expands from [\d.]+ KiB to 40\.0 MiB: refused as a zip bomb$/)
    expect(result.leftOnDisk).toEqual([])
  })

  it('refuses a bomb that states a small size, while inflating it, and removes the part written', async () => {
    const zeros = Buffer.alloc(40 * 1024 * 1024)
    const result = await refusal([{ name: 'liar_业务明细.csv', data: zeros, declaredSize: 1000 }])
    expect(result.code).toBe('zip_bomb')
    expect(result.message).toMatch(/expands from [\d.]+ KiB to more than /)
    expect(result.leftOnDisk).toEqual([])
  })

  it('refuses an entry larger than the limit', async () => {
    const result = await refusal([{ name: 'big_业务明细.csv', data: detail }], { maxUncompressedBytes: 100 })
    expect(result.code).toBe('too_large')
    expect(result.message).toMatch(/expands to [\d.]+ KiB, over the limit of 100 bytes/)
  })

  it('reads UTF-8 flagged names too, and asks which entry when several could be the statement', async () => {
    const { lines, hooks } = collect()
    const result = await readStatement(tempFile('u.zip', zipArchive([{ name: '账单_业务明细.csv', data: detail, utf8: true }])), profile, hooks)
    expect(result.zipEntry).toBe('账单_业务明细.csv')
    expect(lines).toHaveLength(5)
    const several = await refusal([{ name: 'a.csv', data: detail }, { name: 'b.csv', data: detail }], { zipEntry: null })
    expect(several.code).toBe('zip_entry')
    expect(several.message).toBe('The zip has 2 entries matching a statement; it holds "a.csv", "b.csv"')
  })
})
