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
 * The packaged renderer's origin: a privileged standard scheme served from the renderer's output
 * folder only (./app-protocol), never `file://`. Everything below trusts this origin, or the dev
 * server's during development (./app-protocol `rendererEntry`).
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'paydesk'
/** The page every desktop window loads; the renderer routes on the hash (`#/orders`). */
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * The origin of a URL the app may trust, or null. WHATWG URL gives a custom scheme the opaque
 * origin "null" (Chromium knows it is standard, Node does not), and every `file://` URL shares one
 * opaque origin, so only http(s) and the app scheme have one here: `file:`, `data:`, `blob:` and
 * the rest never match anything.
 */
function trustableOrigin(url: URL): string | null {
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin
  if (url.protocol === `${APP_SCHEME}:` && url.host !== '') return `${APP_SCHEME}://${url.host.toLowerCase()}`
  return null
}

/**
 * Whether `url` is a page of the app itself: same origin as the entry (`app://paydesk`, any path
 * or hash route; or the electron-vite dev server's origin during development).
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
  const origin = trustableOrigin(entry)
  return origin !== null && trustableOrigin(target) === origin
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

/** The window name the payment page gives a provider's payment link: `paydesk-payment-<order id>`. */
export const PAYMENT_LINK_WINDOW = 'paydesk-payment-'

/** The order a window open asks to show the provider's payment page of, from the window's name. */
export function paymentLinkOrder(frameName: string): number | null {
  const match = /^paydesk-payment-([1-9]\d{0,15})$/.exec(frameName)
  return match ? Number(match[1]) : null
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
