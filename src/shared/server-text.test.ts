import { describe, expect, it } from 'vitest'
import { inEnglish } from '../main/core/text'
import { serverTextEn } from './i18n/server-text.en'
import { serverTextZhCN } from './i18n/server-text.zh-CN'
import { say, term, verbatim } from './server-text'

const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('server texts', () => {
  it('every code has a Chinese twin using the same parameters, and no Chinese template is left in English', () => {
    expect(Object.keys(serverTextZhCN).sort()).toEqual(Object.keys(serverTextEn).sort())
    for (const [code, en] of Object.entries(serverTextEn)) {
      expect(placeholders(serverTextZhCN[code as keyof typeof serverTextEn]), code).toEqual(placeholders(en))
    }
  })

  it('no template relies on i18next nesting (skipped when a parameter contains "$t(")', () => {
    for (const [code, template] of [...Object.entries(serverTextEn), ...Object.entries(serverTextZhCN)]) expect(template, code).not.toContain('$t(')
  })

  it('renders nested texts and enum values in English, and leaves typed text as it was written', () => {
    const reason = say('text.reasonBy', { what: say('order.manualClosed'), user: 'ops', reason: verbatim('customer gave up {{money}} $t(value.status.active)') })
    expect(inEnglish(say('order.finalWithReason', { status: term('final', 'failed'), source: term('source', 'manual'), reason }))).toBe(
      'Failed (manual): Closed by ops: customer gave up {{money}} $t(value.status.active)'
    )
    expect(inEnglish(say('audit.userStatus', { username: 'amy', status: term('status', 'disabled') }))).toBe('User amy disabled')
  })
})
