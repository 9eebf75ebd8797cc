import { describe, expect, it } from 'vitest'
import { serverTextEn } from '../../../shared/i18n/server-text.en'
import { serverTextZhCN } from '../../../shared/i18n/server-text.zh-CN'
import { BUILT_IN_ROLE_KEYS, PERMISSIONS, permissionArea, type PermissionArea } from '../../../shared/permissions'
import { en } from './en'
import { zhCN } from './zh-CN'

function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v)
    } else {
      out.set(path, value)
    }
  }
  return out
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
}

const languages = { en: flatten(en), 'zh-CN': flatten(zhCN) }

describe('translation resources', () => {
  it('have exactly the same keys in English and Simplified Chinese', () => {
    const enKeys = [...languages.en.keys()].sort()
    const zhKeys = [...languages['zh-CN'].keys()].sort()
    expect(zhKeys.filter((k) => !languages.en.has(k))).toEqual([])
    expect(enKeys.filter((k) => !languages['zh-CN'].has(k))).toEqual([])
    expect(zhKeys).toEqual(enKeys)
  })

  it.each(Object.entries(languages))('%s has no empty or non-string values', (_language, entries) => {
    const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key)
    expect(bad).toEqual([])
  })

  it('uses the same interpolation placeholders in both languages', () => {
    const mismatched = [...languages.en].filter(
      ([key, value]) => placeholders(String(value)).join() !== placeholders(String(languages['zh-CN'].get(key))).join()
    )
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it('labels every permission code, every area and every built-in role in both languages', () => {
    const areas = new Set<PermissionArea>(Object.values(PERMISSIONS).map((code) => permissionArea(code)))
    for (const entries of Object.values(languages)) {
      for (const name of Object.keys(PERMISSIONS)) expect(entries.get(`permissions.${name}`), name).toBeTruthy()
      for (const area of areas) expect(entries.get(`areas.${area}`), area).toBeTruthy()
      for (const role of BUILT_IN_ROLE_KEYS) expect(entries.get(`builtInRoles.${role}`), role).toBeTruthy()
    }
    expect(Object.keys(en.permissions).sort()).toEqual(Object.keys(PERMISSIONS).sort())
  })

  it('actually translates the Chinese interface rather than copying English', () => {
    const copied = [...languages.en].filter(([key, value]) => languages['zh-CN'].get(key) === value && /[A-Za-z]{4,}/.test(String(value)))
    // Product and language names are the only strings meant to read the same in both.
    expect(copied.map(([key]) => key).sort()).toEqual(['app.name', 'languages.en'])
  })

  it('holds no rule sentences: refusals are server texts, and a permission or built-in role is named as the server texts name it', () => {
    for (const resources of [en, zhCN]) expect(Object.keys(resources)).not.toContain('rules')
    const named: [string, string][] = [...Object.keys(PERMISSIONS).map((name) => [`permissions.${name}`, `value.permission.${name}`] as [string, string]), ...BUILT_IN_ROLE_KEYS.map((key) => [`builtInRoles.${key}`, `value.builtInRole.${key}`] as [string, string])]
    for (const [label, code] of named) {
      expect(languages.en.get(label), label).toBe(serverTextEn[code as keyof typeof serverTextEn])
      expect(languages['zh-CN'].get(label), label).toBe(serverTextZhCN[code as keyof typeof serverTextEn])
    }
  })
})

describe('plural texts', () => {
  it('say one line and many lines in English, and the same words in Chinese', async () => {
    const { i18n } = await import('./index')
    const en = i18n.getFixedT('en')
    expect([en('recon.import.commit', { count: 1 }), en('recon.import.commit', { count: 2 })]).toEqual(['Import 1 line', 'Import 2 lines'])
    expect(i18n.getFixedT('zh-CN')('recon.import.commit', { count: 1 })).toBe('导入 1 条明细')
  })
})

describe('composed texts', () => {
  it('say who checked the ledger once: the daily check is not "checked by the daily check" twice over', async () => {
    const { i18n } = await import('./index')
    const say = (language: string) => {
      const t = i18n.getFixedT(language)
      return t('safety.checkedAt', { at: '2026-12-08 03:16:31', by: t('safety.daily') })
    }
    expect(say('en')).toBe('Checked 2026-12-08 03:16:31 by the daily check')
    expect(say('zh-CN')).toBe('每日定时任务于 2026-12-08 03:16:31 自检')
  })
})
