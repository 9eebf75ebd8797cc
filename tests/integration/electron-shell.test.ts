/**
 * Electron cannot run on these machines, so the built desktop bundles are loaded under Node with a
 * recording stand-in for Electron's API, and what they ask of Electron is checked.
 * Needs `npm run build` first (npm test builds before running vitest).
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { procedureNames } from '../../src/shared/contract'
import { APP_ENTRY, CONTENT_SECURITY_POLICY_HEADER, secureWebPreferences } from '../../src/main/desktop/security'
import { DATABASE_FILE, SECRET_KEY_FILE } from '../../src/main/paths'

const out = resolve(__dirname, '../../out')
const mainBundle = join(out, 'main', 'index.js')
const preloadBundle = join(out, 'preload', 'index.js')

type Listener = (...args: unknown[]) => unknown

interface StandIn {
  /** `app.isPackaged`. */
  isPackaged?: boolean
  /** What `safeStorage.getSelectedStorageBackend()` answers (Linux only in Electron). */
  storageBackend?: string
  /** Whether `app.requestSingleInstanceLock()` gets the lock (false: another PayDesk runs). */
  singleInstance?: boolean
  /** `app.getPreferredSystemLanguages()`. */
  languages?: string[]
}

function recordingElectron(userData: string, standIn: StandIn = {}) {
  const rec = {
    /** The order of the calls that must come before or after ready. */
    sequence: [] as string[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    safeStorageSeals: 0,
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    handlers: new Map<string, Listener>(),
    appEvents: new Map<string, Listener[]>(),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    exposed: new Map<string, unknown>(),
    quitCalls: 0,
    contentsEvents: new Map<string, Listener>(),
    rendererInvokes: [] as unknown[][],
    saveDialogs: [] as Record<string, unknown>[],
    /** What the save dialog answers next (dismissed when none is left). */
    saveAnswers: [] as { canceled: boolean; filePath?: string }[],
    menus: [] as unknown[],
    openedPaths: [] as string[],
    windowEvents: new Map<string, Listener>(),
    windowCalls: [] as string[],
    notifications: [] as { title: string; body: string }[],
    openedExternal: [] as string[]
  }
  let nextId = 1
  class BrowserWindow {
    webContents = {
      id: nextId++,
      on: (event: string, listener: Listener) => rec.contentsEvents.set(event, listener)
    }
    constructor(options: Record<string, unknown>) {
      rec.windows.push({ options, loaded: [] })
    }
    once() {}
    on(event: string, listener: Listener) {
      rec.windowEvents.set(event, listener)
    }
    getNormalBounds = () => ({ x: 40, y: 30, width: 1111, height: 777 })
    isMaximized = () => false
    isDestroyed = () => false
    isMinimized = () => true
    restore = () => void rec.windowCalls.push('restore')
    show = () => void rec.windowCalls.push('show')
    focus = () => void rec.windowCalls.push('focus')
    maximize = () => void rec.windowCalls.push('maximize')
    loadURL(url: string) {
      rec.windows.at(-1)!.loaded.push(url)
      return Promise.resolve()
    }
    static getAllWindows = () => []
    static getFocusedWindow = () => null
  }
  const electron = {
    app: {
      isPackaged: standIn.isPackaged ?? false,
      whenReady: () => {
        rec.sequence.push('whenReady')
        return Promise.resolve()
      },
      getPath: () => userData,
      getAppPath: () => resolve(__dirname, '../..'),
      requestSingleInstanceLock: () => standIn.singleInstance ?? true,
      getPreferredSystemLanguages: () => standIn.languages ?? ['en-US'],
      on: (event: string, listener: Listener) => rec.appEvents.set(event, [...(rec.appEvents.get(event) ?? []), listener]),
      quit: () => {
        rec.quitCalls++
      },
      exit: () => {}
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        rec.sequence.push('registerSchemesAsPrivileged')
        rec.privilegedSchemes.push(...schemes)
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        rec.sequence.push(`handle:${scheme}`)
        rec.protocolHandlers.set(scheme, handler)
      }
    },
    ipcMain: { handle: (channel: string, listener: Listener) => rec.handlers.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (rec.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (rec.permissionCheck = h)
      }
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (menu: unknown) => void rec.menus.push(menu) },
    Notification: class {
      static isSupported = () => true
      constructor(private readonly options: { title: string; body: string }) {}
      show() {
        rec.notifications.push(this.options)
      }
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    shell: {
      openExternal: (url: string) => {
        rec.openedExternal.push(url)
        return Promise.resolve()
      },
      openPath: (path: string) => {
        rec.openedPaths.push(path)
        return Promise.resolve('')
      }
    },
    dialog: {
      showMessageBox: async () => ({}),
      showSaveDialog: async (...args: unknown[]) => {
        rec.saveDialogs.push(args.at(-1) as Record<string, unknown>)
        return rec.saveAnswers.shift() ?? { canceled: true }
      },
      showErrorBox: (title: string, message: string) => { throw new Error(`${title}: ${message}`) } },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => standIn.storageBackend ?? 'gnome_libsecret',
      encryptString: (plain: string) => {
        rec.safeStorageSeals++
        return Buffer.from(`sealed:${plain}`)
      },
      decryptString: (sealed: Buffer) => sealed.toString().slice('sealed:'.length)
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => rec.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        rec.rendererInvokes.push(args)
        return Promise.resolve({ status: 200 })
      },
      on: () => {},
      removeListener: () => {}
    }
  }
  return { electron, rec }
}

