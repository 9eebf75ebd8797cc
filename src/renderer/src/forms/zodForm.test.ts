import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from '../../../shared/contract'
import { say } from '../../../shared/server-text'
import { ApiError } from '../api/error'
import { apiErrorMessage } from '../components/notify'
import { i18n, setLanguage } from '../i18n'
import { requiredByContract, zodFormErrors } from './zodForm'

const badUser = { username: 'ab', displayName: 'Amy', password: 'short', merchantId: null, roleIds: [1] }

describe('a form’s own refusals and the host’s, in the language chosen', () => {
  afterEach(() => setLanguage('en'))

  it('the contract’s rule under each field, translated, never its marker', () => {
    expect(zodFormErrors(contract['users.create'].input, badUser)).toEqual({ username: 'must be at least 3 characters', password: 'must be at least 10 characters' })
    setLanguage('zh-CN')
    expect(i18n.language).toBe('zh-CN')
    expect(zodFormErrors(contract['users.create'].input, badUser)).toEqual({ username: '至少需要 3 个字符', password: '至少需要 10 个字符' })
    // A schema whose messages zod wrote itself: a plain "not valid", not zod's English nor a marker.
    expect(zodFormErrors(z.object({ n: z.number() }), { n: 'x' })).toEqual({ n: '无效' })
  })

  it('a host refusal in a toast: the field’s label, then the text; without a text, the message as it came', () => {
    const taken = new ApiError(409, 'users.username_taken', 'username: "ops" is already taken', 'username', say('error.users.usernameTaken', { name: 'ops' }))
    expect(apiErrorMessage(taken)).toBe('Username: "ops" is already taken')
    setLanguage('zh-CN')
    expect(apiErrorMessage(taken)).toBe('用户名: 用户名“ops”已被使用')
    expect(apiErrorMessage(new ApiError(500, 'internal', 'Internal error: the details are in the application log'))).toBe('Internal error: the details are in the application log')
    expect(apiErrorMessage(new ApiError(0, 'network', 'fetch failed'))).toBe(i18n.t('notify.network'))
  })

  it('marks a field required when the contract refuses it blank: a rejection’s reason, not an approval’s note', () => {
    const decide = (decision: 'approve' | 'reject') => (v: Record<string, string>) => ({ id: 7, decision, note: v.note })
    for (const name of ['adjustments.decide', 'approvals.decide', 'withdrawals.review'] as const) {
      expect(requiredByContract(contract[name].input, decide('reject'), { note: '' }, 'note'), name).toBe(true)
      expect(requiredByContract(contract[name].input, decide('approve'), { note: '' }, 'note'), name).toBe(false)
    }
  })
})
