import { describe, expect, it } from 'vitest'
import { translateServerText, type Translate } from './server-text'
import { serverTextEn } from './i18n/server-text.en'
import { serverTextZhCN } from './i18n/server-text.zh-CN'
import { connectionFailure, upstreamFailureText } from './upstream-failure'

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

describe('a connection that was never made, as its host and the system’s reason', () => {
  const reasonOf = (catalog: Record<string, string>, line: string, url = 'https://pay.example.com:8443/gateway/pay') => {
    const failure = connectionFailure(line, url)!
    return `${failure.host}: ${translateServerText(catalogT(catalog), failure.reason)} (${failure.code})`
  }
  const lines: [string, string, string][] = [
    ['unreachable: ENOTFOUND', 'pay.example.com:8443: name not found (ENOTFOUND)', 'pay.example.com:8443: 找不到该域名 (ENOTFOUND)'],
    ['unreachable: EAI_AGAIN', 'pay.example.com:8443: the name could not be looked up (EAI_AGAIN)', 'pay.example.com:8443: 无法解析该域名 (EAI_AGAIN)'],
    ['unreachable: ECONNREFUSED', 'pay.example.com:8443: connection refused (ECONNREFUSED)', 'pay.example.com:8443: 连接被拒绝 (ECONNREFUSED)'],
    ['unreachable: UND_ERR_CONNECT_TIMEOUT', 'pay.example.com:8443: connection timed out (UND_ERR_CONNECT_TIMEOUT)', 'pay.example.com:8443: 连接超时 (UND_ERR_CONNECT_TIMEOUT)'],
    ['unreachable: EHOSTUNREACH, ENETUNREACH', 'pay.example.com:8443: no route to the host (EHOSTUNREACH, ENETUNREACH)', 'pay.example.com:8443: 没有到该主机的路由 (EHOSTUNREACH, ENETUNREACH)'],
    ['unreachable: ECONNREFUSED, EHOSTUNREACH', 'pay.example.com:8443: connection refused (ECONNREFUSED, EHOSTUNREACH)', 'pay.example.com:8443: 连接被拒绝 (ECONNREFUSED, EHOSTUNREACH)'],
    ['unreachable: EWHATEVER', 'pay.example.com:8443: no connection could be made (EWHATEVER)', 'pay.example.com:8443: 无法建立连接 (EWHATEVER)'],
    ['unreachable: BAD_PORT', 'pay.example.com:8443: a port HTTP clients refuse to connect to (such as 6000 or 10080): use the port the provider gave (BAD_PORT)', 'pay.example.com:8443: HTTP 客户端拒绝连接的端口（如 6000、10080）：请使用服务商提供的端口 (BAD_PORT)'],
    ['unreachable: invalid URL ftp//x', 'ftp//x: not a valid address (invalid URL)', 'ftp//x: 不是有效的地址 (invalid URL)']
  ]
  for (const [line, english, chinese] of lines) {
    it(line, () => {
      expect(reasonOf(serverTextEn, line)).toBe(english)
      expect(reasonOf(serverTextZhCN, line)).toBe(chinese)
    })
  }

  it('is none of an answer, a timeout after the request went out, or a connection lost', () => {
    for (const line of ['http_500', 'timeout: no complete answer within 10000 ms', 'timeout: connection lost (ECONNRESET)', null, undefined]) expect(connectionFailure(line, 'https://pay.example.com')).toBeNull()
  })
})
