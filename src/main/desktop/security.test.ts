import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  allowNavigation,
  allowPermissionRequest,
  CONTENT_SECURITY_POLICY,
  decideWindowOpen,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences
} from './security'

const fileEntry = 'file:///opt/PayDesk/resources/app/out/renderer/index.html'
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

  it('knows the app’s own pages: the packaged file with any hash route, or the dev server', () => {
    expect(isAppUrl(`${fileEntry}#/admin/users`, fileEntry)).toBe(true)
    expect(isAppUrl('file:///etc/passwd', fileEntry)).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/login', devEntry)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', devEntry)).toBe(false)
    expect(isAppUrl('https://evil.example/', fileEntry)).toBe(false)
    expect(isAppUrl('not a url', fileEntry)).toBe(false)
  })

  it('opens only the app’s own windows, with the same locked-down settings', () => {
    expect(decideWindowOpen('https://pay.example/checkout', fileEntry, '/p.js')).toEqual({ action: 'deny' })
    const own = decideWindowOpen(`${fileEntry}#/payment/42`, fileEntry, '/p.js')
    expect(own).toEqual({ action: 'allow', overrideBrowserWindowOptions: { webPreferences: secureWebPreferences('/p.js') } })
  })

  it('never navigates away from the app', () => {
    expect(allowNavigation(`${fileEntry}#/audit`, fileEntry)).toBe(true)
    expect(allowNavigation('https://evil.example/', fileEntry)).toBe(false)
    expect(allowNavigation('file:///tmp/other.html', fileEntry)).toBe(false)
  })

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(allowPermissionRequest(p)).toBe(false)
  })

  it('answers IPC only from the app’s own top-level frame', () => {
    expect(isTrustedSender({ url: `${fileEntry}#/`, isMainFrame: true }, fileEntry)).toBe(true)
    expect(isTrustedSender({ url: `${fileEntry}#/`, isMainFrame: false }, fileEntry)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, fileEntry)).toBe(false)
    expect(isTrustedSender(null, fileEntry)).toBe(false)
  })

  it('the renderer’s HTML carries the same strict CSP', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })
})
