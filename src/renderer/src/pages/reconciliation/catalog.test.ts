/**
 * Every text the reconciliation screens ask for is in both catalogs. The typed `t` checks literal
 * keys against English only, and keys built at run time (a break type, an encoding, a setting's
 * path) escape it: this reads the screens' sources and the contract's codes and looks each key up
 * in English and in Simplified Chinese.
 */
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROFILE_NAMES, COLUMN_FIELDS, LINE_KINDS, LINE_STATUSES, STATEMENT_ENCODINGS, STATEMENT_FORMATS } from '../../../../shared/contract/recon-profile'
import { BREAK_ACTIONS, BREAK_RESOLUTION_VALUES, BREAK_STATUS_VALUES, BREAK_TYPE_VALUES, jobView } from '../../../../shared/contract/reconciliation'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { SETTING_LABELS } from './profile/profileIssues'

const catalogs = { en, 'zh-CN': zhCN } as const

function lookup(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree)
}

/** Keys missing (or not a non-empty text) in either catalog, as `language: key`. */
function missing(keys: readonly string[]): string[] {
  return Object.entries(catalogs).flatMap(([language, tree]) =>
    keys.filter((key) => {
      // A plural key is its forms (`key_one`, `key_other`): i18next picks one by `count`.
      const value = lookup(tree, key) ?? lookup(tree, `${key}_other`)
      return typeof value !== 'string' || value.trim() === ''
    }).map((key) => `${language}: ${key}`)
  )
}

/** The screens' sources as text (Vite reads them; the renderer has no file system). */
const screens = Object.entries(import.meta.glob<string>('./**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }))
  .filter(([path]) => !/\.test\.tsx?$/.test(path))
  .map(([, text]) => text)

describe('the reconciliation screens’ texts', () => {
  it('finds the screens', () => {
    expect(screens.length).toBeGreaterThan(30)
  })

  it('has every literal key the screens use in English and in Chinese', () => {
    const keys = new Set(screens.flatMap((text) => [...text.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1])))
    expect(keys.size).toBeGreaterThan(150)
    expect(missing([...keys])).toEqual([])
  })

  it('has every prefix of the keys built at run time as a group in both catalogs', () => {
    const prefixes = new Set(screens.flatMap((text) => [...text.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)].map((m) => m[1])))
    expect(prefixes.size).toBeGreaterThan(5)
    for (const [language, tree] of Object.entries(catalogs)) {
      for (const prefix of prefixes) expect(typeof lookup(tree, prefix), `${language}: ${prefix}`).toBe('object')
    }
  })

  it('names every code of the contract in both languages', () => {
    const group = (prefix: string, codes: readonly string[]) => codes.map((code) => `${prefix}.${code}`)
    expect(
      missing([
        ...group('recon.breakTypes', BREAK_TYPE_VALUES),
        ...group('recon.breakStatuses', BREAK_STATUS_VALUES),
        ...group('recon.resolutions', BREAK_RESOLUTION_VALUES),
        ...group('recon.actions', BREAK_ACTIONS),
        ...group('recon.resolve.confirm', BREAK_ACTIONS),
        ...group('recon.resolve.intro', BREAK_ACTIONS),
        ...group('recon.lineKinds', LINE_KINDS),
        ...group('recon.lineStatuses', LINE_STATUSES),
        ...group('recon.fields', COLUMN_FIELDS),
        ...group('recon.jobKinds', jobView.shape.kind.options),
        ...group('recon.jobStates', jobView.shape.state.options),
        ...group('recon.builtIn', BUILT_IN_PROFILE_NAMES),
        ...group('recon.profile.formats', STATEMENT_FORMATS),
        ...group('recon.profile.encodings', STATEMENT_ENCODINGS.map((e) => e.replace(/-/g, ''))),
        ...Object.values(SETTING_LABELS)
      ])
    ).toEqual([])
  })
})
