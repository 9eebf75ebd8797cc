import { describe, expect, it } from 'vitest'
import { contract } from '../../../shared/contract'
import { matchRule, translateFieldMessage, translateMessage } from './messages'
import { fixedTranslators } from './testing'

const { english, chinese: zh } = fixedTranslators()

describe('rule and error messages', () => {
  it('renders a host validation error in Chinese, field and rule alike', () => {
    expect(translateMessage('username: must be at least 3 characters', zh)).toBe('用户名: 至少需要 3 个字符')
    expect(translateMessage('Wrong user name or password; 5 failed sign-ins in a row lock an account for 15 minutes', zh)).toBe(
      '用户名或密码错误；连续 5 次登录失败后账户将被锁定 15 分钟'
    )
    expect(translateMessage('Too many sign-in attempts; try again in 42 s', zh)).toBe('登录尝试过于频繁，请在 42 秒后重试')
    expect(translateMessage('Change your password before doing anything else', zh)).toBe('请先修改密码，然后才能进行其他操作')
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
