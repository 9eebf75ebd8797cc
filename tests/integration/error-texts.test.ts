/**
 * Refusals cross IPC and HTTP with a code and parameters (`text`) beside the English `message`
 * (docs/ipc-and-http.md). For a few representative refusals of each kind, made by the real core
 * and the real HTTP host: the English message is word for word what API clients have always read,
 * and the text reads in Chinese on screen the way the translated message did before.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toErrorEnvelope } from '../../src/main/core/errors'
import { startHost, type RunningHost } from '../../src/main/http/host'
import { ApiError } from '../../src/renderer/src/api/error'
import { errorMessage, fieldErrorMessage } from '../../src/renderer/src/i18n/messages'
import { fixedTranslators } from '../../src/renderer/src/i18n/testing'
import type { Envelope, ErrorEnvelope } from '../../src/shared/envelope'
import { ADMIN, makeCore, type TestCore } from '../support/core'

const { english, chinese } = fixedTranslators()

function refused(envelope: Envelope<unknown>): ErrorEnvelope {
  if (envelope.status === 200) throw new Error('expected a refusal, got 200')
  expect(envelope.text, `${envelope.code}: "${envelope.message}"`).toBeDefined()
  return envelope
}

/** What the client throws for the envelope (api/client.ts). */
const apiError = (e: ErrorEnvelope) => new ApiError(e.status, e.code, e.message, e.field, e.text)

let t: TestCore
let admin: string
let merchantId: number

beforeAll(async () => {
  t = await makeCore()
  admin = await t.signIn(ADMIN.username, ADMIN.password)
  merchantId = (await t.ok('merchants.create', { name: 'Acme' }, admin)).id
})

