/** Zip entry names (GBK unless flagged) and what may never be extracted; MT940 :86: reading. */
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseInformation } from './mt940'
import { inEnglish } from '../../core/text'
import { entryName, unsafeName } from './zip'

describe('zip entry names', () => {
  it('decodes GBK names without the UTF-8 flag, UTF-8 ones with it or with a Unicode path field', () => {
    const name = '20880000000000000156_20190916_业务明细.csv'
    expect(entryName({ fileName: iconv.encode(name, 'gbk'), generalPurposeBitFlag: 0, extraFields: [] })).toBe(name)
    expect(entryName({ fileName: Buffer.from(name, 'utf8'), generalPurposeBitFlag: 0x800, extraFields: [] })).toBe(name)
    const unicodePath = Buffer.concat([Buffer.from([1, 0, 0, 0, 0]), Buffer.from(name, 'utf8')])
    expect(entryName({ fileName: Buffer.from('x.csv'), generalPurposeBitFlag: 0, extraFields: [{ id: 0x7075, data: unicodePath }] })).toBe(name)
  })

  it('refuses names that leave the folder, absolute ones and NULs', () => {
    expect(['a/../../b', '..\\x', '/etc/passwd', 'C:\\x', 'd:/x', 'a\0b'].map((name) => inEnglish(unsafeName(name)!))).toEqual([
      'climbs out of its folder (../)',
      'climbs out of its folder (../)',
      'is an absolute path',
      'is an absolute path',
      'is an absolute path',
      'holds a NUL character'
    ])
    expect(['a/b.csv', '..csv', 'a..b/c', '业务明细.csv'].map(unsafeName)).toEqual([null, null, null, null])
  })
})

describe('MT940 :86:', () => {
  it('reads German ?NN subfields, slash tags, and plain text', () => {
    expect(parseInformation('166?00SEPA-GUTSCHRIFT?20EREF+E2E-1?21SVWZ+Invoice 42?32ACME?33 GmbH')).toEqual({ endToEndId: 'E2E-1', counterparty: 'ACME GmbH', description: 'Invoice 42' })
    expect(parseInformation('/TRTP/SEPA OVERBOEKING/IBAN/NL02ABNA0123456789/NAME/ACME BV/REMI/Invoice 42/EREF/NOTPROVIDED')).toEqual({ endToEndId: null, counterparty: 'ACME BV', description: 'Invoice 42' })
    expect(parseInformation('Account fee')).toEqual({ endToEndId: null, counterparty: null, description: 'Account fee' })
  })
})