/** Loads a built bundle with `electron` answered by the stand-in; `rendererUrl` is ELECTRON_RENDERER_URL while it loads. */
function loadWithElectron(file: string, electron: unknown, rendererUrl?: string): string[] {
  const requested: string[] = []
  const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
  const original = moduleWithLoad._load
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    requested.push(request)
    return request === 'electron' ? electron : original.call(this, request, ...rest)
  }
  const savedUrl = process.env.ELECTRON_RENDERER_URL
  if (rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL
  else process.env.ELECTRON_RENDERER_URL = rendererUrl
  try {
    delete require.cache[file]
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS and must load through the hooked Module._load
    require(file)
  } finally {
    moduleWithLoad._load = original
    if (savedUrl === undefined) delete process.env.ELECTRON_RENDERER_URL
    else process.env.ELECTRON_RENDERER_URL = savedUrl
  }
  return requested.filter((r) => r !== file)
}

type Rec = ReturnType<typeof recordingElectron>['rec']

/** Starts the built main process under a fresh stand-in, with its own data folder. */
async function bootDesktop(standIn: StandIn, rendererUrl?: string): Promise<{ rec: Rec; userData: string }> {
  if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run npm run build first`)
  const userData = mkdtempSync(join(tmpdir(), 'paydesk-electron-'))
  const { electron, rec } = recordingElectron(userData, standIn)
  loadWithElectron(mainBundle, electron, rendererUrl)
  await until(() => rec.windows.length > 0, 'the main window')
  return { rec, userData }
}

/** Quitting stops the order engine first, then closes the database and quits for real. */
async function quitDesktop(rec: Rec): Promise<void> {
  for (const quit of rec.appEvents.get('will-quit') ?? []) quit({ preventDefault: () => {} })
  await until(() => rec.quitCalls > 0, 'the app to quit after stopping the order engine')
}

type Frame = { sender: { id: number }; senderFrame: { url: string; parent: null | object } }
type Answer = { status: number; code?: string; data: Record<string, unknown> }
const call = (rec: Rec, frame: Frame, name: string, input: unknown) => rec.handlers.get(`paydesk:${name}`)!(frame, input) as Promise<Answer>

/** Signs in the first administrator and creates a merchant: the core seals its signing secret. */
async function createMerchant(rec: Rec, frame: Frame): Promise<void> {
  await call(rec, frame, 'auth.setupAdmin', { username: 'desk.admin', displayName: 'Desk', password: 'Desk-password-1' })
  expect(await call(rec, frame, 'auth.login', { username: 'desk.admin', password: 'Desk-password-1' })).toMatchObject({ status: 200 })
  const created = await call(rec, frame, 'merchants.create', { name: 'Sealed Secrets Ltd', contactName: 'Ops', contactEmail: 'ops@example.com', contactPhone: '+66 2 000 0000' })
  expect(created).toMatchObject({ status: 200 })
}

function sealedSigningSecrets(userData: string): string[] {
  const db = new Database(join(userData, DATABASE_FILE), { readonly: true })
  try {
    return (db.prepare('select signing_secret_enc as sealed from merchants').all() as { sealed: string }[]).map((r) => r.sealed)
  } finally {
    db.close()
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

describe('the built desktop main bundle under a recording Electron', () => {
  let rec: Rec
  let userData: string
  const appEntry = APP_ENTRY

  beforeAll(async () => {
    ;({ rec, userData } = await bootDesktop({ isPackaged: false, storageBackend: 'gnome_libsecret' }))
  })
  afterAll(async () => {
    await quitDesktop(rec)
  })

  it('creates the window with exactly the locked-down settings and loads the renderer from app://, not file://', () => {
    expect(rec.windows).toHaveLength(1)
    expect(rec.windows[0].options.webPreferences).toEqual(secureWebPreferences(join(out, 'preload', 'index.js')))
    expect(rec.windows[0].loaded).toEqual(['app://paydesk/index.html'])
  })

  it('registers app:// as a privileged scheme before the app is ready, and serves it once ready', () => {
    expect(rec.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    expect(rec.sequence.indexOf('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0)
    expect(rec.sequence.indexOf('registerSchemesAsPrivileged')).toBeLessThan(rec.sequence.indexOf('whenReady'))
    expect(rec.sequence.indexOf('handle:app')).toBeGreaterThan(rec.sequence.indexOf('whenReady'))
    expect([...rec.protocolHandlers.keys()]).toEqual(['app'])
  })

  it('app:// serves the built renderer with its MIME types and the CSP header', async () => {
    const serve = rec.protocolHandlers.get('app')!
    const page = await serve(new Request(`${appEntry}#/login`))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER)
    const html = await page.text()
    expect(html).toContain('<div id="root"></div>')
    // The page's own module script and stylesheet, by the relative paths the page asks for.
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]
    const styles = /<link rel="stylesheet" crossorigin href="([^"]+)"/.exec(html)![1]
    const js = await serve(new Request(new URL(script, appEntry)))
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await serve(new Request(new URL(styles, appEntry)))).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('app:// refuses anything outside the renderer folder', async () => {
    const serve = rec.protocolHandlers.get('app')!
    for (const escape of ['app://paydesk/..%2F..%2Fpackage.json', 'app://paydesk/..%2Fmain%2Findex.js', 'app://paydesk/assets/..%2F..%2F..%2Fpackage.json', 'app://paydesk/..%5Cmain%5Cindex.js']) {
      const answer = await serve(new Request(escape))
      expect(answer.status, escape).toBe(403)
      expect(await answer.text(), escape).toBe('')
    }
    expect((await serve(new Request('app://paydesk/no-such-file.js'))).status).toBe(404)
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404)
    expect((await serve(new Request(appEntry, { method: 'POST', body: 'x' }))).status).toBe(405)
  })

  it('with a keyring, secrets are sealed by safeStorage and no key file is made', async () => {
    const main = { sender: { id: 5 }, senderFrame: { url: `${appEntry}#/merchants`, parent: null } }
    await createMerchant(rec, main)
    await call(rec, main, 'auth.logout', {})
    expect(rec.safeStorageSeals).toBe(1)
    expect(sealedSigningSecrets(userData)).toEqual([expect.stringMatching(/^ss:/)])
    expect(existsSync(join(userData, SECRET_KEY_FILE))).toBe(false)
  })

  it('registers one IPC handler per contract procedure, and nothing else', () => {
    expect([...rec.handlers.keys()].sort()).toEqual(procedureNames.map((n) => `paydesk:${n}`).sort())
  })

  it('every handler goes through the sender check', async () => {
    const foreign = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } }
    const subframe = { sender: { id: 1 }, senderFrame: { url: appEntry, parent: {} } }
    for (const [channel, handler] of rec.handlers) {
      expect(await handler(foreign, {}), channel).toMatchObject({ status: 403, code: 'ipc.untrusted_sender' })
      expect(await handler(subframe, {}), channel).toMatchObject({ status: 403, code: 'ipc.untrusted_sender' })
    }
    const own = { sender: { id: 1 }, senderFrame: { url: `${appEntry}#/login`, parent: null } }
    expect(await rec.handlers.get('paydesk:auth.setupStatus')!(own, {})).toMatchObject({ status: 200, data: { needsSetup: false, setupCodeRequired: false } })
  })

  it('a window the app opens (the payment page) acts in its opener’s session', async () => {
    const main = { sender: { id: 1 }, senderFrame: { url: `${appEntry}#/`, parent: null } }
    const child = { sender: { id: 77 }, senderFrame: { url: `${appEntry}#/payment/1`, parent: null } }
    expect(await rec.handlers.get('paydesk:auth.login')!(main, { username: 'desk.admin', password: 'Desk-password-1' })).toMatchObject({ status: 200 })
    expect(await rec.handlers.get('paydesk:auth.me')!(child, {})).toMatchObject({ status: 401 })
    let closed: Listener | undefined
    rec.contentsEvents.get('did-create-window')!({ webContents: { id: 77 }, on: (_e: string, l: Listener) => (closed = l) })
    expect(await rec.handlers.get('paydesk:auth.me')!(child, {})).toMatchObject({ status: 200, data: { username: 'desk.admin' } })
    closed!()
    expect(await rec.handlers.get('paydesk:auth.me')!(child, {})).toMatchObject({ status: 401 })
  })

  it('a report export asks where to save with a save dialog and writes the file there; a dismissed dialog starts nothing', async () => {
    const main = { sender: { id: 1 }, senderFrame: { url: `${appEntry}#/reports/settlement-summary`, parent: null } }
    const invoke = (name: string, input: unknown) => rec.handlers.get(`paydesk:${name}`)!(main, input) as Promise<{ status: number; data: Record<string, unknown> }>
    expect(await invoke('auth.login', { username: 'desk.admin', password: 'Desk-password-1' })).toMatchObject({ status: 200 })
    const chosen = join(mkdtempSync(join(tmpdir(), 'paydesk-desktop-export-')), 'my-summary.xlsx')
    rec.saveAnswers.push({ canceled: false, filePath: chosen })
    const started = await invoke('reports.exportStart', { report: 'settlementStatistics', format: 'xlsx', language: 'zh-CN' })
    expect(started).toMatchObject({ status: 200, data: { job: { state: 'running', savedTo: chosen, downloadPath: null } } })
    expect(rec.saveDialogs.at(-1)).toMatchObject({ filters: [{ extensions: ['xlsx'] }] })
    expect(String(rec.saveDialogs.at(-1)!.defaultPath)).toMatch(/settlementStatistics-\d{8}-\d{6}-UTC\+0800\.xlsx$/)
    const jobId = (started.data.job as { id: string }).id
    let status = await invoke('reports.exportStatus', { jobId })
    for (let i = 0; i < 1000 && status.data.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10))
      status = await invoke('reports.exportStatus', { jobId })
    }
    expect(status.data).toMatchObject({ state: 'done', savedTo: chosen, downloadPath: null })
    // A workbook (a zip) where the user said.
    expect(readFileSync(chosen).subarray(0, 2).toString()).toBe('PK')

    const dismissed = await invoke('reports.exportStart', { report: 'accountDetails', format: 'csv' })
    expect(dismissed).toMatchObject({ status: 200, data: { job: null } })
  })

  it('raises Home’s attention notices as operating-system notifications for a signed-in user only', async () => {
    const main = { sender: { id: 1 }, senderFrame: { url: `${appEntry}#/`, parent: null } }
    const notices = [{ title: 'PayDesk: needs attention', body: '2 × Payouts whose outcome is unknown' }]
    expect(await call(rec, { ...main, sender: { id: 9 } }, 'desktop.notify', { notices })).toMatchObject({ status: 401 })
    expect(rec.notifications).toEqual([])
    await call(rec, main, 'auth.login', { username: 'desk.admin', password: 'Desk-password-1' })
    expect(await call(rec, main, 'desktop.notify', { notices })).toMatchObject({ status: 200, data: { shown: 1 } })
    expect(rec.notifications).toEqual(notices)
  })

  it('denies permission requests and checks', () => {
    let granted: boolean | undefined
    rec.permissionRequest!(null, 'media', (answer: boolean) => (granted = answer))
    expect(granted).toBe(false)
    expect(rec.permissionCheck!(null, 'notifications')).toBe(false)
  })

  it('locks every new web contents: no foreign windows, no navigation away, no webviews', () => {
    const [created] = rec.appEvents.get('web-contents-created')!
    let openHandler: Listener | undefined
    const listeners = new Map<string, Listener>()
    created({}, { setWindowOpenHandler: (h: Listener) => (openHandler = h), on: (e: string, l: Listener) => listeners.set(e, l) })
    expect(openHandler!({ url: 'https://evil.example/', frameName: '' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'file:///etc/passwd', frameName: '' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: `${appEntry}#/payment/1`, frameName: '' })).toMatchObject({ action: 'allow' })
    // A window naming an order (the payment page's link) gets the system browser only for that
    // order's own payment address; there is no such order here, so nothing is opened.
    expect(openHandler!({ url: 'https://evil.example/pay', frameName: 'paydesk-payment-1' })).toEqual({ action: 'deny' })
    expect(rec.openedExternal).toEqual([])
    let prevented = false
    listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/')
    expect(prevented).toBe(true)
    let fileNavigationPrevented = false
    listeners.get('will-navigate')!({ preventDefault: () => (fileNavigationPrevented = true) }, pathToFileURL(join(out, 'renderer', 'index.html')).href)
    expect(fileNavigationPrevented).toBe(true)
    let hashNavigationPrevented = false
    listeners.get('will-navigate')!({ preventDefault: () => (hashNavigationPrevented = true) }, `${appEntry}#/audit`)
    expect(hashNavigationPrevented).toBe(false)
    let webviewPrevented = false
    listeners.get('will-attach-webview')!({ preventDefault: () => (webviewPrevented = true) })
    expect(webviewPrevented).toBe(true)
  })
})

