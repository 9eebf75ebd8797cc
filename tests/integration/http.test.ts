import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../src/main/http/host'

let host: RunningHost
const admin = { username: 'root', password: 'Root-password-1' }

async function post(path: string, body: unknown, token?: string, raw = false) {
  const response = await fetch(`${host.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body)
  })
  return { http: response.status, body: (await response.json()) as { status: number; message: string; code?: string; field?: string; data: { token: string; page?: number }; timestamp: number } }
}

beforeAll(async () => {
  host = await startHost({ dataDir: mkdtempSync(join(tmpdir(), 'paydesk-http-')), port: 0, host: '127.0.0.1', version: '9.9.9', rendererDir: null })
  await host.core.ensureAdminFromEnv({ PAYDESK_ADMIN_USER: admin.username, PAYDESK_ADMIN_PASSWORD: admin.password })
})
afterAll(async () => host.stop())

describe('the headless host over HTTP', () => {
  it('binds to 127.0.0.1 and answers /healthz without auth in the envelope', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${host.url}/healthz`)
    const body = (await response.json()) as { timestamp: number }
    expect(response.status).toBe(200)
    expect(body).toMatchObject({ status: 200, message: 'ok', data: { ok: true, version: '9.9.9' } })
    expect(Math.abs(body.timestamp - Date.now())).toBeLessThan(5000)
  })

  it('POST /auth/login answers data.token; a wrong password is a 401 in the envelope', async () => {
    const bad = await post('/auth/login', { username: 'root', password: 'wrong' })
    expect(bad.http).toBe(401)
    expect(bad.body).toMatchObject({ status: 401, code: 'auth.invalid_credentials', data: null })
    const good = await post('/auth/login', admin)
    expect(good.http).toBe(200)
    expect(typeof good.body.data.token).toBe('string')
  })

  it('bearer tokens on /api/<procedure>; 401 without; logout ends the token', async () => {
    expect((await post('/api/users.list', {})).http).toBe(401)
    const { token } = (await post('/auth/login', admin)).body.data as { token: string }
    const list = await post('/api/users.list', { page: 1, pageSize: 10 }, token)
    expect(list.http).toBe(200)
    expect(list.body.data).toMatchObject({ page: 1, pageSize: 10, total: 1 })
    expect(JSON.stringify(list.body)).not.toContain('password')
    expect((await post('/auth/logout', {}, token)).http).toBe(200)
    expect((await post('/api/users.list', {}, token)).http).toBe(401)
  })

  it('validation errors are 400s that name the field; malformed JSON too', async () => {
    const { token } = (await post('/auth/login', admin)).body.data as { token: string }
    const bad = await post('/api/merchants.create', { name: 'x' }, token)
    expect(bad.http).toBe(400)
    expect(bad.body).toMatchObject({ status: 400, code: 'validation', field: 'name' })
    expect(bad.body.message).toMatch(/^name: /)
    const broken = await post('/api/merchants.create', '{"name":', token, true)
    expect(broken.body).toMatchObject({ status: 400, field: 'body' })
  })

  it('unknown procedures and paths are 404s; a foreign Host header is refused', async () => {
    const { token } = (await post('/auth/login', admin)).body.data as { token: string }
    expect((await post('/api/no.such', {}, token)).body).toMatchObject({ status: 404, code: 'procedure.unknown' })
    expect((await fetch(`${host.url}/api/users.list`)).status).toBe(404)
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve) => {
      const req = request(`${host.url}/healthz`, { headers: { host: 'attacker.example' } }, (res) => resolve(res.statusCode ?? 0))
      req.end()
    })
    expect(status).toBe(400)
  })

  it('bodies over 1 MB are refused, except for an evidence upload, which may carry a 5 MB file', async () => {
    const { token } = (await post('/auth/login', admin)).body.data as { token: string }
    const big = 'x'.repeat(2 * 1024 * 1024)
    const refused = await post('/api/users.list', { page: 1, search: big }, token)
    expect(refused.body).toMatchObject({ status: 400, code: 'http.body_too_large', field: 'body' })
    // Past the body limit, the procedure itself answers: here, no dispute 999.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1024 * 1024)]).toString('base64')
    const upload = await post('/api/disputes.addEvidence', { id: 999, fileName: 'proof.pdf', contentBase64: pdf }, token)
    expect(upload.body).toMatchObject({ status: 404, message: 'Dispute 999 was not found' })
  })
})

describe('starting the headless host', () => {
  it('runs its setup (the demo and its simulator) before the engine starts, whose start resumes rehearsals', async () => {
    let engineListeningDuringSetup: string | null | undefined
    const started = await startHost({
      dataDir: mkdtempSync(join(tmpdir(), 'paydesk-http-setup-')),
      port: 0,
      host: '127.0.0.1',
      version: '9.9.9',
      rendererDir: null,
      beforeEngine: async (core) => {
        engineListeningDuringSetup = core.engine.listeningAt()
        await core.simulator.start({ port: 0, autoPayAfterMs: null, payoutDelayMs: 100, merchants: [], startedBy: 'demo' })
      }
    })
    try {
      expect(engineListeningDuringSetup).toBeNull()
      expect(started.core.engine.listeningAt()).not.toBeNull()
      expect(started.core.simulator.running()).not.toBeNull()
    } finally {
      await started.stop()
    }
  })
})
