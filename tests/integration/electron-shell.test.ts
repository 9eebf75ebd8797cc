/**
 * Electron cannot run on these machines, so the built desktop bundles are loaded under Node with a
 * recording stand-in for Electron's API, and what they ask of Electron is checked.
 * Needs `npm run build` first (npm test builds before running vitest).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { procedureNames } from '../../src/shared/contract'
import { secureWebPreferences } from '../../src/main/desktop/security'

const out = resolve(__dirname, '../../out')
const mainBundle = join(out, 'main', 'index.js')
const preloadBundle = join(out, 'preload', 'index.js')

type Listener = (...args: unknown[]) => unknown

function recordingElectron(userData: string) {
  const rec = {
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
    saveAnswers: [] as { canceled: boolean; filePath?: string }[]
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
    on() {}
    loadURL(url: string) {
      rec.windows.at(-1)!.loaded.push(url)
      return Promise.resolve()
    }
    static getAllWindows = () => []
    static getFocusedWindow = () => null
  }
  const electron = {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getAppPath: () => resolve(__dirname, '../..'),
      on: (event: string, listener: Listener) => rec.appEvents.set(event, [...(rec.appEvents.get(event) ?? []), listener]),
      quit: () => {
        rec.quitCalls++
      },
      exit: () => {}
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => rec.handlers.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (rec.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (rec.permissionCheck = h)
      }
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => {} },
    dialog: {
      showMessageBox: async () => ({}),
      showSaveDialog: async (...args: unknown[]) => {
        rec.saveDialogs.push(args.at(-1) as Record<string, unknown>)
        return rec.saveAnswers.shift() ?? { canceled: true }
      },
      showErrorBox: (title: string, message: string) => { throw new Error(`${title}: ${message}`) } },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
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

function loadWithElectron(file: string, electron: unknown): string[] {
  const requested: string[] = []
  const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
  const original = moduleWithLoad._load
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    requested.push(request)
    return request === 'electron' ? electron : original.call(this, request, ...rest)
  }
  try {
    delete require.cache[file]
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS and must load through the hooked Module._load
    require(file)
  } finally {
    moduleWithLoad._load = original
  }
  return requested.filter((r) => r !== file)
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

describe('the built desktop main bundle under a recording Electron', () => {
  const { electron, rec } = recordingElectron(mkdtempSync(join(tmpdir(), 'paydesk-electron-')))
  const appEntry = pathToFileURL(join(out, 'renderer', 'index.html')).href

  beforeAll(async () => {
    if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run npm run build first`)
    loadWithElectron(mainBundle, electron)
    await until(() => rec.windows.length > 0, 'the main window')
  })
  afterAll(async () => {
    // Quitting stops the order engine first, then closes the database and quits for real.
    for (const quit of rec.appEvents.get('will-quit') ?? []) quit({ preventDefault: () => {} })
    await until(() => rec.quitCalls > 0, 'the app to quit after stopping the order engine')
  })

  it('creates the window with exactly the locked-down settings and loads the packaged renderer', () => {
    expect(rec.windows).toHaveLength(1)
    expect(rec.windows[0].options.webPreferences).toEqual(secureWebPreferences(join(out, 'preload', 'index.js')))
    expect(rec.windows[0].loaded).toEqual([appEntry])
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
    expect(await rec.handlers.get('paydesk:auth.setupStatus')!(own, {})).toMatchObject({ status: 200, data: { needsSetup: true, setupCodeRequired: false } })
  })

  it('a window the app opens (the payment page) acts in its opener’s session', async () => {
    const main = { sender: { id: 1 }, senderFrame: { url: `${appEntry}#/`, parent: null } }
    const child = { sender: { id: 77 }, senderFrame: { url: `${appEntry}#/payment/1`, parent: null } }
    await rec.handlers.get('paydesk:auth.setupAdmin')!(main, { username: 'desk.admin', displayName: 'Desk', password: 'Desk-password-1' })
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
    expect(String(rec.saveDialogs.at(-1)!.defaultPath)).toMatch(/settlementStatistics-\d{8}-\d{6}\.xlsx$/)
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
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: `${appEntry}#/payment/1` })).toMatchObject({ action: 'allow' })
    let prevented = false
    listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/')
    expect(prevented).toBe(true)
    let webviewPrevented = false
    listeners.get('will-attach-webview')!({ preventDefault: () => (webviewPrevented = true) })
    expect(webviewPrevented).toBe(true)
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
