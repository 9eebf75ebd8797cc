import { describe, expect, it } from 'vitest'
import { contract } from '../../../shared/contract'
import { matchRule, translateFieldMessage, translateMessage } from './messages'
import { fixedTranslators } from './testing'

const { english, chinese: zh } = fixedTranslators()

describe('rule and error messages', () => {
  it('renders a host validation error in Chinese, field and rule alike', () => {
    expect(translateMessage('username: must be at least 3 characters', zh)).toBe('用户名: 至少需要 3 个字符')
    expect(translateMessage('Wrong user name or password', zh)).toBe('用户名或密码错误')
    expect(translateMessage('This account is locked after too many failed sign-ins; try again in 12 min', zh)).toBe(
      '登录失败次数过多，账户已被锁定，请在 12 分钟后重试'
    )
  })

  it('renders the refusal of a refund on an FX-settled order in Chinese', () => {
    expect(translateMessage('orderId: order D2026112200000001 was settled in CNY from USDT; refunds and disputes of orders settled in another currency are not supported yet', zh)).toContain(
      '订单 D2026112200000001 已由 USDT 换汇结算为 CNY；暂不支持对换汇结算的订单退款或发起争议'
    )
  })

  it('keeps English messages word for word', () => {
    expect(translateMessage('name: a merchant named "Acme" already exists', english)).toBe('Name: a merchant named "Acme" already exists')
    expect(translateFieldMessage('username: "ops" is already taken', 'username', english)).toBe('"ops" is already taken')
  })

  it('does not let a number-only template swallow a longer rule', () => {
    expect(matchRule('must be at least 3 characters')?.key).toBe('minChars')
    expect(matchRule('must be at least 3')?.key).toBe('minValue')
    expect(matchRule('must be at least 1 minute')?.key).toBe('minMinute')
  })

  it('names a permission by its label rather than its catalog name', () => {
    const message = 'roleIds: role "Administrator" includes USER_WRITE (9002), which a merchant-bound user cannot hold'
    expect(translateFieldMessage(message, 'roleIds', zh)).toBe('角色“Administrator”包含权限“新建和修改用户”（9002），绑定商户的用户不能拥有该权限')
    expect(translateFieldMessage(message, 'roleIds', english)).toBe(
      'role "Administrator" includes Create and edit users (9002), which a merchant-bound user cannot hold'
    )
  })

  it('shows an unknown message as it came', () => {
    expect(translateMessage('Something nobody planned for', zh)).toBe('Something nobody planned for')
  })

  it('knows every message the contract schemas produce for the first-run form', () => {
    const result = contract['auth.setupAdmin'].input.safeParse({ username: 'a', displayName: '', password: 'short' })
    expect(result.success).toBe(false)
    const unknown = (result.error?.issues ?? []).filter((issue) => !matchRule(issue.message)).map((issue) => issue.message)
    expect(unknown).toEqual([])
  })
})
