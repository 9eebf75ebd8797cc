import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY,
  allowNavigation,
  allowPermissionRequest,
  CONTENT_SECURITY_POLICY,
  decideWindowOpen,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences
} from './security'

const fileUrl = 'file:///opt/PayDesk/resources/app/out/renderer/index.html'
const devEntry = 'http://localhost:5173'

describe('desktop security rules', () => {
  it('locks the renderer down', () => {
    expect(secureWebPreferences('/p.js')).toMatchObject({
      preload: '/p.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    })
  })

  it('knows the app’s own pages by origin: app://paydesk with any path or hash route, or the dev server', () => {
    expect(APP_ENTRY).toBe('app://paydesk/index.html')
    expect(isAppUrl(`${APP_ENTRY}#/admin/users`, APP_ENTRY)).toBe(true)
    expect(isAppUrl('app://paydesk/', APP_ENTRY)).toBe(true)
    expect(isAppUrl('app://PayDesk/index.html#/', APP_ENTRY)).toBe(true)
    expect(isAppUrl('app://other/index.html', APP_ENTRY)).toBe(false)
    expect(isAppUrl('app://paydesk:8080/index.html', APP_ENTRY)).toBe(false)
    expect(isAppUrl('apps://paydesk/index.html', APP_ENTRY)).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/login', devEntry)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', devEntry)).toBe(false)
    expect(isAppUrl('app://paydesk/index.html', devEntry)).toBe(false)
    expect(isAppUrl('https://evil.example/', APP_ENTRY)).toBe(false)
    expect(isAppUrl('not a url', APP_ENTRY)).toBe(false)
  })

  it('trusts no file:// page, not even the renderer’s own file (all file URLs share one opaque origin)', () => {
    expect(isAppUrl(fileUrl, APP_ENTRY)).toBe(false)
    expect(isAppUrl(fileUrl, fileUrl)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', fileUrl)).toBe(false)
    expect(isAppUrl('data:text/html,<h1>x</h1>', APP_ENTRY)).toBe(false)
    expect(isAppUrl('blob:app://paydesk/123', APP_ENTRY)).toBe(false)
  })

  it('opens only the app’s own windows, with the same locked-down settings', () => {
    expect(decideWindowOpen('https://pay.example/checkout', APP_ENTRY, '/p.js')).toEqual({ action: 'deny' })
    expect(decideWindowOpen(fileUrl, APP_ENTRY, '/p.js')).toEqual({ action: 'deny' })
    // The renderer's window.open('#/payment/42') resolves against the entry.
    const own = decideWindowOpen(new URL('#/payment/42', APP_ENTRY).href, APP_ENTRY, '/p.js')
    expect(own).toEqual({ action: 'allow', overrideBrowserWindowOptions: { webPreferences: secureWebPreferences('/p.js') } })
  })

  it('never navigates away from the app', () => {
    expect(allowNavigation(`${APP_ENTRY}#/audit`, APP_ENTRY)).toBe(true)
    expect(allowNavigation('https://evil.example/', APP_ENTRY)).toBe(false)
    expect(allowNavigation('file:///tmp/other.html', APP_ENTRY)).toBe(false)
  })

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(allowPermissionRequest(p)).toBe(false)
  })

  it('answers IPC only from the app’s own top-level frame', () => {
    expect(isTrustedSender({ url: `${APP_ENTRY}#/`, isMainFrame: true }, APP_ENTRY)).toBe(true)
    expect(isTrustedSender({ url: `${APP_ENTRY}#/`, isMainFrame: false }, APP_ENTRY)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, APP_ENTRY)).toBe(false)
    expect(isTrustedSender({ url: fileUrl, isMainFrame: true }, APP_ENTRY)).toBe(false)
    expect(isTrustedSender(null, APP_ENTRY)).toBe(false)
  })

  it('the renderer’s HTML carries the same strict CSP', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })
})