type MenuItem = { label?: string; role?: string; click?: () => void; submenu?: MenuItem[] }
const menuItems = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...menuItems(i.submenu ?? [])])

describe('the desktop shell around the window', () => {
  let rec: Rec
  let userData: string

  beforeAll(async () => {
    ;({ rec, userData } = await bootDesktop({ isPackaged: true, languages: ['zh-Hans-CN', 'en-US'] }))
  })
  afterAll(async () => {
    await quitDesktop(rec)
  })

  it('writes its log file in the data folder, and File › Open logs folder opens that folder and nothing else', () => {
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toMatch(/\[info\] +PayDesk .* starting \(packaged\)/)
    const items = menuItems(rec.menus.at(-1) as MenuItem[])
    items.find((i) => i.label === '打开日志文件夹')!.click!()
    expect(rec.openedPaths).toEqual([join(userData, 'logs')])
  })

  it('builds its menu in the system language, without reload or developer tools in a packaged build', () => {
    const items = menuItems(rec.menus.at(-1) as MenuItem[])
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助', '检查更新…']))
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(items.map((i) => i.role)).not.toContain(role)
  })

  it('a second start of PayDesk brings this window forward', () => {
    for (const listener of rec.appEvents.get('second-instance') ?? []) listener({}, [], '')
    expect(rec.windowCalls).toEqual(['restore', 'show', 'focus'])
  })

  it('remembers where the window was when it closes', () => {
    rec.windowEvents.get('close')!()
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ x: 40, y: 30, width: 1111, height: 777, maximized: false })
  })
})

