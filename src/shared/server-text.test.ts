import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { inEnglish } from '../main/core/text'
import { serverTextEn } from './i18n/server-text.en'
import { serverTextZhCN } from './i18n/server-text.zh-CN'
import { REPORT_INPUT, ruleMessage, textOfIssue, textOfMessage } from './rule-message'
import { permissionTerm, say, term, verbatim } from './server-text'
import { ordersContract } from './contract/orders'
import { dailyInput } from './contract/reports'

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

  it('every rule and refusal text reads in Chinese rather than copying the English', () => {
    const copied = Object.entries(serverTextEn)
      .filter(([code]) => /^(rule|error|thing)\./.test(code))
      .filter(([code, en]) => serverTextZhCN[code as keyof typeof serverTextEn] === en)
      .map(([code]) => code)
    // Nothing but placeholders in between: the words are all parameters.
    expect(copied.filter((code) => /[A-Za-z]{2,}/.test(serverTextEn[code as keyof typeof serverTextEn].replace(/\{\{\w+\}\}/g, '')))).toEqual([])
  })

  it('a rule message carries its text through zod, and anything else decodes to nothing', () => {
    expect(textOfMessage(ruleMessage('rule.minChars', { n: 3 }))).toEqual({ code: 'rule.minChars', params: { n: 3 } })
    expect(textOfMessage(ruleMessage('rule.required'))).toEqual({ code: 'rule.required' })
    expect(textOfMessage('must be at least 3 characters')).toBeNull()
    expect(textOfMessage(ruleMessage('rule.required').slice(0, -2))).toBeNull()
    expect(textOfIssue({ message: 'Invalid input: expected number, received string' })).toEqual({ code: 'rule.invalid' })
  })

  it('a field left out is required; one of the wrong type is not valid; a field’s own message is about a value that is there', () => {
    const schema = z.object({ fee: z.string().regex(/^\d+$/, ruleMessage('rule.amountFormat')), count: z.number().int(), status: z.enum(['active', 'disabled'], { error: ruleMessage('rule.activeOrDisabled') }), name: z.string({ error: ruleMessage('rule.minChars', { n: 1 }) }) })
    const texts = (input: object) => Object.fromEntries(schema.safeParse(input, REPORT_INPUT).error!.issues.map((i) => [i.path.join('.'), textOfIssue(i).code]))
    expect(texts({})).toEqual({ fee: 'rule.required', count: 'rule.required', status: 'rule.required', name: 'rule.required' })
    expect(texts({ fee: 5, count: 'x', status: 'gone', name: 1 })).toEqual({ fee: 'rule.invalid', count: 'rule.invalid', status: 'rule.activeOrDisabled', name: 'rule.minChars' })
    expect(texts({ fee: 'x', count: 1.5, status: 'active', name: 'a' })).toEqual({ fee: 'rule.amountFormat', count: 'rule.invalid' })
  })

  it('in English for programs, a permission, a field and an outbox state keep the names the API uses; other words read as words', () => {
    expect(inEnglish(say('error.permissionMissing', { procedure: 'users.create', permission: say('error.permissionNamed', { permission: permissionTerm(9002), code: 9002 }) }))).toBe(
      'users.create requires USER_WRITE (9002)'
    )
    expect(inEnglish(say('rule.limitOrder', { field: say('value.field.singleLower'), amount: '500.00' }))).toBe('must be at least singleLower (500.00), or 0 for no limit')
    expect(inEnglish(say('error.outbox.notWaiting', { id: 3, status: term('outboxStatus', 'in_flight') }))).toBe('Outbox item 3 is in_flight')
    expect(inEnglish(say('rule.requiredFor', { type: say('value.serviceType.CNY_BANK_CARD'), direction: term('directionWord', 'deposit') }))).toBe('is required for CNY bank card deposits')
  })
})

describe('an inverted date range', () => {
  it('is refused on its end, in words rather than the start field’s code', () => {
    const orders = ordersContract['orders.list'].input.safeParse({ dateFrom: '2026-03-02', dateTo: '2026-03-01' }, REPORT_INPUT)
    const reports = dailyInput.safeParse({ dateStart: '2026-03-02', dateEnd: '2026-03-01' }, REPORT_INPUT)
    for (const [result, end] of [[orders, 'dateTo'], [reports, 'dateEnd']] as const) {
      const issue = result.error?.issues[0]
      expect(issue?.path).toEqual([end])
      const text = textOfIssue(issue!)
      expect(inEnglish(text)).toBe('must not be before the start date')
      expect(serverTextZhCN[text.code as keyof typeof serverTextZhCN]).toBe('不能早于开始日期')
    }
  })
})
