/**
 * The headless host's HTTP surface, a thin shell over the registry:
 *   POST /api/<procedure>  JSON body → envelope (HTTP status = envelope status)
 *   POST /auth/login, POST /auth/logout   (sign-in attempts are throttled: sign-in-throttle.ts)
 *   GET  /healthz          (no auth)
 *   GET  /accountdetail/list/{pageIndex}-{pageSize} and the other report API paths (reports-routes.ts)
 *   GET  /exports/{id}/file   a finished report export (export-routes.ts)
 *   GET  /                 the built renderer
 * Bearer tokens authenticate every path except /healthz, /auth/login and public procedures.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { procedureDef, procedureNames } from '../../shared/contract'
import { okEnvelope, type Envelope, type ErrorEnvelope } from '../../shared/envelope'
import { say } from '../../shared/server-text'
import { AppError, toErrorEnvelope } from '../core/errors'
import type { Registry } from '../core/registry'
import { inEnglish } from '../core/text'
import type { Clock } from '../core/context'
import { CONTENT_SECURITY_POLICY_HEADER } from '../desktop/security'
import type { ExportJobs } from '../reports/export/jobs'
import { registerExportRoutes } from './export-routes'
import { registerReportRoutes } from './reports-routes'
import { createSignInThrottle, type SignInLimits } from './sign-in-throttle'

export interface HttpAppOptions {
  registry: Registry
  clock: Clock
  version: string
  /** The built renderer (`out/renderer`), or null to serve the API only. */
  rendererDir: string | null
  /**
   * Host header values accepted (e.g. `127.0.0.1:8080`). A page on another site that resolves
   * its own name to 127.0.0.1 (DNS rebinding) sends its own Host and is refused. Null: any.
   */
  allowedHosts: (() => string[]) | null
  maxBodyBytes?: number
  /** Report exports, whose finished files are downloaded at GET /exports/{id}/file. */
  exports?: ExportJobs
  /** Sign-in attempts admitted per user name and per client address (default 10 and 30 a minute). */
  signInLimits?: SignInLimits
}

function send(c: Context, envelope: Envelope<unknown>): Response {
  return c.json(envelope, envelope.status as 200)
}

/** The host's own 500: the details are in its log. */
function internalError(now: number): ErrorEnvelope {
  const text = say('error.internalHost')
  return { status: 500, message: inEnglish(text), code: 'internal', text, data: null, timestamp: now }
}

function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization')
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match ? match[1] : null
}

/** The TCP peer. Behind a reverse proxy that is the proxy: forwarded headers are not trusted. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // Not served by @hono/node-server (app.request in a test): no socket to ask.
    return 'unknown'
  }
}

/** The name the sign-in will look up (trimmed, lower-case), or null when the body has none. */
function signInName(body: unknown): string | null {
  const name = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined
  return typeof name === 'string' && name.trim() !== '' ? name.trim().toLowerCase() : null
}

async function jsonBody(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await c.req.text()
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

export function createHttpApp(options: HttpAppOptions): Hono {
  const { registry, clock } = options
  const app = new Hono()
  const refuse = (c: Context, error: AppError) => send(c, toErrorEnvelope(error, clock.now()))
  const badBody = (c: Context) => refuse(c, new AppError('validation', say('rule.jsonObject'), { field: 'body' }))

  app.use('*', async (c, next) => {
    if (options.allowedHosts) {
      const host = c.req.header('host') ?? ''
      if (!options.allowedHosts().includes(host.toLowerCase())) {
        return refuse(c, new AppError('validation', say('rule.notThisHost', { host: host || '(none)' }), { code: 'http.bad_host', field: 'host' }))
      }
    }
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('X-Frame-Options', 'DENY')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Cross-Origin-Opener-Policy', 'same-origin')
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER)
    else c.header('Cache-Control', 'no-store')
  })

  const limitOf = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => refuse(c, new AppError('validation', say('rule.largerThanBytes', { n: maxSize }), { code: 'http.body_too_large', field: 'body' })) })
  const limit = limitOf(options.maxBodyBytes ?? 1024 * 1024)
  // Procedures that take uploads declare their own, larger limit in the contract.
  const uploadLimits = new Map(procedureNames.flatMap((name) => { const max = procedureDef(name).maxBodyBytes; return max ? [[name as string, limitOf(max)] as const] : [] }))

  app.get('/healthz', (c) => send(c, okEnvelope({ ok: true, version: options.version }, clock.now())))

  // Both paths to auth.login (/auth/login and /api/auth.login) pass the same throttle.
  const signInThrottle = createSignInThrottle(options.signInLimits)
  const signIn = async (c: Context, body: unknown) => {
    const verdict = signInThrottle.attempt(signInName(body), clientAddress(c), clock.now())
    if (!verdict.allowed) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))
      c.header('Retry-After', String(seconds))
      return refuse(c, new AppError('rate_limited', say('error.auth.rateLimited', { n: seconds }), { code: 'auth.rate_limited' }))
    }
    return send(c, await registry.dispatch('auth.login', body, { token: null, transport: 'http' }))
  }

  app.post('/auth/login', limit, async (c) => {
    const body = await jsonBody(c)
    return body.ok ? signIn(c, body.value) : badBody(c)
  })

  app.post('/auth/logout', async (c) => send(c, await registry.dispatch('auth.logout', {}, { token: bearerToken(c), transport: 'http' })))

  app.post('/api/:procedure', (c, next) => (uploadLimits.get(c.req.param('procedure')) ?? limit)(c, next), async (c) => {
    const body = await jsonBody(c)
    if (!body.ok) return badBody(c)
    if (c.req.param('procedure') === 'auth.login') return signIn(c, body.value)
    return send(c, await registry.dispatch(c.req.param('procedure'), body.value, { token: bearerToken(c), transport: 'http' }))
  })

  registerReportRoutes(app, { registry, bearerToken })
  if (options.exports) registerExportRoutes(app, { registry, exports: options.exports, clock, bearerToken })

  const noApiPath = (c: Context) => refuse(c, new AppError('not_found', say('error.http.noApiPath', { method: c.req.method, path: c.req.path }), { code: 'http.not_found' }))
  app.all('/api/*', noApiPath)
  app.all('/auth/*', noApiPath)

  const rendererDir = options.rendererDir
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: rendererDir }))
  }
  app.notFound((c) => refuse(c, new AppError('not_found', say('error.http.nothingAt', { path: c.req.path }), { code: 'http.not_found' })))
  app.onError((error, c) => {
    console.error(error)
    return send(c, internalError(clock.now()))
  })
  return app
}
