/**
 * Files that cannot be read, each refused with an error a user can act on: empty, oversize (by
 * its size, or while streaming one of unknown length), UTF-16, a profile that is not valid, a row
 * with the wrong number of fields, a file cut mid-row, too many bad rows, a cancel.
 */
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src/main/core/text'
import { readStatement, type StatementReadError } from '../../../src/main/recon/formats'
import { withMappedHeader } from '../../../src/renderer/src/pages/reconciliation/profile/draft'
import { BUILT_IN_PROFILES, reconProfile, type ReconProfile } from '../../../src/shared/contract/recon-profile'
import { collect, tempFile } from './fixtures'

const generic = BUILT_IN_PROFILES.generic_csv
const ROWS = ['date,reference,amount,currency', '2024-05-01 08:00:00,A1,1.00,USD', '2024-05-01 09:00:00,A2,2.00,USD', '2024-05-01 10:00:00,A3,3.00,USD']

async function failure(input: string | Readable, profile: ReconProfile = generic, options = {}) {
  const { lines, hooks } = collect()
  const error = (await readStatement(input, profile, hooks, options).catch((e: unknown) => e)) as StatementReadError
  return { code: error.code, message: error.message, lines: lines.length }
}

describe('bad statement files', () => {
  it('refuses an empty file, and one holding only a byte-order mark', async () => {
    expect(await failure(tempFile('empty.csv', ''))).toEqual({ code: 'empty', message: 'The file is empty', lines: 0 })
    expect(await failure(tempFile('bom.csv', '\uFEFF'))).toEqual({ code: 'empty', message: 'The file is empty', lines: 0 })
  })

  it('refuses a file over the size limit before reading it, and a stream once it passes the limit', async () => {
    const text = ROWS.join('\n')
    expect(await failure(tempFile('big.csv', text), generic, { maxBytes: 64 })).toEqual({ code: 'too_large', message: `The file is ${text.length} bytes, over the limit of 64 bytes`, lines: 0 })
    const stream = Readable.from((function* () {
      for (let i = 0; i < 100; i++) yield Buffer.from(`${ROWS[1]}\n`)
    })())
    expect(await failure(stream, generic, { maxBytes: 1024 })).toEqual({ code: 'too_large', message: 'The file is larger than the limit of 1.0 KiB', lines: 0 })
  })

  it('reads a stream like a file', async () => {
    const { lines, hooks } = collect()
    const result = await readStatement(Readable.from([Buffer.from(ROWS.join('\n'))]), generic, hooks)
    expect([result.lineCount, lines.map((l) => l.upstreamNo)]).toEqual([3, ['A1', 'A2', 'A3']])
  })

  it('refuses UTF-16 with a way out', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROWS.join('\n'), 'utf16le')])
    expect(await failure(tempFile('u16.csv', utf16))).toEqual({ code: 'encoding', message: 'The file is UTF-16, which statements are not read in: save it as UTF-8 or GBK', lines: 0 })
  })

  it('refuses a profile that is not valid, naming the field', async () => {
    const broken = { ...generic, dateFormat: 'yyyy-MM-dd hh:mm' } as ReconProfile
    const result = await failure(tempFile('a.csv', ROWS.join('\n')), broken)
    expect(result.code).toBe('invalid_profile')
    expect(result.message).toMatch(/^The profile is not valid: dateFormat must be iso or use the tokens/)
  })

  it('reports a row with a field too many or too few, and a file cut mid-row, by line', async () => {
    const text = [...ROWS.slice(0, 2), '2024-05-01 09:00:00,A2,2.00,USD,extra', ROWS[3], '2024-05-01 11:00:00,A4,4.0'].join('\n')
    const { lines, problems, hooks } = collect()
    await readStatement(tempFile('cut.csv', text), generic, hooks)
    expect(lines.map((l) => l.upstreamNo)).toEqual(['A1', 'A3'])
    expect(problems.map((p) => [p.lineNo, inEnglish(p.reason)])).toEqual([
      [3, 'has 5 fields; the header has 4'],
      [5, 'has 3 fields; the header has 4']
    ])
  })

  it('stops when too many rows are bad: the profile does not fit the file', async () => {
    const text = [ROWS[0], ...Array.from({ length: 20 }, (_, i) => `2024-05-01 08:00:00,B${i},x,USD`)].join('\n')
    const result = await failure(tempFile('bad.csv', text), generic, { maxProblems: 5 })
    expect(result.code).toBe('too_many_problems')
    expect(result.message).toBe('More than 5 rows could not be read (the latest on line 7: "x" is not an amount); the profile may not fit this file')
  })

  it('stops when cancelled, between chunks', async () => {
    const text = [ROWS[0], ...Array.from({ length: 200_000 }, (_, i) => `2024-05-01 08:00:00,C${i},1.00,USD`)].join('\n')
    const controller = new AbortController()
    let seen = 0
    const error = (await readStatement(tempFile('long.csv', text), generic, {
      signal: controller.signal,
      onLine: () => {
        if (++seen === 1000) controller.abort()
      }
    }).catch((e: unknown) => e)) as StatementReadError
    expect([error.code, error.message]).toEqual(['aborted', 'Reading the statement was cancelled'])
    expect(seen).toBeLessThan(200_000)
  })

  it('refuses a file without the header the profile names, showing the closest line', async () => {
    const result = (await readStatement(tempFile('x.csv', 'when,what,how much\n1,2,3\n'), generic).catch((e: unknown) => e)) as StatementReadError
    expect(result.code).toBe('header_mismatch')
    expect(result.message).toBe('The header on line 1 does not match the profile: missing "reference", "amount", "date". Read as UTF-8: a wrong encoding looks like this too; otherwise the layout changed and the profile needs a new version.')
    expect(result.details).toMatchObject({ found: ['when', 'what', 'how much'], unmapped: ['when', 'what', 'how much'], row: 1 })
  })

  it('stops a file that renames a column the clerk mapped, even one the layout it started from calls optional', async () => {
    // The profile editor, from "Generic CSV", on the clerk's sample: the order no. and the fee are
    // optional in that layout; mapped from the sample, a later file cannot silently lack them.
    const sample = ['交易时间', '参考号', '平台订单号', '金额', '手续费（元）', '币种']
    const fields = ['time', 'upstreamNo', 'orderNo', 'gross', 'fee', 'currency'] as const
    const mapped = reconProfile.parse(sample.reduce((draft, column, i) => withMappedHeader(draft, column, fields[i]), generic))
    const rows = (header: string) => [header, '2024-05-01 08:00:00,A1,PD-1,100.00,-9.99,CNY'].join('\n')
    const read = collect()
    await readStatement(tempFile('sample.csv', rows(sample.join(','))), mapped, read.hooks)
    expect(read.lines.map((l) => [l.orderNo, l.fee])).toEqual([['PD-1', '-9.99']])

    const renamed = (await readStatement(tempFile('renamed.csv', rows('交易时间,参考号,商户单号,金额,服务费（元）,币种')), mapped).catch((e: unknown) => e)) as StatementReadError
    expect(renamed.code).toBe('header_mismatch')
    expect(renamed.details).toMatchObject({ missing: ['平台订单号', '手续费（元）'], unmapped: ['商户单号', '服务费（元）'] })
  })
})
