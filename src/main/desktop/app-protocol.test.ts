import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_SCHEME_PRIVILEGES, appResponseHeaders, contentTypeOf, rendererEntry, resolveAppRequest, serveRendererRequest } from './app-protocol'
import { APP_ENTRY, CONTENT_SECURITY_POLICY_HEADER } from './security'

const root = '/opt/PayDesk/resources/app.asar/out/renderer'

describe('where the renderer comes from', () => {
  it('the dev server only in development; a packaged app ignores ELECTRON_RENDERER_URL', () => {
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toBe('http://localhost:5173')
    expect(rendererEntry({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toBe(APP_ENTRY)
    expect(rendererEntry({ isPackaged: true, devServerUrl: 'https://evil.example/' })).toBe(APP_ENTRY)
    expect(rendererEntry({ isPackaged: false, devServerUrl: undefined })).toBe(APP_ENTRY)
    expect(rendererEntry({ isPackaged: false, devServerUrl: '' })).toBe(APP_ENTRY)
  })

  it('registers the scheme as standard, secure and fetchable, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true })
  })
})

describe('app:// requests to renderer files', () => {
  it('serves files inside the renderer folder; the bare origin and folders get index.html', () => {
    expect(resolveAppRequest(APP_ENTRY, 'GET', root)).toEqual({ status: 200, file: `${root}/index.html`, contentType: 'text/html; charset=utf-8' })
    expect(resolveAppRequest(`${APP_ENTRY}#/orders?page=2`, 'GET', root)).toMatchObject({ status: 200, file: `${root}/index.html` })
    expect(resolveAppRequest('app://paydesk', 'GET', root)).toMatchObject({ status: 200, file: `${root}/index.html` })
    expect(resolveAppRequest('app://paydesk/assets/index-B2x9.js', 'HEAD', root)).toEqual({
      status: 200,
      file: `${root}/assets/index-B2x9.js`,
      contentType: 'text/javascript; charset=utf-8'
    })
    expect(resolveAppRequest('app://paydesk/assets/My%20Font.woff2', 'GET', root)).toMatchObject({ status: 200, file: `${root}/assets/My Font.woff2` })
  })

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://paydesk/..%2F..%2Fpackage.json',
      'app://paydesk/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://paydesk/%2e%2e%2fsecret.key',
      'app://paydesk/..%5C..%5Cpackage.json',
      'app://paydesk/a%00.html',
      'app://paydesk/C:%5CWindows%5Cwin.ini',
      'app://paydesk/index.html:stream'
    ]) {
      expect(resolveAppRequest(url, 'GET', root), url).toMatchObject({ status: 403 })
    }
    // Plain ../ never reaches the handler: the URL parser folds it inside the origin.
    expect(resolveAppRequest('app://paydesk/../../package.json', 'GET', root)).toMatchObject({ status: 200, file: `${root}/package.json` })
  })

  it('refuses Windows traversal too (backslashes, drive letters)', () => {
    const winRoot = 'C:\\Program Files\\PayDesk\\resources\\app.asar\\out\\renderer'
    expect(resolveAppRequest('app://paydesk/assets/app.css', 'GET', winRoot, path.win32)).toMatchObject({ status: 200, file: `${winRoot}\\assets\\app.css` })
    expect(resolveAppRequest('app://paydesk/..\\..\\package.json', 'GET', winRoot, path.win32)).toMatchObject({ status: 403 })
    expect(resolveAppRequest('app://paydesk/D:/secret.key', 'GET', winRoot, path.win32)).toMatchObject({ status: 403 })
  })

  it('answers only GET and HEAD, only for its own host, only well-formed paths', () => {
    expect(resolveAppRequest(APP_ENTRY, 'POST', root)).toMatchObject({ status: 405 })
    expect(resolveAppRequest('app://other/index.html', 'GET', root)).toMatchObject({ status: 404 })
    expect(resolveAppRequest('app://paydesk:1/index.html', 'GET', root)).toMatchObject({ status: 404 })
    expect(resolveAppRequest('file:///etc/passwd', 'GET', root)).toMatchObject({ status: 404 })
    expect(resolveAppRequest('app://paydesk/%E0%A4%A', 'GET', root)).toMatchObject({ status: 400 })
    expect(resolveAppRequest('::', 'GET', root)).toMatchObject({ status: 400 })
  })

  it('chooses the MIME type by extension; unknown files are opaque bytes', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('a/index-x.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('chunk.MJS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('index-x.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeOf('logo.svg')).toBe('image/svg+xml')
    expect(contentTypeOf('logo.png')).toBe('image/png')
    expect(contentTypeOf('font.woff2')).toBe('font/woff2')
    expect(contentTypeOf('data.json')).toBe('application/json; charset=utf-8')
    expect(contentTypeOf('secret.key')).toBe('application/octet-stream')
    expect(contentTypeOf('README')).toBe('application/octet-stream')
  })

  it('sends nosniff on every file and the CSP header (with frame-ancestors) on pages', () => {
    expect(appResponseHeaders('text/html; charset=utf-8')).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY_HEADER
    })
    expect(appResponseHeaders('text/javascript; charset=utf-8')).toEqual({ 'content-type': 'text/javascript; charset=utf-8', 'x-content-type-options': 'nosniff' })
  })

  it('the handler answers with the file’s bytes, or an empty refusal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paydesk-renderer-'))
    const rendererDir = path.join(dir, 'renderer')
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(path.join(rendererDir, 'index.html'), '<div id="root"></div>')
    writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'export {}')
    writeFileSync(path.join(dir, 'secret.key'), 'not for the renderer')

    const page = await serveRendererRequest(new Request(`${APP_ENTRY}#/login`), rendererDir)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toBe('<div id="root"></div>')
    const script = await serveRendererRequest({ url: 'app://paydesk/assets/index.js', method: 'GET' }, rendererDir)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('export {}')
    const head = await serveRendererRequest({ url: 'app://paydesk/assets/index.js', method: 'HEAD' }, rendererDir)
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')

    const escape = await serveRendererRequest({ url: 'app://paydesk/..%2Fsecret.key', method: 'GET' }, rendererDir)
    expect(escape.status).toBe(403)
    expect(await escape.text()).toBe('')
    expect((await serveRendererRequest({ url: 'app://paydesk/missing.js', method: 'GET' }, rendererDir)).status).toBe(404)
    expect((await serveRendererRequest({ url: 'app://paydesk/assets', method: 'GET' }, rendererDir)).status).toBe(404)
  })
})
