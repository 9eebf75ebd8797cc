/**
 * The Electron main process: owns the core (database, rules), serves it over IPC to a locked-down
 * window. Everything security-relevant is decided by the pure functions of desktop/security.ts,
 * desktop/app-protocol.ts and desktop/secret-box.ts (docs/electron-security.md scores them).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell } from 'electron'
import { version } from '../../package.json'
import { createCore, type Core } from './app/core'
import { keepMainThreadResponsive } from './app/v8-flags'
import { bindIpc, type IpcEventLike } from './desktop/ipc'
import { APP_SCHEME_PRIVILEGES, rendererEntry, serveRendererRequest } from './desktop/app-protocol'
import { openDesktopSecrets, secretBoxNotice } from './desktop/secret-box'
import { allowNavigation, allowPermissionRequest, APP_SCHEME, decideWindowOpen, paymentLinkOrder, secureWebPreferences } from './desktop/security'
import { DEFAULT_LOG_OPTIONS, logLevelFrom, openLog, type AppLogger } from './desktop/logging'
import { DIALOG_TEXT, menuLanguage, menuTemplate, type MenuLanguage } from './desktop/menu'
import { placeWindow, readWindowState, WINDOW_STATE_FILE, writeWindowState } from './desktop/window-state'
import { UPDATE_CONFIG_FILE, updateFeed } from './desktop/updates'
import { DATABASE_FILE, dataFolder, SECRET_KEY_FILE } from './paths'
import { startDemoProvider } from './demo/simulator'
import type { ExportTarget } from './reports/export/jobs'

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

/** The main window, where the user left it (desktop/window-state.ts); its place is saved as it closes. */
function createMainWindow(stateFile: string): BrowserWindow {
  const place = placeWindow(readWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea))
  const window = new BrowserWindow({
    width: place.width,
    height: place.height,
    ...(place.x === undefined ? {} : { x: place.x, y: place.y }),
    show: false,
    title: 'PayDesk',
    webPreferences: secureWebPreferences(preloadPath)
  })
  window.once('ready-to-show', () => {
    if (place.maximized) window.maximize()
    window.show()
  })
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    try {
      writeWindowState(stateFile, { ...bounds, maximized: window.isMaximized() })
    } catch (error) {
      logger?.warn('The window position could not be saved', error)
    }
  })
  void window.loadURL(appEntry)
  return window
}

function lockDownContents(core: Core): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url, frameName }) => {
      // A provider's payment link goes to the system browser, and only when it is exactly the
      // address the provider returned for the order the window names (desktop/security.ts).
      const orderId = paymentLinkOrder(frameName)
      if (orderId !== null && core.paymentLink(orderId) === url) void shell.openExternal(url)
      return decideWindowOpen(url, appEntry, preloadPath)
    })
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url, appEntry)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermissionRequest(permission)))
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowPermissionRequest(permission))
}