describe('a second instance', () => {
  it('quits before it opens a database, a window or an order engine', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'paydesk-electron-'))
    const { electron, rec } = recordingElectron(userData, { singleInstance: false })
    loadWithElectron(mainBundle, electron)
    await new Promise((r) => setTimeout(r, 100))
    expect(rec.quitCalls).toBe(1)
    expect(rec.windows).toEqual([])
    expect(rec.sequence).not.toContain('whenReady')
    expect(existsSync(join(userData, DATABASE_FILE))).toBe(false)
  })
})

describe('what the desktop never does', () => {
  it('hands the operating system only a provider’s payment link for its own order, and opens no path but the logs folder', () => {
    // Links open only as app windows (setWindowOpenHandler); nothing opens the user's browser or
    // another program with content the renderer chose.
    expect(readFileSync(preloadBundle, 'utf8')).not.toMatch(/openExternal|openPath/)
    // The one openExternal: a provider's payment link, checked against the order the window names.
    expect([...readFileSync(mainBundle, 'utf8').matchAll(/\.openExternal\(/g)]).toHaveLength(1)
    expect(readFileSync(mainBundle, 'utf8')).toMatch(/paymentLink\(orderId\) === url\)[^;]*\.openExternal\(url\)/)
    expect([...readFileSync(mainBundle, 'utf8').matchAll(/\.openPath\(/g)].map((m) => m[0])).toEqual(['.openPath('])
  })
})

describe('a packaged build on Linux without a keyring', () => {
  let rec: Rec
  let userData: string
  const warnings: string[] = []

  beforeAll(async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')))
    try {
      // Whatever ELECTRON_RENDERER_URL serves would pass the IPC sender check, were it honoured.
      ;({ rec, userData } = await bootDesktop({ isPackaged: true, storageBackend: 'basic_text' }, 'http://127.0.0.1:5173/'))
    } finally {
      warn.mockRestore()
    }
  })
  afterAll(async () => {
    await quitDesktop(rec)
  })

  it('ignores ELECTRON_RENDERER_URL: loads app://, and answers no IPC from the URL it named', async () => {
    expect(rec.windows[0].loaded).toEqual([APP_ENTRY])
    const planted = { sender: { id: 1 }, senderFrame: { url: 'http://127.0.0.1:5173/#/', parent: null } }
    expect(await call(rec, planted, 'auth.setupStatus', {})).toMatchObject({ status: 403, code: 'ipc.untrusted_sender' })
    const own = { sender: { id: 1 }, senderFrame: { url: `${APP_ENTRY}#/`, parent: null } }
    expect(await call(rec, own, 'auth.setupStatus', {})).toMatchObject({ status: 200 })
  })

  // getSelectedStorageBackend is a Linux-only question; these machines are Linux.
  it.runIf(process.platform === 'linux')('with safeStorage on basic_text, seals secrets with an owner-only secret.key instead, and says so', async () => {
    const keyFile = join(userData, SECRET_KEY_FILE)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(warnings).toEqual([expect.stringContaining(`sealed with the key file ${keyFile}`)])
    expect(warnings[0]).toContain('(backend: basic_text)')
    await createMerchant(rec, { sender: { id: 2 }, senderFrame: { url: `${APP_ENTRY}#/merchants`, parent: null } })
    expect(rec.safeStorageSeals).toBe(0)
    expect(sealedSigningSecrets(userData)).toEqual([expect.stringMatching(/^v1:/)])
  })
})

