/**
 * The desktop shell's security rules as small pure functions (no Electron import), so they can
 * be unit-tested and shared with the headless host (the CSP).
 */

/** The renderer's Content-Security-Policy; the same string is in src/renderer/index.html. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

/**
 * What only a response header can say (browsers ignore `frame-ancestors` in a meta tag): the
 * headless host sends the full policy as a header.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInSubFrames: false
  nodeIntegrationInWorker: false
  webSecurity: true
  allowRunningInsecureContent: false
  webviewTag: false
  experimentalFeatures: false
  spellcheck: false
}

export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: false
  }
}

/**
 * Whether `url` is a page of the app itself: the packaged renderer file (any hash route), or the
 * electron-vite dev server's origin during development.
 */
export function isAppUrl(url: string, appEntry: string): boolean {
  let target: URL
  let entry: URL
  try {
    target = new URL(url)
    entry = new URL(appEntry)
  } catch {
    return false
  }
  if (entry.protocol === 'file:') return target.protocol === 'file:' && target.pathname === entry.pathname
  return target.origin === entry.origin
}

export type WindowOpenDecision = { action: 'deny' } | { action: 'allow'; overrideBrowserWindowOptions: { webPreferences: SecureWebPreferences } }

/**
 * Window opening: only the app's own pages (a payment page, for example) open, as new app
 * windows with the same locked-down settings; everything else is denied.
 */
export function decideWindowOpen(url: string, appEntry: string, preload: string): WindowOpenDecision {
  if (!isAppUrl(url, appEntry)) return { action: 'deny' }
  return { action: 'allow', overrideBrowserWindowOptions: { webPreferences: secureWebPreferences(preload) } }
}

/** Navigation inside a window: only within the app (hash routes); never away from it. */
export function allowNavigation(url: string, appEntry: string): boolean {
  return isAppUrl(url, appEntry)
}

/** Permission requests (camera, notifications, geolocation, …): PayDesk needs none. */
export function allowPermissionRequest(_permission: string): boolean {
  return false
}

export interface SenderFrameFacts {
  url: string
  /** True when the frame is the top-level frame of its web contents. */
  isMainFrame: boolean
}

/** IPC calls are answered only for the app's own top-level page: never an iframe, never a foreign page. */
export function isTrustedSender(frame: SenderFrameFacts | null | undefined, appEntry: string): boolean {
  return !!frame && frame.isMainFrame && isAppUrl(frame.url, appEntry)
}
