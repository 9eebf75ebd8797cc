import { describe, expect, it } from 'vitest'
import { translateServerText, type Translate } from './server-text'
import { serverTextEn } from './i18n/server-text.en'
import { serverTextZhCN } from './i18n/server-text.zh-CN'
import { upstreamFailureText } from './upstream-failure'

/** A catalog's own renderer: `{{name}}` filled in, as i18next does with these options. */
const catalogT = (catalog: Record<string, string>): Translate => (code, values) => (catalog[code] ?? code).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]))
const say = (catalog: Record<string, string>, line: string) => translateServerText(catalogT(catalog), upstreamFailureText(line))

describe('the HTTP client’s failure lines, said to people', () => {
  const lines: [string, string, string][] = [
    ['http_500', 'the provider answered HTTP 500', '上游返回 HTTP 500'],
    ['bad_response: HTTP 302 redirect', 'the provider answered HTTP 302, a redirect (never followed)', '上游返回 HTTP 302，即重定向（不会跟随）'],
    ['bad_response: HTTP 200 body is not a JSON or form object', 'the provider answered HTTP 200 with a body that is not a JSON or form object', '上游返回 HTTP 200，但响应体不是 JSON 或表单对象'],
    ['timeout: no complete answer within 10000 ms', 'no complete answer within 10000 ms', '10000 毫秒内没有完整应答'],
    ['timeout: connection lost (ECONNRESET)', 'the connection was lost (ECONNRESET)', '连接中断（ECONNRESET）'],
    ['unreachable: invalid URL ftp//x', 'ftp//x is not a valid address', 'ftp//x 不是有效的地址'],
    ['unreachable: ECONNREFUSED, EHOSTUNREACH', 'no connection could be made (ECONNREFUSED, EHOSTUNREACH)', '无法建立连接（ECONNREFUSED, EHOSTUNREACH）']
  ]
  for (const [line, english, chinese] of lines) {
    it(line, () => {
      expect(say(serverTextEn, line)).toBe(english)
      expect(say(serverTextZhCN, line)).toBe(chinese)
    })
  }

  it('carries a line of another shape as it is', () => {
    expect(upstreamFailureText('something else')).toEqual({ code: 'text.verbatim', params: { text: 'something else' } })
  })
})
