import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from '../../../shared/contract'
import { ruleMessage, textOfMessage } from '../../../shared/rule-message'
import { permissionTerm, roleTerm, say, verbatim, type ServerText } from '../../../shared/server-text'
import { ApiError } from '../api/error'
import { errorMessage, fieldErrorMessage, issueText } from './messages'
import { fixedTranslators } from './testing'

const { english, chinese: zh } = fixedTranslators()

/** A refusal as the client builds it from an error envelope: code, field and the host's text. */
const refusal = (text: ServerText, field?: string, english = '(the host’s English)') => new ApiError(400, 'validation', english, field, text)

const issuesOf = (name: 'auth.setupAdmin' | 'settings.update' | 'users.list', input: unknown) => contract[name].input.safeParse(input).error?.issues ?? []

describe('rule and error messages', () => {
  it('a refusal of the contract’s own schema carries its rule, shown in either language', () => {
    const [issue] = issuesOf('auth.setupAdmin', { username: 'ab', displayName: 'Amy', password: 'Long-enough-42' })
    expect(textOfMessage(issue.message)).toEqual({ code: 'rule.minChars', params: { n: 3 } })
    expect(issueText(issue, english)).toBe('must be at least 3 characters')
    expect(issueText(issue, zh)).toBe('至少需要 3 个字符')
  })

  it('renders a host validation error in Chinese, field and rule alike', () => {
    expect(errorMessage(refusal(say('rule.minChars', { n: 3 }), 'username'), zh)).toBe('用户名: 至少需要 3 个字符')
    expect(errorMessage(refusal(say('error.auth.wrongCredentials', { n: 5, minutes: 15 })), zh)).toBe('用户名或密码错误；连续 5 次登录失败后账户将被锁定 15 分钟')
    expect(errorMessage(refusal(say('error.auth.rateLimited', { n: 42 })), zh)).toBe('登录尝试过于频繁，请在 42 秒后重试')
    expect(errorMessage(refusal(say('error.auth.passwordChangeRequired')), zh)).toBe('请先修改密码，然后才能进行其他操作')
  })

  it('renders the refusal of a refund on an FX-settled order in Chinese', () => {
    const text = say('error.aftersales.fxSettled', { orderNo: 'D2026112200000001', settlement: 'CNY', currency: 'USDT' })
    expect(errorMessage(refusal(text, 'orderId'), zh)).toContain('订单 D2026112200000001 已由 USDT 换汇结算为 CNY；暂不支持对换汇结算的订单退款或发起争议')
  })

  it('names a field inside a list or an object by its item and its label, never by its path', () => {
    expect(errorMessage(refusal(say('rule.moreThanZero'), 'steps.16.amount'), english)).toBe('Step 17 · Amount: must be more than zero')
    expect(errorMessage(refusal(say('rule.moreThanZero'), 'steps.16.amount'), zh)).toMatch(/^步骤 17 · .+: /)
    expect(errorMessage(refusal(say('rule.moreThanZero'), 'caps.maxAmount'), english)).toBe('At most this total amount: must be more than zero')
    expect(errorMessage(refusal(say('rule.moreThanZero'), 'steps.2.fields.cardNumber'), english)).toMatch(/^Step 3 · /)
  })

  it('keeps English messages word for word', () => {
    expect(errorMessage(refusal(say('error.merchants.nameTaken', { name: 'Acme' }), 'name'), english)).toBe('Name: a merchant named "Acme" already exists')
    expect(fieldErrorMessage(refusal(say('error.users.usernameTaken', { name: 'ops' }), 'username'), english)).toBe('"ops" is already taken')
  })

  it('keeps each rule’s own code: a longer rule is never read as a shorter one', () => {
    const code = (issues: { message: string }[]) => textOfMessage(issues[0].message)?.code
    expect(code(issuesOf('auth.setupAdmin', { username: 'ab', displayName: 'Amy', password: 'Long-enough-42' }))).toBe('rule.minChars')
    expect(code(issuesOf('users.list', { page: 0 }))).toBe('rule.minValue')
    expect(code(issuesOf('settings.update', { sessionIdleMinutes: 0, sessionAbsoluteMinutes: 60 }))).toBe('rule.minMinute')
  })

  it('names a permission by its label rather than its catalog name', () => {
    const text = say('rule.roleHasPlatformCode', { role: 'Administrator', permission: permissionTerm(9002), code: 9002 })
    expect(fieldErrorMessage(refusal(text, 'roleIds'), zh)).toBe('角色“Administrator”包含权限“新建和修改用户”（9002），绑定商户的用户不能拥有该权限')
    expect(fieldErrorMessage(refusal(text, 'roleIds'), english)).toBe('role "Administrator" includes Create and edit users (9002), which a merchant-bound user cannot hold')
    // A built-in role is named by its label too; a role someone named, as named.
    const builtIn = say('rule.roleHasPlatformCode', { role: roleTerm({ name: 'Administrator', builtInKey: 'administrator' }), permission: permissionTerm(9002), code: 9002 })
    expect(fieldErrorMessage(refusal(builtIn, 'roleIds'), zh)).toBe('角色“系统管理员”包含权限“新建和修改用户”（9002），绑定商户的用户不能拥有该权限')
    expect(roleTerm({ name: 'Night shift', builtInKey: null })).toBe('Night shift')
  })

  it('shows an error without a text as it came (a transport failure, a host older than the texts)', () => {
    expect(errorMessage(new ApiError(0, 'network', 'Something nobody planned for'), zh)).toBe('Something nobody planned for')
    expect(fieldErrorMessage(new ApiError(400, 'validation', 'reason: too short', 'reason'), zh)).toBe('too short')
  })

  it('shows what a provider or an operator wrote as written, inside a translated sentence', () => {
    expect(errorMessage(refusal(say('error.orders.requeryFailed', { error: verbatim('timeout after 10 s') })), zh)).toBe('无法向上游查询：timeout after 10 s')
  })

  it('reads a message zod wrote itself as "not valid", and never shows a rule message’s marker', () => {
    const [foreign] = z.number().safeParse('7').error!.issues
    expect(issueText(foreign, zh)).toBe('无效')
    expect(issueText(foreign, english)).toBe('is not valid')
    const ours = { message: ruleMessage('rule.required') }
    expect(issueText(ours, zh)).toBe('必填')
    expect(ours.message).not.toBe('is required')
  })

  it('knows every message the contract schemas produce for the first-run form', () => {
    const issues = issuesOf('auth.setupAdmin', { username: 'a', displayName: '', password: 'short' })
    expect(issues.length).toBeGreaterThan(2)
    expect(issues.filter((issue) => textOfMessage(issue.message) === null).map((issue) => issue.message)).toEqual([])
  })
})
