/**
 * Where the desktop renderer comes from. The packaged renderer is served from `app://paydesk/`, a
 * privileged standard scheme, instead of `file://`: a `file://` page may read any file the user
 * can, and every `file://` URL shares one opaque origin, so "the app's own page" could not be told
 * from any other file on disk. Here only files inside the renderer's output folder are served.
 * The origin itself (`APP_ENTRY`) is a security rule and lives in ./security. No Electron import:
 * src/main/index.ts registers the scheme and hands requests to `serveRendererRequest`.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { APP_ENTRY, APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY_HEADER } from './security'

/**
 * Registered before the app is ready: standard (real origin, relative URLs, web storage), secure
 * (a secure context, no mixed-content blocking) and fetch. Nothing else: no CSP bypass, no
 * service workers, no cross-origin reads of the scheme.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const

export interface RendererSourceFacts {
  /** `app.isPackaged`. */
  isPackaged: boolean
  /** `ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devServerUrl: string | undefined
}

/**
 * The page the windows load, which is also the origin the IPC sender check trusts. The dev
 * server only in development: in a packaged app the variable is ignored, or whatever it pointed
 * at would be answered as the app.
 */
export function rendererEntry(facts: RendererSourceFacts): string {
  if (!facts.isPackaged && facts.devServerUrl) return facts.devServerUrl
  return APP_ENTRY
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm'
}

/**
 * The Content-Type of a renderer file. Module scripts only run when served as JavaScript; an
 * unknown extension is served as opaque bytes (with `nosniff`, never run or rendered as a page).
 */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export type AppRequestResolution =
  | { status: 200; file: string; contentType: string }
  | { status: 400 | 403 | 404 | 405; reason: string }

/** What may stand in a path segment: no traversal, no Windows separators, drives or streams. */
function unsafeSegment(segment: string): boolean {
  return segment === '.' || segment === '..' || /[\\:\0]/.test(segment)
}

/**
 * Maps an `app://paydesk/…` request to a file inside `rendererDir`, or refuses it. The URL parser
 * already folds plain `../`; this also refuses encoded ones (`..%2F`), backslashes, drive letters
 * and NUL, then checks the joined path is still inside the folder. `pathApi` is injectable so the
 * Windows rules are tested on any machine.
 */
export function resolveAppRequest(url: string, method: string, rendererDir: string, pathApi: path.PlatformPath = path): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: `${method} is not served` }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { status: 400, reason: 'not a URL' }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return { status: 404, reason: 'not the app’s host' }
  let decoded: string
  try {
    decoded = decodeURIComponent(parsed.pathname)
  } catch {
    return { status: 400, reason: 'malformed percent-encoding' }
  }
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some(unsafeSegment)) return { status: 403, reason: 'outside the renderer folder' }
  if (segments.length === 0 || decoded.endsWith('/')) segments.push('index.html')
  const root = pathApi.resolve(rendererDir)
  const file = pathApi.join(root, ...segments)
  const relative = pathApi.relative(root, file)
  if (relative === '' || relative === '..' || relative.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(relative)) return { status: 403, reason: 'outside the renderer folder' }
  return { status: 200, file, contentType: contentTypeOf(file) }
}

/** Headers of every served file; HTML pages also get the CSP as a header (with `frame-ancestors`). */
export function appResponseHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType, 'x-content-type-options': 'nosniff' }
  if (contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY_HEADER
  return headers
}

/** The `protocol.handle` handler: the resolved file, or an empty error response. */
export async function serveRendererRequest(request: { url: string; method: string }, rendererDir: string): Promise<Response> {
  const resolved = resolveAppRequest(request.url, request.method, rendererDir)
  if (resolved.status !== 200) return new Response(null, { status: resolved.status, statusText: resolved.reason })
  let body: Buffer
  try {
    body = await readFile(resolved.file)
  } catch {
    return new Response(null, { status: 404, statusText: 'no such file' })
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appResponseHeaders(resolved.contentType) })
}