async function showDemo(core: Core, window: BrowserWindow | null): Promise<void> {
  const result = await core.loadDemo()
  // The app's own simulator (the simulator panel shows it); one already running is reused.
  await startDemoProvider(core.db, core.clock, core.simulator)
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

let logger: AppLogger | null = null

async function message(text: string, detail?: string): Promise<void> {
  const window = BrowserWindow.getFocusedWindow()
  const options = { type: 'info' as const, title: 'PayDesk', message: text, ...(detail ? { detail } : {}) }
  if (window) await dialog.showMessageBox(window, options)
  else await dialog.showMessageBox(options)
}

/**
 * Updates from the configured feed (desktop/updates.ts), packaged builds only: downloaded in the
 * background and installed at the next restart. `asked` is a check from the Help menu, which says
 * its outcome; the check at start says nothing unless an update is ready.
 */
async function checkForUpdates(language: MenuLanguage, asked: boolean): Promise<void> {
  const text = DIALOG_TEXT[language]
  const feed = updateFeed(process.env, join(app.getPath('userData'), UPDATE_CONFIG_FILE), existsSync(join(process.resourcesPath ?? '', 'app-update.yml')))
  if (!app.isPackaged || feed.source === 'none' || feed.source === 'invalid') {
    if (feed.source === 'invalid') logger?.warn(`Update feed in ${feed.where} ignored: ${feed.reason}`)
    if (asked) await message(text.noFeed)
    return
  }
  try {
    // Loaded only here: electron-updater needs Electron, and most starts never check.
    const { autoUpdater } = await import('electron-updater')
    if (logger) autoUpdater.logger = logger
    if (feed.source !== 'packaged') autoUpdater.setFeedURL({ provider: 'generic', url: feed.url })
    const result = await autoUpdater.checkForUpdates()
    const available = result?.isUpdateAvailable ? result.updateInfo.version : null
    if (available) {
      await result?.downloadPromise
      await message(text.updateReady(available))
    } else if (asked) await message(text.upToDate)
  } catch (error) {
    logger?.error('Update check failed', error)
    if (asked) await message(text.updateFailed(error instanceof Error ? error.message : String(error)))
  }
}

function buildMenu(core: Core, logsFolder: string, language: MenuLanguage): void {
  const template = menuTemplate({
    language,
    development: !app.isPackaged,
    actions: {
      // A fixed folder of the app's own, never a path from the window.
      openLogs: () => void shell.openPath(logsFolder),
      loadDemo: () => void showDemo(core, BrowserWindow.getFocusedWindow()),
      checkForUpdates: () => void checkForUpdates(language, true),
      about: () => void message(DIALOG_TEXT[language].about, DIALOG_TEXT[language].aboutDetail(version))
    }
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

async function start(): Promise<void> {
  keepMainThreadResponsive()
  await app.whenReady()
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererDir))
  const dataDir = app.getPath('userData')
  dataFolder(dataDir)
  const logsFolder = join(dataDir, 'logs')
  logger = openLog({ ...DEFAULT_LOG_OPTIONS, folder: logsFolder, level: logLevelFrom(process.env, DEFAULT_LOG_OPTIONS.level) })
  logger.info(`PayDesk ${version} starting (${app.isPackaged ? 'packaged' : 'development'}), data folder ${dataDir}`)
  // Credentials and signing secrets: the OS keychain through safeStorage, or the key file where
  // safeStorage has no keyring behind it (desktop/secret-box.ts). Asked after ready: before it,
  // Linux reports its backend as 'unknown'.
  const keyFile = join(dataDir, SECRET_KEY_FILE)
  const secrets = openDesktopSecrets({ platform: process.platform, storage: safeStorage, keyFile })
  const notice = secretBoxNotice(secrets.choice, keyFile)
  if (notice) {
    console.warn(notice)
    logger.warn(notice)
  }
  const appLog = logger
  const log = (error: unknown) => {
    appLog.error(error)
    if (!app.isPackaged) console.error(error)
  }
  const core = createCore({
    dbPath: join(dataDir, DATABASE_FILE),
    mode: 'desktop',
    version,
    nativeBinding: electronNativeBinding(),
    secrets: secrets.box,
    exportTarget: saveDialogTarget,
    log,
    // Home's new attention items, raised once each by the window (desktop.notify).
    notify: (notice) => {
      if (Notification.isSupported()) new Notification({ title: notice.title, body: notice.body }).show()
    },
    // A backup restored from Settings is swapped in at the next start: start again at once.
    onRestoreStaged: () => {
      appLog.info('Restore staged: relaunching to apply it')
      app.relaunch()
      app.quit()
    }
  })
  await core.ensureAdminFromEnv(process.env)
  if (process.argv.includes('--demo')) {
    await core.loadDemo()
    await startDemoProvider(core.db, core.clock, core.simulator)
  }
  await core.engine.start()

  lockDownContents(core)
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
  const language = menuLanguage(app.getPreferredSystemLanguages())
  buildMenu(core, logsFolder, language)
  const stateFile = join(dataDir, WINDOW_STATE_FILE)
  const window = createMainWindow(stateFile)
  // A second start of the app focuses this window instead (the lock is taken below, before start).
  app.on('second-instance', () => {
    if (window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  const contentsId = window.webContents.id
  window.on('closed', () => ipc.forget(contentsId))
  // The payment page opens in a new window of the app, signed in as its opener.
  window.webContents.on('did-create-window', (child) => {
    const childId = child.webContents.id
    ipc.inherit(contentsId, childId)
    child.on('closed', () => ipc.forget(childId))
  })

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(stateFile)
  })
  void checkForUpdates(language, false)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let quitting = false
  app.on('will-quit', (event) => {
    if (quitting) return
    // The order engine finishes its current step, running exports stop (their partial files
    // deleted), and a backup or ledger check under way ends, before the database closes. A backup
    // is one step of SQLite's (a snapshot): it cannot be stopped half-way, only waited for.
    event.preventDefault()
    quitting = true
    // The engine stops the simulator too.
    void Promise.all([core.engine.stop(), core.exports.stopAll()]).finally(() => {
      core.close()
      app.quit()
    })
  })
}

// One PayDesk per user: a second instance would run a second order engine on the same database.
// It hands over to the first (which focuses its window) and quits before opening anything.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void start().catch((error: unknown) => {
    logger?.error('PayDesk could not start', error)
    dialog.showErrorBox('PayDesk could not start', error instanceof Error ? error.message : String(error))
    app.exit(1)
  })
}
