/**
 * The profile schema shared by the editor and the reader: the built-in profiles are valid as
 * saved, and a profile that could not be read faithfully is refused with the field named.
 */
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILE_NAMES, BUILT_IN_PROFILES, reconProfile } from '../../../shared/contract/recon-profile'
import { englishOfIssue } from '../../core/errors'

// Each issue in English, as the reader and the registry word it (the schema's messages carry their rule's text).
const issues = (input: unknown) => {
  const parsed = reconProfile.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${englishOfIssue(i)}`)
}

describe('statement profile', () => {
  it('has every built-in profile, each valid as saved (a JSON round trip parses to itself)', () => {
    expect(Object.keys(BUILT_IN_PROFILES).sort()).toEqual([...BUILT_IN_PROFILE_NAMES].sort())
    for (const [name, profile] of Object.entries(BUILT_IN_PROFILES)) {
      expect(profile.builtIn).toBe(name)
      expect(reconProfile.parse(JSON.parse(JSON.stringify(profile)))).toEqual(profile)
    }
  })

  it('refuses what a reader could not follow, naming the field', () => {
    expect(issues({ format: 'csv', columns: {} })).toEqual(['columns.gross: is required', 'defaultKind: is required when no column gives the kind'])
    expect(issues({ format: 'csv', columns: { gross: 'a' }, defaultKind: 'payment', dateFormat: 'YYYY-MM-DD' })).toEqual([
      "dateFormat: must be iso or use the tokens yyyy yy MM M dd d HH H mm ss SSS XXX (quote other letters, as in 'T')"
    ])
    expect(issues({ format: 'csv', columns: { gross: 'a' }, defaultKind: 'payment', timeZone: 'Mars/Olympus' })).toEqual(['timeZone: must be an offset such as +08:00 or a zone such as Asia/Shanghai'])
    expect(issues({ format: 'csv', columns: { gross: 'a' }, defaultKind: 'payment', decimalSeparator: ',', thousandsSeparator: ',' })).toEqual(['thousandsSeparator: must differ from the decimal separator'])
    expect(issues({ format: 'csv', columns: { gross: 'a', amount: 'b' }, defaultKind: 'payment' })).toHaveLength(1)
    expect(issues({ format: 'csv', columns: { gross: 'a' }, defaultKind: 'payment', sign: { mode: 'indicator', credit: ['C'], debit: ['D'] } })).toEqual(['columns.debitCredit: is needed for the debit/credit indicator sign'])
    expect(issues({ format: 'mt940', controls: [{ type: 'camt_totals' }] })).toEqual(['controls.0.type: does not apply to mt940 files'])
    expect(
      issues({ format: 'csv', columns: { gross: 'a' }, defaultKind: 'payment', controls: [{ type: 'trailer_line', name: 't', linePrefix: '#', pattern: '^#(?<n>\\d+)', count: { group: 'count' } }] })
    ).toEqual(['controls.0.pattern: has no group named count'])
    expect(issues({ format: 'csv', columns: { gross: 'a' }, defaultKind: 'payment', zipEntry: '([' })).toEqual(['zipEntry: must be a valid regular expression'])
  })
})
