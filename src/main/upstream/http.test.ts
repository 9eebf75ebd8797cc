import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { backoffMs, classifyNetworkError, createUpstreamHttp, type UpstreamRequest } from './http'

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise<void>((resolve) => s.close(() => resolve()))
  }
})

/** A loopback server that counts the requests it received. */
async function listen(handler: Handler): Promise<{ url: string; received: () => number }> {
  let received = 0
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      received++
      handler(req, res, body)
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/deposit/create`, received: () => received }
}

async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/deposit/create`
}

const delays: number[] = []
const client = () => {
  delays.length = 0
  return createUpstreamHttp({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 1000 }, sleep: async (ms) => void delays.push(ms) })
}

function request(url: string, overrides: Partial<UpstreamRequest> = {}): UpstreamRequest {
  return {
    operation: 'createPayout',
    url,
    body: JSON.stringify({ merchantNo: 'M-0001', orderNo: 'P1', amount: '10.00', recipientAccount: '6222021234567890', sign: 'abcdef' }),
    contentType: 'application/json',
    timeoutMs: 2000,
    retrySafe: false,
    mask: { secrets: ['M-0001', 'sign-key-secret'], signatureFields: ['sign'], accountFields: ['recipientAccount'] },
    ...overrides
  }
}

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

describe('answers', () => {
  it('2xx and 4xx with a JSON or form body are answers; one attempt each', async () => {
    const ok = await listen(json(200, { code: '0', data: { upstreamNo: 'U1' } }))
    const declined = await listen(json(400, { code: '1002', message: 'bad amount' }))
    const form = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' }).end('code=0&upstreamNo=U2'))
    const http = client()
    expect(await http.send(request(ok.url))).toMatchObject({ kind: 'answered', status: 200, data: { code: '0', data: { upstreamNo: 'U1' } } })
    expect(await http.send(request(declined.url, { retrySafe: true }))).toMatchObject({ kind: 'answered', status: 400, data: { code: '1002' } })
    expect(await http.send(request(form.url))).toMatchObject({ kind: 'answered', data: { code: '0', upstreamNo: 'U2' } })
    expect([ok.received(), declined.received(), form.received()]).toEqual([1, 1, 1])
  })

  it('sends the body, content type and extra headers as given', async () => {
    let seen: { type?: string; key?: string; body?: string } = {}
    const server = await listen((req, res, body) => {
      seen = { type: req.headers['content-type'], key: req.headers['idempotency-key'] as string, body }
      json(200, { code: '0' })(req, res)
    })
    await client().send(request(server.url, { body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', headers: { 'Idempotency-Key': 'P1' } }))
    expect(seen).toEqual({ type: 'application/x-www-form-urlencoded', key: 'P1', body: 'a=1&b=2' })
  })

  it('logs every attempt with credentials, the signature and account numbers masked', async () => {
    const server = await listen(json(200, { code: '0', echo: 'sign-key-secret', data: { bankAccount: '1234' } }))
    const outcome = await client().send(request(server.url))
    expect(outcome.logs).toHaveLength(1)
    const [log] = outcome.logs
    expect(log).toMatchObject({ operation: 'createPayout', url: server.url, responseStatus: 200, error: null, attempt: 1 })
    expect(JSON.parse(log.requestBody)).toEqual({ merchantNo: '***', orderNo: 'P1', amount: '10.00', recipientAccount: '622202******7890', sign: '***' })
    expect(log.responseBody).not.toContain('sign-key-secret')
    expect(log.durationMs).toBeGreaterThanOrEqual(0)
  })
})

describe('failures', () => {
  it('a closed port is unreachable, and unreachable is re-sent even when not retry-safe, with exponential backoff', async () => {
    const outcome = await client().send(request(await closedPortUrl(), { retrySafe: false }))
    expect(outcome.kind).toBe('unreachable')
    expect(outcome.logs.map((l) => l.attempt)).toEqual([1, 2, 3])
    expect(outcome.logs[0].error).toMatch(/^unreachable: .*ECONNREFUSED/)
    expect(outcome.logs[0].responseStatus).toBeNull()
    expect(delays).toEqual([10, 20])
  })

  it('an unparseable URL never leaves the machine: unreachable', async () => {
    const outcome = await createUpstreamHttp({ retry: { maxAttempts: 1 } }).send(request('not a url'))
    expect(outcome.kind).toBe('unreachable')
  })

  it('a server that never answers is a timeout within the configured time, not re-sent when not retry-safe', async () => {
    const silent = await listen(() => undefined)
    const started = Date.now()
    const outcome = await client().send(request(silent.url, { timeoutMs: 300 }))
    const elapsed = Date.now() - started
    expect(outcome.kind).toBe('timeout')
    expect(outcome.logs).toHaveLength(1)
    expect(outcome.logs[0].error).toMatch(/^timeout/)
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(1500)
    expect(silent.received()).toBe(1)
  })

  it('headers then a stalled body is a timeout too', async () => {
    const stalls = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"code":')
    })
    const outcome = await client().send(request(stalls.url, { timeoutMs: 300 }))
    expect(outcome.kind).toBe('timeout')
    expect(outcome.logs[0].responseStatus).toBe(200)
  })

  it('a connection dropped after the request arrived is an unknown outcome (timeout), never unreachable', async () => {
    const drops = await listen((req) => req.socket.destroy())
    const outcome = await client().send(request(drops.url))
    expect(outcome.kind).toBe('timeout')
    expect(outcome.logs[0].error).toMatch(/connection lost/)
    expect(drops.received()).toBe(1)
  })

  it('5xx is a server error: sent once when not retry-safe, up to the limit when it is', async () => {
    const failing = await listen((_req, res) => res.writeHead(500).end('Internal Server Error'))
    const once = await client().send(request(failing.url, { retrySafe: false }))
    expect(once).toMatchObject({ kind: 'server_error' })
    expect(once.logs[0]).toMatchObject({ responseStatus: 500, error: 'http_500', responseBody: 'Internal Server Error' })
    expect(failing.received()).toBe(1)
    const retried = await client().send(request(failing.url, { retrySafe: true, operation: 'query' }))
    expect(retried.kind).toBe('server_error')
    expect(failing.received()).toBe(1 + 3)
    expect(delays).toEqual([10, 20])
  })

  it('retry-safe requests are re-sent after a timeout and stop at the first answer', async () => {
    let calls = 0
    const flaky = await listen((req, res) => {
      calls++
      if (calls < 3) return
      json(200, { code: '0' })(req, res)
    })
    const outcome = await client().send(request(flaky.url, { retrySafe: true, timeoutMs: 200, operation: 'query' }))
    expect(outcome.kind).toBe('answered')
    expect(outcome.logs.map((l) => l.error === null)).toEqual([false, false, true])
  })

  it('an unreadable body or a redirect is a bad response', async () => {
    const html = await listen((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>'))
    const redirect = await listen((_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end())
    expect((await client().send(request(html.url))).kind).toBe('bad_response')
    expect(html.received()).toBe(1)
    const moved = await client().send(request(redirect.url))
    expect(moved.kind).toBe('bad_response')
    expect(moved.logs[0].error).toMatch(/redirect/)
  })
})

describe('classification and backoff', () => {
  it('unreachable only when every code says the connection was never made', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })
    const bothAddresses = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'EHOSTUNREACH' })]), {})
    })
    const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })
    const mixed = Object.assign(new TypeError('fetch failed'), { cause: new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ECONNRESET' })]) })
    expect(classifyNetworkError(refused).kind).toBe('unreachable')
    expect(classifyNetworkError(bothAddresses).kind).toBe('unreachable')
    expect(classifyNetworkError(Object.assign(new Error('dns'), { code: 'ENOTFOUND' })).kind).toBe('unreachable')
    expect(classifyNetworkError(reset).kind).toBe('timeout')
    expect(classifyNetworkError(mixed).kind).toBe('timeout')
    expect(classifyNetworkError(new Error('no code')).kind).toBe('timeout')
  })

  it('a port fetch refuses to connect to is unreachable: nothing was sent', async () => {
    const thrown = await fetch('http://127.0.0.1:6000/pay', { method: 'POST', body: 'x' }).catch((error: unknown) => error)
    expect(classifyNetworkError(thrown)).toEqual({ kind: 'unreachable', detail: 'BAD_PORT' })
  })

  it('doubles the delay up to the cap', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 500 }
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy))).toEqual([100, 200, 400, 500, 500])
  })
})