describe('a development run (electron-vite dev)', () => {
  let rec: Rec

  beforeAll(async () => {
    ;({ rec } = await bootDesktop({ isPackaged: false }, 'http://localhost:5173'))
  })
  afterAll(async () => {
    await quitDesktop(rec)
  })

  it('offers reload and the developer tools in its English menu', () => {
    const items = menuItems(rec.menus.at(-1) as MenuItem[])
    expect(items.map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['File', 'Open logs folder', 'Check for updates…']))
  })

  it('loads the dev server named by ELECTRON_RENDERER_URL and trusts only its origin', async () => {
    expect(rec.windows[0].loaded).toEqual(['http://localhost:5173'])
    const devPage = { sender: { id: 1 }, senderFrame: { url: 'http://localhost:5173/#/login', parent: null } }
    expect(await call(rec, devPage, 'auth.setupStatus', {})).toMatchObject({ status: 200 })
    const other = { sender: { id: 1 }, senderFrame: { url: 'http://localhost:5174/#/login', parent: null } }
    expect(await call(rec, other, 'auth.setupStatus', {})).toMatchObject({ status: 403 })
  })
})

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    const source = readFileSync(preloadBundle, 'utf8')
    const requires = [...source.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(requires).toEqual(['electron'])
    const { electron } = recordingElectron(tmpdir())
    expect(loadWithElectron(preloadBundle, electron)).toEqual(['electron'])
  })

  it('exposes only invoke and on, for the contract’s names', async () => {
    const { electron, rec } = recordingElectron(tmpdir())
    loadWithElectron(preloadBundle, electron)
    const bridge = rec.exposed.get('paydesk') as { invoke: Listener; on: Listener }
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
    await bridge.invoke('users.list', { page: 1 })
    expect(rec.rendererInvokes).toEqual([['paydesk:users.list', { page: 1 }]])
    await expect(bridge.invoke('fs.readFile', {})).rejects.toThrow('Unknown procedure')
    expect(() => bridge.on('not.an.event', () => {})).toThrow('Unknown event')
  })
})
