/**
 * The Electron main process: owns the core (database, rules), serves it over IPC to a locked-down
 * window. Everything security-relevant is decided by the pure functions of desktop/security.ts.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, type MenuItemConstructorOptions } from 'electron'
import type { SecretBox } from './core/secrets'
import { version } from '../../package.json'
import { createCore, type Core } from './core/app'
import { keepMainThreadResponsive } from './core/v8-flags'
import { bindIpc, type IpcEventLike } from './desktop/ipc'
import { allowNavigation, allowPermissionRequest, decideWindowOpen, secureWebPreferences } from './desktop/security'
import { DATABASE_FILE } from './paths'
import { startDemoProvider } from './demo/simulator'
import type { ExportTarget } from './reports/export/jobs'
import type { RunningSimulator } from './simulator/server'

const preloadPath = join(__dirname, '../preload/index.js')
const rendererFile = join(__dirname, '../renderer/index.html')
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appEntry = devServerUrl ?? pathToFileURL(rendererFile).href

/** The Electron build of better-sqlite3 lives beside the Node build (see README, "Desktop build"). */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), 'native', `electron-${process.versions.modules}`, 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}

/** Credentials and signing secrets are sealed by the OS keychain through safeStorage. */
function safeStorageBox(): SecretBox {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('The operating system keychain is not available to encrypt secrets at rest')
  return {
    encrypt: (plain) => `ss:${safeStorage.encryptString(plain).toString('base64')}`,
    decrypt: (sealed) => {
      if (!sealed.startsWith('ss:')) throw new Error('Not a PayDesk secret')
      return safeStorage.decryptString(Buffer.from(sealed.slice(3), 'base64'))
    }
  }
}

/** Report exports go where the user says, in a save dialog over the focused window. */
const saveDialogTarget: ExportTarget = {
  async choose(fileName) {
    const extension = fileName.slice(fileName.lastIndexOf('.') + 1)
    const options = {
      defaultPath: join(app.getPath('downloads'), fileName),
      filters: [{ name: extension === 'xlsx' ? 'Excel workbook' : 'CSV', extensions: [extension] }]
    }
    const window = BrowserWindow.getFocusedWindow()
    const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
    return chosen.canceled || !chosen.filePath ? null : { path: chosen.filePath, download: false }
  }
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    show: false,
    title: 'PayDesk',
    webPreferences: secureWebPreferences(preloadPath)
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(devServerUrl ?? pathToFileURL(rendererFile).href)
  return window
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url, appEntry, preloadPath))
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url, appEntry)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermissionRequest(permission)))
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowPermissionRequest(permission))
}

let demoProvider: RunningSimulator | null = null

async function showDemo(core: Core, window: BrowserWindow | null): Promise<void> {
  const result = await core.loadDemo()
  demoProvider ??= await startDemoProvider(core.db, core.clock)
  const lines = result.users.map((u) => `${u.username}  /  ${u.password}  (${u.role}${u.merchant ? `, ${u.merchant}` : ''})`)
  const options = {
    type: 'info' as const,
    title: 'PayDesk demo',
    message: result.created ? 'Demo data loaded.' : 'Demo data was already loaded; nothing changed.',
    detail: `Demo sign-ins:\n${lines.join('\n')}`
  }
  if (window) await dialog.showMessageBox(window, options)
  else await dialog.showMessageBox(options)
}

function buildMenu(core: Core): void {
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    {
      label: 'Demo',
      submenu: [{ label: 'Load demo data', click: () => void showDemo(core, BrowserWindow.getFocusedWindow()) }]
    },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

async function start(): Promise<void> {
  keepMainThreadResponsive()
  await app.whenReady()
  const dataDir = app.getPath('userData')
  mkdirSync(dataDir, { recursive: true })
  const core = createCore({ dbPath: join(dataDir, DATABASE_FILE), mode: 'desktop', version, nativeBinding: electronNativeBinding(), secrets: safeStorageBox(), exportTarget: saveDialogTarget })
  await core.ensureAdminFromEnv(process.env)
  if (process.argv.includes('--demo')) {
    await core.loadDemo()
    demoProvider = await startDemoProvider(core.db, core.clock)
  }
  await core.orders.start()

  lockDownContents()
  const ipc = bindIpc(
    {
      handle: (channel, listener) =>
        ipcMain.handle(channel, (event, ...args) => {
          const frame = event.senderFrame
          const facts: IpcEventLike = {
            sender: { id: event.sender.id },
            senderFrame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
          }
          return listener(facts, ...args)
        })
    },
    core,
    () => appEntry
  )
  buildMenu(core)
  const window = createMainWindow()
  const contentsId = window.webContents.id
  window.on('closed', () => ipc.forget(contentsId))
  // The payment page opens in a new window of the app, signed in as its opener.
  window.webContents.on('did-create-window', (child) => {
    const childId = child.webContents.id
    ipc.inherit(contentsId, childId)
    child.on('closed', () => ipc.forget(childId))
  })

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let quitting = false
  app.on('will-quit', (event) => {
    if (quitting) return
    // The order engine finishes its current step, and running exports stop (their partial files
    // deleted), before the database closes.
    event.preventDefault()
    quitting = true
    void Promise.all([core.orders.stop(), core.exports.stopAll(), demoProvider?.stop()]).finally(() => {
      core.close()
      app.quit()
    })
  })
}

void start().catch((error: unknown) => {
  dialog.showErrorBox('PayDesk could not start', error instanceof Error ? error.message : String(error))
  app.exit(1)
})