describe('refusals of the core: the English message API clients read, and the text screens translate', () => {
  it('a rule of the contract (zod): 400 naming the field', async () => {
    const e = refused(await t.call('users.create', { username: 'ab', displayName: 'Amy', password: 'Long-enough-42', merchantId: null, roleIds: [1] }, admin))
    expect(e).toMatchObject({ status: 400, code: 'validation', field: 'username', message: 'username: must be at least 3 characters', text: { code: 'rule.minChars', params: { n: 3 } } })
    expect(errorMessage(apiError(e), chinese)).toBe('用户名: 至少需要 3 个字符')
    expect(fieldErrorMessage(apiError(e), chinese)).toBe('至少需要 3 个字符')
  })

  it('a field left out is "required" in both languages, naming it, not "not valid"', async () => {
    const e = refused(await t.call('merchants.update', { id: merchantId, name: 'Acme' }, admin))
    expect(e).toMatchObject({ status: 400, code: 'validation', field: 'status', message: 'status: is required', text: { code: 'rule.required' } })
    expect(fieldErrorMessage(apiError(e), chinese)).toBe('必填')
  })

  it('a message zod wrote itself keeps its English for API clients and reads as "not valid" on screen', async () => {
    const e = refused(await t.call('users.list', { page: 'one' }, admin))
    expect(e).toMatchObject({ status: 400, field: 'page', text: { code: 'rule.invalid' } })
    expect(e.message).toMatch(/^page: Invalid input/)
    expect(errorMessage(apiError(e), chinese)).toBe('page: 无效')
  })

  it('a conflict naming a field', async () => {
    const e = refused(await t.call('merchants.create', { name: 'Acme' }, admin))
    expect(e).toMatchObject({ status: 409, code: 'merchants.name_taken', field: 'name', message: 'name: a merchant named "Acme" already exists' })
    expect(e.text).toEqual({ code: 'error.merchants.nameTaken', params: { name: 'Acme' } })
    expect(errorMessage(apiError(e), english)).toBe('Name: a merchant named "Acme" already exists')
    expect(errorMessage(apiError(e), chinese)).toBe('名称: 已存在名为“Acme”的商户')
  })

  it('a limit pair refused by the host, naming the other field by its label on screen and by its name for programs', async () => {
    const e = refused(await t.call('services.create', { merchantId, serviceType: 'CNY_BANK_CARD', direction: 'deposit', currency: 'CNY', singleLower: '500', singleUpper: '100' }, admin))
    expect(e).toMatchObject({ status: 400, field: 'singleUpper', message: 'singleUpper: must be at least singleLower (500.00 CNY), or 0 for no limit' })
    expect(fieldErrorMessage(apiError(e), chinese)).toBe('不能小于单笔下限（500.00 CNY），或填 0 表示不限')
    expect(fieldErrorMessage(apiError(e), english)).toBe('must be at least Single limit (lower) (500.00 CNY), or 0 for no limit')
  })

  it('a missing permission names it by its catalog name for programs and by its label on screen', async () => {
    const role = await t.ok('roles.create', { name: 'Readers', permissions: [1001, 6001] }, admin)
    await t.ok('users.create', { username: 'reader', displayName: 'Reader', password: 'Reader-pass-42', merchantId: null, roleIds: [role.id] }, admin)
    const token = await t.signIn('reader', 'Reader-pass-42')
    const e = refused(await t.call('users.create', { username: 'other', displayName: 'Other', password: 'Other-pass-42', merchantId: null, roleIds: [role.id] }, token))
    expect(e).toMatchObject({ status: 403, code: 'permission.missing', message: 'users.create requires USER_WRITE (9002)' })
    expect(errorMessage(apiError(e), chinese)).toBe('users.create 需要权限 “新建和修改用户”（9002）')
  })

  it('a thing that is not there', async () => {
    const e = refused(await t.call('merchants.get', { id: 999 }, admin))
    expect(e).toMatchObject({ status: 404, code: 'not_found', message: 'Merchant 999 was not found' })
    expect(errorMessage(apiError(e), chinese)).toBe('未找到：商户 999')
  })

  it('an order the user may not see is refused in the order’s terms, without its internal id', async () => {
    const e = refused(await t.call('orders.get', { id: 999 }, admin))
    expect(e).toMatchObject({ status: 404, code: 'not_found', message: 'There is no such order among the orders you may see' })
    expect(errorMessage(apiError(e), chinese)).toBe('在您可查看的订单中没有这笔订单')
  })

  it('a wrong password', async () => {
    const e = refused(await t.call('auth.login', { username: ADMIN.username, password: 'wrong-password' }))
    expect(e).toMatchObject({ status: 401, code: 'auth.invalid_credentials', message: 'Wrong user name or password; 5 failed sign-ins in a row lock an account for 15 minutes' })
    expect(errorMessage(apiError(e), chinese)).toBe('用户名或密码错误；连续 5 次登录失败后账户将被锁定 15 分钟')
  })

  it('an internal error hides its details, in either language', () => {
    const e = toErrorEnvelope(new Error('secret detail'), 0, () => {})
    expect(e).toMatchObject({ status: 500, code: 'internal', message: 'Internal error: the details are in the application log', text: { code: 'error.internal' } })
    expect(errorMessage(apiError(e), chinese)).toBe('内部错误，详情请查看应用日志')
  })
})

describe('refusals of the HTTP host itself', () => {
  let host: RunningHost

  beforeAll(async () => {
    host = await startHost({ dataDir: mkdtempSync(join(tmpdir(), 'paydesk-texts-')), port: 0, host: '127.0.0.1', version: 'test', rendererDir: null })
  })
  afterAll(async () => host.stop())

  const post = async (path: string, body: string) => refused((await (await fetch(`${host.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as Envelope<unknown>)

  it('a body that is not JSON, and a path that is not there', async () => {
    const bad = await post('/api/users.list', '{not json')
    expect(bad).toMatchObject({ status: 400, code: 'validation', field: 'body', message: 'body: must be a JSON object', text: { code: 'rule.jsonObject' } })
    expect(errorMessage(apiError(bad), chinese)).toBe('请求: 必须是 JSON 对象')
    const missing = await post('/api/', '{}')
    expect(missing).toMatchObject({ status: 404, code: 'http.not_found', message: 'No such API path: POST /api/' })
    expect(errorMessage(apiError(missing), chinese)).toBe('没有这个接口路径：POST /api/')
  })
})
