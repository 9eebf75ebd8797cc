/**
 * The Electron main process: owns the core (database, rules), serves it over IPC to a locked-down
 * window. Everything security-relevant is decided by the pure functions of desktop/security.ts,
 * desktop/app-protocol.ts and desktop/secret-box.ts (docs/electron-security.md scores them).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, type MenuItemConstructorOptions } from 'electron'
import { version } from '../../package.json'
import { createCore, type Core } from './app/core'
import { keepMainThreadResponsive } from './app/v8-flags'
import { bindIpc, type IpcEventLike } from './desktop/ipc'
import { APP_SCHEME_PRIVILEGES, rendererEntry, serveRendererRequest } from './desktop/app-protocol'
import { openDesktopSecrets, secretBoxNotice } from './desktop/secret-box'
import { allowNavigation, allowPermissionRequest, APP_SCHEME, decideWindowOpen, secureWebPreferences } from './desktop/security'
import { DATABASE_FILE, dataFolder, SECRET_KEY_FILE } from './paths'
import { startDemoProvider } from './demo/simulator'
import type { ExportTarget } from './reports/export/jobs'
import type { RunningSimulator } from './simulator/server'

// Privileged schemes can only be registered before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

const preloadPath = join(__dirname, '../preload/index.js')
const rendererDir = join(__dirname, '../renderer')
const appEntry = rendererEntry({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL })

/** The Electron build of better-sqlite3 lives beside the Node build (see README, "Desktop build"). */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), 'native', `electron-${process.versions.modules}`, 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
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
  void window.loadURL(appEntry)
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
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererDir))
  const dataDir = app.getPath('userData')
  dataFolder(dataDir)
  // Credentials and signing secrets: the OS keychain through safeStorage, or the key file where
  // safeStorage has no keyring behind it (desktop/secret-box.ts). Asked after ready: before it,
  // Linux reports its backend as 'unknown'.
  const keyFile = join(dataDir, SECRET_KEY_FILE)
  const secrets = openDesktopSecrets({ platform: process.platform, storage: safeStorage, keyFile })
  const notice = secretBoxNotice(secrets.choice, keyFile)
  if (notice) console.warn(notice)
  const core = createCore({ dbPath: join(dataDir, DATABASE_FILE), mode: 'desktop', version, nativeBinding: electronNativeBinding(), secrets: secrets.box, exportTarget: saveDialogTarget })
  await core.ensureAdminFromEnv(process.env)
  if (process.argv.includes('--demo')) {
    await core.loadDemo()
    demoProvider = await startDemoProvider(core.db, core.clock)
  }
  await core.engine.start()

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
    void Promise.all([core.engine.stop(), core.exports.stopAll(), demoProvider?.stop()]).finally(() => {
      core.close()
      app.quit()
    })
  })
}

void start().catch((error: unknown) => {
  dialog.showErrorBox('PayDesk could not start', error instanceof Error ? error.message : String(error))
  app.exit(1)
})
